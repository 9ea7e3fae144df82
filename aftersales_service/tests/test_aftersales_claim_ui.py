# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .common_claim import REPAIR_RECORD
from .common_job import SIGNATURE
from .test_aftersales_ui import AftersalesUiCommon


@tagged("post_install", "-at_install")
class TestAftersalesClaimUi(AftersalesUiCommon):
    """A claim walked by its three roles in Chinese: the clerk claims a completed 三包 job
    and prepares its 旧件返回单, the store receives it with a part missing, the warranty
    technician appraises it. Labour 0.5 h at 60, a heating element at 40, 8 km at 2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {
                "aftersales_claim_labour_rate": 60.0,
                "aftersales_claim_travel_rate": 2.0,
                "aftersales_claim_pricelist_id": False,
            }
        )
        cls.point.dealer_class_id = cls.env.ref("aftersales_service.aftersales_dealer_class_b")
        cls.unit.registration_card_date = cls.unit.sale_date
        cls.element, cls.thermostat = (
            cls.env["product.product"].create(
                {
                    "name": name,
                    "type": "consu",
                    "is_storable": True,
                    "standard_price": price,
                    "aftersales_old_part_required": True,
                }
            )
            for name, price in (("Tour heating element", 40.0), ("Tour thermostat", 20.0))
        )
        location = cls.point._aftersales_stock_location()
        for product in (cls.element, cls.thermostat):
            cls.env["stock.quant"]._update_available_quantity(product, location, 5)
        cls.clerk = cls._user("aftersales-claim-clerk", "group_aftersales_clerk")
        cls.storekeeper = cls._user("aftersales-claim-store", "group_aftersales_warehouse")
        cls.warranty_technician = cls._user(
            "aftersales-claim-technician", "group_aftersales_technician"
        )

    def _completed_job(self, *products):
        _ticket, job = self._request_with_job(fault_code_id=self.fault.id, travel_distance=8.0)
        job.action_dispatch()
        job.action_accept()
        job.action_check_in()
        job.write(
            {
                "part_ids": [
                    Command.create({"product_id": product.id, "quantity": 1})
                    for product in products
                ],
                "signature": SIGNATURE,
                "signed_by": "Tour Caller",
                "resolution": "更换加热管",
            }
        )
        job.action_complete()
        return job

    def _submitted_claim(self, *products):
        job = self._completed_job(*products)
        action = job.with_user(self.clerk).action_create_claim()
        claim = self.env["aftersales.claim"].browse(action["res_id"])
        claim.write({"name": "SP-TOUR-0001", "repair_record": REPAIR_RECORD})
        claim.with_user(self.clerk).action_submit()
        self.assertEqual(claim.state, "waiting_parts")
        return claim

    def _part_line(self, claim, product):
        return claim.line_ids.filtered(lambda line: line.product_id == product)

    def test_clerk_claims_a_job_sees_every_check_and_prepares_the_return(self):
        job = self._completed_job(self.element)
        self.start_tour(
            f"/odoo/aftersales-jobs/{job.id}",
            "aftersales_clerk_claims_a_job",
            login=self.clerk.login,
        )
        claim = job.claim_ids
        self.assertEqual(claim.state, "waiting_parts")
        self.assertEqual(claim.version, 2)
        first = claim.check_result_ids.filtered(lambda result: result.version == 1)
        rules = self.env["aftersales.claim.check.rule"].search(
            [("company_id", "=", self.env.company.id)]
        )
        self.assertEqual(len(first), len(rules), "the tour counts one row per check")
        self.assertEqual(
            first.filtered(lambda result: result.outcome != "pass").rule_id.code, "job_done"
        )
        self.assertEqual(claim.repair_record_name, "三包维修记录.pdf")
        picking = claim.line_ids.old_part_move_ids.picking_id
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(picking.move_ids.product_id, self.element)

    def test_store_scans_one_part_and_the_missing_one_is_marked(self):
        claim = self._submitted_claim(self.element, self.thermostat)
        element_line = self._part_line(claim, self.element)
        self.assertEqual(element_line.old_part_barcode, "SP-TOUR-0001-02")
        action = claim.with_user(self.clerk).action_create_old_part_returns()
        self.start_tour(
            f"/odoo/action-stock.action_picking_tree_all/{action['res_id']}",
            "aftersales_warehouse_receives_old_parts",
            login=self.storekeeper.login,
        )
        self.assertEqual(element_line.old_part_state, "received")
        self.assertEqual(self._part_line(claim, self.thermostat).old_part_state, "missing")
        self.assertEqual(claim.state, "appraisal")
        self.assertIn("Tour thermostat: 缺件", "".join(claim.message_ids.mapped("body")))

    def test_technician_approves_a_claim_partly(self):
        claim = self._submitted_claim(self.element)
        action = claim.with_user(self.clerk).action_create_old_part_returns()
        picking = self.env["stock.picking"].browse(action["res_id"])
        picking.aftersales_scan_barcode(self._part_line(claim, self.element).old_part_barcode)
        picking.button_validate()
        self.assertEqual(claim.state, "appraisal")
        self.start_tour(
            f"/odoo/aftersales-claims/{claim.id}",
            "aftersales_technician_appraises_a_claim",
            login=self.warranty_technician.login,
        )
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.amount_claimed, 86.0)
        self.assertEqual(claim.amount_approved, 76.0)
        part = self._part_line(claim, self.element)
        self.assertEqual(part.appraisal, "partial")
        self.assertEqual(part.reject_reason_id.with_context(lang="en_US").name, "Quantity mismatch")
        self.assertEqual(part.appraised_by_id, self.warranty_technician)
