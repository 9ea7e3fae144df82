# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common_deposit import AftersalesDepositCommon


class TestAftersalesDepositAppeal(AftersalesDepositCommon):
    """1,000 in the deposit, a deduction of 300 posted; the dealer appeals (the clerk
    files it for the dealer)."""

    def setUp(self):
        super().setUp()
        self._posted("topup", 1000)
        self.deduction = self._posted("deduction", 300, reason="上门超时")
        self.Appeal = self.env["aftersales.deposit.appeal"].with_user(self.user_clerk)

    def _appeal(self, grounds="用户改约, 有通话录音"):
        return self.Appeal.create({"deduction_id": self.deduction.id, "grounds": grounds})

    def test_an_upheld_appeal_reverses_the_deduction(self):
        appeal = self._appeal()
        self.assertEqual(self.deduction.appeal_state, "open")
        self.assertTrue(appeal.activity_ids, "back to the manager for review")
        appeal.answer = "录音属实, 撤回扣款"
        appeal.with_user(self.user_manager).action_uphold()
        self.assertEqual(appeal.state, "upheld")
        self.assertEqual(self.deduction.state, "reversed")
        self.assertEqual(self.deduction.appeal_state, "upheld")
        reversal = self.deduction.reversal_ids
        self.assertEqual(reversal.move_type, "reversal")
        self.assertEqual(reversal.account_move_id.state, "posted")
        self.assertEqual(self._balance(), 1000)
        self.assertEqual(self._ledger_balance(), 1000)
        self.assertIn(self.dealer, appeal.message_ids[0].partner_ids, "the dealer is told")

    def test_a_dismissed_appeal_keeps_the_deduction_with_its_answer(self):
        appeal = self._appeal()
        with self.assertRaisesRegex(UserError, "answer"):
            appeal.with_user(self.user_manager).action_dismiss()
        appeal.answer = "超时 5 小时, 无改约记录"
        appeal.with_user(self.user_manager).action_dismiss()
        self.assertEqual(appeal.state, "dismissed")
        self.assertEqual(self.deduction.state, "posted")
        self.assertEqual(self._balance(), 700)
        with self.assertRaisesRegex(UserError, "already decided"):
            appeal.with_user(self.user_manager).action_uphold()

    def test_no_appeal_after_the_deadline(self):
        self.deduction.posted_on = fields.Date.today() - timedelta(days=16)
        with self.assertRaises(UserError) as refused:
            self._appeal()
        self.assertIn("can no longer be appealed", str(refused.exception))
        self.deduction.posted_on = fields.Date.today() - timedelta(days=15)
        self.assertEqual(self._appeal().state, "open", "the last day still counts")

    def test_only_a_posted_deduction_once_at_a_time(self):
        draft = self._movement("deduction", 50)
        with self.assertRaises(UserError) as refused:  # rolled back, as the request would be
            self.Appeal.create({"deduction_id": draft.id, "grounds": "x"})
        self.assertIn("Only a posted deduction", str(refused.exception))
        self._appeal()
        with self.assertRaisesRegex(UserError, "already under appeal"):
            self._appeal()

    def test_only_the_manager_decides(self):
        appeal = self._appeal()
        with self.assertRaises(AccessError):
            appeal.with_user(self.user_clerk).action_uphold()
        with self.assertRaises(AccessError):
            appeal.with_user(self.user_accountant).action_dismiss()
