# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from .common_claim import AftersalesClaimCommon


class AftersalesOldPartsCommon(AftersalesClaimCommon):
    """A submitted claim waiting for three old parts (heating element, thermostat, fan
    motor), the element's serial noted, and their return manifest (旧件返回单)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.thermostat, cls.motor = (
            cls.env["product.product"].create(
                {
                    "name": name,
                    "type": "consu",
                    "is_storable": True,
                    "standard_price": 20.0,
                    "aftersales_old_part_required": True,
                }
            )
            for name in ("Test thermostat", "Test fan motor")
        )
        for product in (cls.thermostat, cls.motor):
            cls.env["stock.quant"]._update_available_quantity(product, cls.point_location, 5)

    def _claim_with_three_old_parts(self, serial="SN 123/A"):
        job = self._create_job(self.unit_in_warranty, travel_distance=0)
        self._work_on_site(job)
        job.write(
            {
                "part_ids": [
                    Command.create({"product_id": product.id, "quantity": 1})
                    for product in (self.thermostat, self.motor)
                ]
            }
        )
        job.action_complete()
        claim = self._create_claim(job)
        self._part_line(claim, self.element).old_part_serial = serial
        claim.action_submit()
        self.assertEqual(claim.state, "waiting_parts")
        return claim

    def _return_of(self, claim):
        action = claim.with_user(self.user_clerk).action_create_old_part_returns()
        return self.env["stock.picking"].browse(action["res_id"])

    def _part_line(self, claim, product):
        return claim.line_ids.filtered(lambda line: line.product_id == product)

    def _move(self, picking, product):
        return picking.move_ids.filtered(lambda move: move.product_id == product)
