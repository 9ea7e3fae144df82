# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common_deposit import AftersalesDepositCommon


class TestAftersalesDeposit(AftersalesDepositCommon):
    def _assert_balance(self, expected):
        self.assertEqual(self._balance(), expected)
        self.assertEqual(self._ledger_balance(), expected, "the addon reads what accounting says")

    def test_lifecycle_to_the_cent(self):
        topup = self._posted("topup", 50000)
        self.assertEqual(topup.state, "posted")
        self.assertEqual(topup.payment_id.state, "in_process")
        self.assertEqual(topup.payment_id.destination_account_id, self.deposit_liability)
        self._assert_balance(50000)
        draft = self._movement("deduction", 999)
        self._assert_balance(50000)  # a draft deduction changes nothing
        draft.action_cancel()
        deduction = self._posted("deduction", 3000, reason="上门超时")
        entry = deduction.account_move_id
        self.assertEqual(entry.state, "posted")
        self.assertEqual(entry.journal_id, self.company.aftersales_deposit_journal_id)
        income = entry.line_ids.filtered(lambda line: line.account_id == self.deduction_income)
        self.assertEqual(income.credit, 3000)
        self._assert_balance(47000)
        refund = self._posted("refund", 20000, reason="合同终止, 退还部分保证金")
        self.assertEqual(refund.payment_id.payment_type, "outbound")
        self._assert_balance(27000)
        reversal = deduction.with_user(self.user_accountant).action_reverse()
        self.assertEqual(deduction.state, "reversed")
        self.assertEqual(reversal.move_type, "reversal")
        self.assertEqual(reversal.reversed_id, deduction)
        self.assertEqual(reversal.state, "posted")
        self._assert_balance(30000)
        with self.assertRaisesRegex(UserError, "cannot be reversed: it is Reversed"):
            deduction.with_user(self.user_accountant).action_reverse()
        self.assertEqual(
            sum(
                self.env["account.move.line"]
                .search(
                    [
                        ("account_id", "=", self.deduction_income.id),
                        ("partner_id", "=", self.dealer.id),
                    ]
                )
                .mapped("balance")
            ),
            0,
            "the reversed deduction leaves no income",
        )

    def test_a_movements_entry_is_never_reset_to_draft(self):
        topup = self._posted("topup", 1000)
        deduction = self._posted("deduction", 100)
        for entry in (deduction.account_move_id, topup.payment_id.move_id):
            with self.assertRaisesRegex(UserError, "reverse the deduction"):
                entry.with_user(self.user_accountant).button_draft()
        with self.assertRaisesRegex(UserError, "reverse the deduction"):
            topup.payment_id.with_user(self.user_accountant).action_draft()
        self._assert_balance(900)

    def test_the_required_deposit_comes_from_the_class_and_may_be_overridden(self):
        dealer_class = self.env["aftersales.dealer.class"].create(
            {"name": "A 类", "deposit_amount": 20000}
        )
        self.dealer.dealer_class_id = dealer_class
        self.assertEqual(self.deposit.required_amount, 20000)
        self._posted("topup", 15000)
        self.assertEqual(self.deposit.shortfall, 5000)
        self.assertEqual(self.dealer.aftersales_deposit_balance, 15000)
        self.assertEqual(self.dealer.aftersales_deposit_shortfall, 5000)
        self.deposit.required_amount = 10000
        self.deposit.invalidate_recordset(["shortfall"])
        self.assertEqual(self.deposit.shortfall, 0)

    def test_a_deduction_above_the_balance_is_refused_and_loses_nothing(self):
        self._posted("topup", 1000)
        deduction = self._movement("deduction", 1500)
        deduction.action_submit()
        deduction.with_user(self.user_manager).action_approve()
        with self.assertRaises(
            UserError
        ) as refused:  # a savepoint, as the user's request rolls back
            deduction.with_user(self.user_accountant).action_post()
        self.assertRegex(str(refused.exception), "holds .*1,000.00")
        self.assertEqual(deduction.state, "approved", "still to post, nothing half-written")
        self.assertFalse(deduction.account_move_id)
        self._assert_balance(1000)

    def test_a_deduction_above_the_balance_posts_negative_with_a_top_up_call(self):
        self.company.aftersales_deposit_overdraft = "negative"
        self._posted("topup", 1000)
        self._posted("deduction", 1500)
        self._assert_balance(-500)
        call = self.deposit.message_ids[0]
        self.assertIn("top-up", call.body)
        self.assertIn(self.dealer, call.partner_ids)
        self.assertTrue(self.deposit.activity_ids, "the accountant follows the payment")

    def test_a_refund_never_exceeds_the_balance(self):
        self.company.aftersales_deposit_overdraft = "negative"
        self._posted("topup", 1000)
        with self.assertRaises(UserError) as refused:
            self._posted("refund", 1200)
        self.assertIn("cannot be taken", str(refused.exception))
        self._assert_balance(1000)

    def test_an_entry_typed_in_accounting_obeys_the_deposit(self):
        self._posted("topup", 500)
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "date": date(2025, 3, 2),
                "journal_id": self.company.aftersales_deposit_journal_id.id,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": self.deposit_liability.id,
                            "partner_id": self.dealer.id,
                            "debit": 800,
                        }
                    ),
                    Command.create({"account_id": self.deduction_income.id, "credit": 800}),
                ],
            }
        )
        with self.assertRaises(UserError) as refused:
            entry.action_post()
        self.assertIn("cannot be taken", str(refused.exception))
        self._assert_balance(500)

    def test_company_a_deposit_never_pays_company_b(self):
        other = self.env["res.company"].create(
            {"name": "Company B", "currency_id": self.company.currency_id.id}
        )
        self.env["account.chart.template"].try_loading("generic_coa", other, install_demo=False)
        self.assertTrue(other.aftersales_deposit_account_id, "a new chart gets its deposit account")
        self._posted("topup", 5000)
        deposit_b = self.env["aftersales.deposit.account"]._for(other, self.dealer)
        self.assertEqual(self._balance(deposit_b), 0)
        self.user_manager.company_ids |= other
        self.user_accountant.company_ids |= other
        self.user_clerk.company_ids |= other
        deduction = self._movement("deduction", 100, deposit=deposit_b, company_id=other.id)
        deduction.action_submit()
        deduction.with_user(self.user_manager).action_approve()
        with self.assertRaises(UserError) as refused:
            deduction.with_user(self.user_accountant).with_company(other).action_post()
        self.assertIn("cannot be taken", str(refused.exception))
        self._assert_balance(5000)

    def test_who_does_what(self):
        deduction = self._movement("deduction", 100)
        with self.assertRaises(AccessError):
            deduction.with_user(self.user_clerk).action_approve()
        deduction.action_submit()
        with self.assertRaises(AccessError):
            deduction.with_user(self.user_accountant).action_approve()
        deduction.with_user(self.user_manager).action_approve()
        with self.assertRaises(AccessError):
            deduction.with_user(self.user_clerk).action_post()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            deduction.with_user(self.user_clerk).write({"state": "posted"})

    def test_a_movement_must_be_approved_before_it_posts(self):
        self._posted("topup", 1000)
        deduction = self._movement("deduction", 100)
        with self.assertRaisesRegex(UserError, "must be approved"):
            deduction.with_user(self.user_accountant).action_post()

    def test_nobody_edits_a_posted_movement(self):
        topup = self._posted("topup", 1000)
        for user in (self.user_clerk, self.user_accountant, self.user_manager):
            with self.assertRaisesRegex(UserError, "final"):
                topup.with_user(user).write({"amount": 10})
        with self.assertRaisesRegex(UserError, "draft"):
            topup.with_user(self.user_manager).unlink()
        with self.assertRaises(ValidationError):
            self._movement("deduction", 0)

    def test_a_waiver_needs_its_reason(self):
        deduction = self._movement("deduction", 100)
        with self.assertRaisesRegex(UserError, "Waive Reason"):
            deduction.with_user(self.user_manager).action_waive()
        deduction.waive_reason = "首次违规, 口头警告"
        deduction.with_user(self.user_manager).action_waive()
        self.assertEqual(deduction.state, "waived")
        with self.assertRaises(UserError):
            deduction.with_user(self.user_accountant).action_post()

    def test_a_movement_for_a_new_dealer_opens_its_deposit(self):
        newcomer = self.env["res.partner"].create({"name": "New dealer", "is_company": True})
        contact = self.env["res.partner"].create({"name": "王会计", "parent_id": newcomer.id})
        topup = self.Move.with_user(self.user_clerk).create(
            {
                "partner_id": newcomer.id,
                "move_type": "topup",
                "amount": 800,
                "reason": "首次缴纳",
                "journal_id": self.bank.id,
            }
        )
        self.assertEqual(topup.deposit_account_id.partner_id, newcomer)
        self.assertEqual(newcomer.aftersales_deposit_ids, topup.deposit_account_id)
        topup.with_user(self.user_accountant).action_post()
        self.assertEqual(contact.aftersales_deposit_balance, 800, "seen from its contacts too")
        with self.assertRaises(ValidationError):
            topup.deposit_account_id.move_ids.copy({"partner_id": self.dealer.id})

    def test_the_dealer_form_opens_its_deposit(self):
        action = self.dealer.with_user(self.user_accountant).action_view_aftersales_deposit()
        self.assertEqual(action["res_id"], self.deposit.id)
        ledger = self.deposit.with_user(self.user_accountant).action_view_ledger()
        self._posted("topup", 300)
        self.assertEqual(len(self.env["account.move.line"].search(ledger["domain"])), 1)
