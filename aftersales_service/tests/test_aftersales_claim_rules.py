# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_claim import AftersalesClaimCommon


@tagged("post_install", "-at_install")
class TestAftersalesClaimRules(AftersalesClaimCommon):
    """The service-part list, the manager's exceptions, the old-part cut-off dates and
    the claim settings of a new company."""

    def _approve(self, claim, approval, reason, user=None):
        wizard = Form(
            self.env["aftersales.claim.approval.wizard"]
            .with_user(user or self.user_manager)
            .with_context(default_claim_id=claim.id, default_approval=approval)
        )
        wizard.reason = reason
        return wizard.save().action_approve()

    # ------------------------------------------------------------------
    # Parts fit the product (check 7)
    # ------------------------------------------------------------------
    def test_parts_must_be_on_the_service_part_list_within_the_quantity_per_unit(self):
        thermostat = self.env["product.product"].create(
            {"name": "Test thermostat", "type": "consu", "aftersales_is_spare_part": True}
        )
        self.heater.product_tmpl_id.aftersales_service_part_ids = [
            Command.create({"part_id": self.element.id, "quantity": 1.0})
        ]
        fits = self._submitted_claim()
        self.assertEqual(self._results(fits)["parts_fit"].outcome, "pass")

        claim = self._create_claim(self._completed_job())
        self._line(claim, "part").quantity = 2.0
        self._add_line(claim, line_type="part", product_id=thermostat.id, quantity=1.0)
        claim.action_submit()
        result = self._results(claim)["parts_fit"]
        self.assertEqual(result.outcome, "return")
        self.assertIn("2.0 × Test heating element, one unit holds 1.0", result.message)
        self.assertIn("Test thermostat is not a service part of it", result.message)

    def test_without_a_service_part_list_any_part_fits(self):
        self.assertFalse(self.heater.product_tmpl_id.aftersales_service_part_ids)
        claim = self._create_claim()
        self._line(claim, "part").quantity = 5.0
        claim.action_submit()
        self.assertEqual(self._results(claim)["parts_fit"].outcome, "pass")

    def test_a_service_part_quantity_is_positive(self):
        with self.assertRaises(ValidationError):
            self.heater.product_tmpl_id.aftersales_service_part_ids = [
                Command.create({"part_id": self.element.id, "quantity": 0.0})
            ]

    # ------------------------------------------------------------------
    # The manager's exceptions
    # ------------------------------------------------------------------
    def test_a_manager_accepts_a_late_registration_card_with_a_reason(self):
        self.unit_in_warranty.registration_card_date = False
        claim = self._submitted_claim()
        self.assertEqual(claim.state, "returned")
        self.assertTrue(claim.can_waive_card)
        with self.assertRaises(AccessError):
            self._approve(claim, "card", "Lost in the post", user=self.user_clerk)
        self._approve(claim, "card", "Card lost in the post, invoice shown")
        self.assertEqual(claim.card_waived_by, self.user_manager)
        self.assertFalse(claim.can_waive_card)
        self.assertIn("Card lost in the post", claim.message_ids[:1].body)
        claim.with_user(self.user_clerk).action_submit()
        self.assertEqual(self._results(claim)["registration_card"].outcome, "pass")
        self.assertEqual(claim.version, 2)
        self.assertEqual(claim.state, "waiting_parts")

    def test_a_manager_approves_labour_above_the_norm(self):
        claim = self._create_claim()
        labour = self._line(claim, "labour")
        self.assertEqual(labour.norm_hours, 0.5, "the norm comes from the fault")
        labour.quantity = 2.0
        self.assertTrue(claim.can_approve_overrun)
        self._approve(claim, "overrun", "Scale in the tank, two hours to remove")
        self.assertEqual(labour.overrun_approved_by, self.user_manager)
        self.assertEqual(labour.overrun_reason, "Scale in the tank, two hours to remove")
        self.assertFalse(claim.can_approve_overrun)
        claim.action_submit()
        self.assertEqual(self._results(claim)["labour_norm"].outcome, "pass")
        with self.assertRaises(UserError):
            self._approve(claim, "overrun", "Too late: submitted")

    def test_a_hand_made_labour_line_takes_the_fault_norm(self):
        claim = self._create_claim()
        extra = self._add_line(claim, line_type="labour", name="More labour", quantity=1.0)
        self.assertEqual(extra.norm_hours, 0.5)
        claim.action_submit()
        self.assertEqual(self._results(claim)["labour_norm"].outcome, "return")

    # ------------------------------------------------------------------
    # Old parts by fixed cut-off dates
    # ------------------------------------------------------------------
    def test_cut_off_dates_set_the_next_one_on_or_after_the_submission(self):
        company = self.env.company
        company.write(
            {
                "aftersales_old_part_deadline": "cutoff",
                "aftersales_old_part_cutoffs": "12-31, 06-30",
            }
        )
        due = company._aftersales_old_part_due
        self.assertEqual(due(date(2026, 6, 30)), date(2026, 6, 30))
        self.assertEqual(due(date(2026, 7, 1)), date(2026, 12, 31))
        self.assertEqual(due(date(2027, 1, 1)), date(2027, 6, 30))
        company.aftersales_old_part_cutoffs = "02-29，08-31"
        self.assertEqual(due(date(2027, 1, 10)), date(2027, 2, 28), "no 29th: the 28th")
        self.assertEqual(due(date(2028, 1, 10)), date(2028, 2, 29))
        for wrong in ("6/30", "13-01", "06-31", ""):
            with self.subTest(wrong=wrong), self.assertRaises(ValidationError):
                company.aftersales_old_part_cutoffs = wrong

    def test_a_claim_under_cut_off_dates_owes_its_old_parts_by_the_next_one(self):
        self.env.company.write(
            {
                "aftersales_old_part_deadline": "cutoff",
                "aftersales_old_part_cutoffs": "06-30, 12-31",
            }
        )
        claim = self._submitted_claim()
        due = self._line(claim, "part").old_part_due_date
        self.assertEqual(due, self.env.company._aftersales_old_part_due(self.today))
        self.assertIn((due.month, due.day), [(6, 30), (12, 31)])
        self.assertGreaterEqual(due, self.today)

    # ------------------------------------------------------------------
    # A new company
    # ------------------------------------------------------------------
    def test_a_new_company_gets_its_own_claim_settings(self):
        company = self.env["res.company"].create({"name": "Test second claims company"})
        Rule = self.env["aftersales.claim.check.rule"]
        rules = Rule._rules_of(company)
        self.assertEqual(set(rules.mapped("code")), set(self.rules))
        self.assertEqual(
            self.env["aftersales.claim.type"].search_count([("company_id", "=", company.id)]),
            self.env["aftersales.claim.type"].search_count(
                [("company_id", "=", self.env.company.id)]
            ),
        )
        self.assertTrue(
            self.env["aftersales.claim.reject.reason"].search_count(
                [("company_id", "=", company.id)]
            )
        )
        rules.unlink()
        with self.assertRaisesRegex(UserError, "has no claim checks"):
            Rule._rules_of(company)
