# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from .common_job import SIGNATURE
from .common_settlement import AftersalesSettlementCommon


class AftersalesPortalCommon(AftersalesSettlementCommon):
    """Two service points of the company, each with a portal user on a contact of its own:
    ``point`` (the claims' and settlements' test point) with ``portal_a``, and ``point_b``
    with ``portal_b``, who must never see anything of the first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.point.is_dealer = True
        cls.point_b = cls.env["res.partner"].create(
            {
                "name": "Other service point",
                "is_company": True,
                "is_service_point": True,
                "is_dealer": True,
                "dealer_class_id": cls.point.dealer_class_id.id,
            }
        )
        cls.technician_b = cls.env["res.partner"].create(
            {
                "name": "Other technician",
                "parent_id": cls.point_b.id,
                "is_technician": True,
            }
        )
        cls.portal_a = cls._portal_user(cls.point, "aftersales-portal-a")
        cls.portal_b = cls._portal_user(cls.point_b, "aftersales-portal-b")

    @classmethod
    def _portal_user(cls, point, login, lang="en_US"):
        contact = cls.env["res.partner"].create(
            {"name": f"{point.name} portal", "parent_id": point.id, "type": "contact"}
        )
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups="base.group_portal",
            partner_id=contact.id,
            lang=lang,
            tz="Asia/Shanghai",
        )

    # ------------------------------------------------------------------
    # One record of each kind the portal shows, for a point: the isolation test plants
    # them for both points. Each area of the portal fills in its own method.
    # ------------------------------------------------------------------

    def _plant_jobs(self, point):
        """Jobs (and their parts) of ``point``: one dispatched with a planned part, one
        completed."""
        technician = point.child_ids.filtered("is_technician")[:1]
        customer = self.env["res.partner"].create(
            {"name": f"{point.name} customer", "phone": "13812345678"}
        )
        unit = self.env["stock.lot"].create(
            {
                "name": f"SN-PORTAL-{point.id}",
                "product_id": self.heater.id,
                "customer_id": customer.id,
                "sale_date": self.today,
            }
        )
        jobs = self.env["aftersales.service.job"].create(
            [
                {
                    "partner_id": customer.id,
                    "lot_id": unit.id,
                    "service_point_id": point.id,
                    "technician_id": technician.id,
                    "job_type": "inspection",
                    "resolution": "Checked",
                    "part_ids": [Command.create({"product_id": self.element.id})],
                }
                for _n in range(2)
            ]
        )
        jobs.action_dispatch()
        done = jobs[1]
        done.action_check_in()
        done.write({"signature": SIGNATURE, "signed_by": customer.name})
        self.env["stock.quant"]._update_available_quantity(
            self.element, point._aftersales_stock_location(), 1
        )
        done.action_complete()
        return jobs

    def _plant_claims(self, point):
        """Claims (lines, check results) of ``point``."""

    def _plant_old_parts(self, point):
        """Old parts to return and a return manifest of ``point``."""

    def _plant_money(self, point):
        """A settlement, a deposit with movements, a deduction and an appeal of ``point``."""

    def _plant_all(self, point):
        self._plant_jobs(point)
        self._plant_claims(point)
        self._plant_old_parts(point)
        self._plant_money(point)
