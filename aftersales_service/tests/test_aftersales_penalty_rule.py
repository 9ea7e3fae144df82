# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError

from .common_claim import AftersalesClaimCommon
from .common_deposit import AftersalesDepositCommon


class TestAftersalesPenaltyRule(AftersalesDepositCommon, AftersalesClaimCommon):
    """The test service point breaks each preset rule once; the daily cron proposes one
    draft deduction per breach."""

    def _rule(self, breach):
        return self.env["aftersales.penalty.rule"].search(
            [("company_id", "=", self.company.id), ("breach", "=", breach)], limit=1
        )

    def _ticket(self, **vals):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "Breach",
                "description": "x",
                "partner_id": self.customer.id,
                "request_type": "repair",
                "service_point_id": self.point.id,
                **vals,
            }
        )

    def _false_claim(self):
        claim = self.env["aftersales.claim"].create(
            {
                "service_point_id": self.point.id,
                "partner_id": self.customer.id,
                "lot_id": self.unit_in_warranty.id,
                "fault_code_id": self.fault.id,
                "line_ids": [
                    Command.create(
                        {"line_type": "other", "name": "虚报维修", "quantity": 1, "price_unit": 150}
                    )
                ],
            }
        )
        claim.state = "appraisal"
        claim.line_ids.with_user(self.user_technician).write(
            {
                "appraisal": "rejected",
                "reject_reason_id": self.env.ref(
                    "aftersales_service.aftersales_claim_reject_reason_false_claim"
                ).id,
            }
        )
        claim.with_user(self.user_technician).action_approve()
        self.assertEqual(claim.state, "rejected")
        return claim

    def _breach_everything(self):
        late_callback = self._ticket(callback_breached=True, callback_overdue_hours=2.0)
        late_visit = self._ticket(onsite_breached=True, onsite_overdue_hours=3.5)
        complaint = self._ticket(request_type="complaint", complaint_upheld=True)
        waiting = self._submitted_claim()
        self.assertEqual(waiting.state, "waiting_parts")
        element = waiting.line_ids.filtered(lambda line: line.old_part_state == "to_return")
        waiting.first_submitted_on = fields.Datetime.now() - timedelta(days=60)
        self.assertLess(element.old_part_due_date, self.today)
        false_claim = self._false_claim()
        return late_callback, late_visit, complaint, element, false_claim

    def _proposed(self):
        return self.Move.search([("rule_id", "!=", False), ("partner_id", "=", self.point.id)])

    def test_each_rule_proposes_its_amount(self):
        late_callback, late_visit, complaint, element, false_claim = self._breach_everything()
        self.env["aftersales.penalty.rule"]._cron_propose_deductions()
        by_rule = {move.rule_id.breach: move for move in self._proposed()}
        self.assertEqual(
            {breach: move.amount for breach, move in by_rule.items()},
            {
                "callback_late": 50,
                "onsite_late": 70,
                "complaint_upheld": 200,
                "old_part_late": element.amount_claimed,
                "false_claim": 300,
            },
        )
        self.assertTrue(all(move.state == "draft" for move in by_rule.values()))
        self.assertEqual(by_rule["callback_late"].ticket_id, late_callback)
        self.assertEqual(by_rule["onsite_late"].ticket_id, late_visit)
        self.assertIn("3.5", by_rule["onsite_late"].reason)
        self.assertEqual(by_rule["complaint_upheld"].ticket_id, complaint)
        self.assertEqual(by_rule["old_part_late"].claim_line_id, element)
        self.assertEqual(by_rule["false_claim"].claim_id, false_claim)
        self.assertIn("200 %", by_rule["false_claim"].reason)
        self.assertEqual(by_rule["false_claim"].deposit_account_id.partner_id, self.point)

    def test_running_the_cron_again_never_proposes_twice(self):
        self._breach_everything()
        Rule = self.env["aftersales.penalty.rule"]
        Rule._cron_propose_deductions()
        proposed = self._proposed()
        self.assertEqual(len(proposed), 5)
        waived = proposed[0]
        waived.waive_reason = "首次, 警告"
        waived.with_user(self.user_manager).action_waive()
        proposed[1].with_user(self.user_clerk).action_cancel()
        self.assertEqual(Rule._cron_propose_deductions(), 0)
        self.assertEqual(
            self._proposed(), proposed, "waived and cancelled ones are not proposed again"
        )

    def test_a_breach_costing_nothing_is_not_work_left(self):
        """Late by no working hour (breached out of hours): nothing is deducted, and the
        cron does not report it as done again on every run."""
        overnight = self._ticket(onsite_breached=True, onsite_overdue_hours=0.0)
        rule = self._rule("onsite_late")
        self.assertNotIn(overnight, [source for source, _dealer, _basis in rule._breaches()])
        Rule = self.env["aftersales.penalty.rule"]
        Rule._cron_propose_deductions()
        self.assertEqual(Rule._cron_propose_deductions(), 0, "nothing left to do")
        self.assertFalse(self._proposed())

    def test_the_cron_works_in_batches_with_its_progress(self):
        self._breach_everything()
        Rule = self.env["aftersales.penalty.rule"]
        total = sum(len(rule._breaches()) for rule in Rule.search([]))
        self.assertGreaterEqual(total, 5)
        cron = self.env.ref("aftersales_service.ir_cron_aftersales_propose_deductions")
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        in_cron = Rule.with_context(ir_cron_progress_id=progress.id)
        in_cron._cron_propose_deductions(batch_size=2)
        self.assertEqual((progress.done, progress.remaining), (2, total - 2))
        for _call in range(total):
            if not progress.remaining:
                break
            in_cron._cron_propose_deductions(batch_size=2)
            self.assertLessEqual(progress.done, 2)
        self.assertEqual(progress.remaining, 0)
        self.assertEqual(len(self._proposed()), 5)

    def test_a_proposed_deduction_is_approved_and_posted(self):
        self._posted(
            "topup",
            1000,
            deposit=self.env["aftersales.deposit.account"]._for(self.company, self.point),
        )
        self._ticket(callback_breached=True, callback_overdue_hours=2.0)
        self.env["aftersales.penalty.rule"]._cron_propose_deductions()
        deduction = self._proposed()
        deduction.with_user(self.user_manager).action_approve()
        deduction.with_user(self.user_accountant).action_post()
        self.assertEqual(self._balance(deduction.deposit_account_id), 950)
        self.assertEqual(deduction.appeal_deadline, deduction.posted_on + timedelta(days=15))

    def test_an_amount_type_must_fit_the_breach(self):
        with self.assertRaises(ValidationError):
            self._rule("callback_late").amount_type = "line_amount"
        with self.assertRaises(ValidationError):
            self._rule("complaint_upheld").amount = -5
