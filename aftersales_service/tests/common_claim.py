# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command

from .common_job import AftersalesJobCommon

REPAIR_RECORD = base64.b64encode(b"%PDF-1.4 signed repair record")


class AftersalesClaimCommon(AftersalesJobCommon):
    """A service point of class B (factor 1.0) at 60 per hour, a completed 三包 job with
    0.5 h of labour on a 0.5 h norm, one heating element (cost 40) and 10 km of travel
    at 2 per km; the unit's registration card came in time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        company.write(
            {
                "aftersales_claim_labour_rate": 60.0,
                "aftersales_claim_travel_rate": 2.0,
                "aftersales_claim_pricelist_id": False,
            }
        )
        cls.point.dealer_class_id = cls.env.ref("aftersales_service.aftersales_dealer_class_b")
        cls.element.write({"standard_price": 40.0, "aftersales_old_part_required": True})
        cls.unit_in_warranty.registration_card_date = cls.unit_in_warranty.sale_date
        cls.rules = {
            rule.code: rule
            for rule in cls.env["aftersales.claim.check.rule"].search(
                [("company_id", "=", company.id)]
            )
        }

    def _completed_job(self, unit=None, **vals):
        job = self._create_job(unit or self.unit_in_warranty, travel_distance=10.0, **vals)
        self._work_on_site(job)
        job.action_complete()
        return job

    def _create_claim(self, job=None, user=None):
        """索赔 on a completed job as ``user`` (the clerk), with the signed record."""
        job = job or self._completed_job()
        action = job.with_user(user or self.user_clerk).action_create_claim()
        claim = self.env["aftersales.claim"].browse(action["res_id"])
        claim.repair_record = REPAIR_RECORD
        return claim

    def _submitted_claim(self, **vals):
        claim = self._create_claim()
        if vals:
            claim.write(vals)
        claim.with_user(self.user_clerk).action_submit()
        return claim

    def _results(self, claim):
        return {result.rule_id.code: result for result in claim.current_check_ids}

    def _line(self, claim, line_type):
        return claim.line_ids.filtered(lambda line: line.line_type == line_type)

    def _add_line(self, claim, **vals):
        claim.write({"line_ids": [Command.create(vals)]})
        return claim.line_ids[-1:]
