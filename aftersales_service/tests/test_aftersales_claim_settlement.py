# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .common_settlement import AftersalesSettlementCommon


class TestAftersalesClaimSettlement(AftersalesSettlementCommon):
    """The numbers an accountant checks: what a settlement clears, leaves open, reverses."""

    def _three_invoices(self):
        return (
            self._invoice(3000, date(2025, 1, 10)),
            self._invoice(5000, date(2025, 2, 10)),
            self._invoice(2000, date(2025, 3, 10)),
        )

    def test_offset_clears_the_oldest_invoices_first(self):
        invoices = self._three_invoices()
        claims = self._approved_claim(4000) | self._approved_claim(2500)
        settlement = self._settle()
        self.assertEqual(len(settlement), 1)
        self.assertEqual(settlement.partner_id, self.point)
        self.assertEqual(settlement.amount_total, 6500)
        self.assertEqual(settlement.claim_ids, claims)
        self._post(settlement)
        self.assertEqual([invoice.amount_residual for invoice in invoices], [0, 1500, 2000])
        self.assertEqual(invoices[0].payment_state, "paid")
        self.assertEqual(invoices[1].payment_state, "partial")
        self.assertEqual(self._balance(self.receivable, self.point), 3500)
        self.assertEqual(self._balance(self.expense, self.point), 6500)
        self.assertEqual(settlement.state, "reconciled", "its credit is used up")
        self.assertEqual(set(claims.mapped("state")), {"settled"})
        entry = settlement.move_id
        self.assertEqual(entry.state, "posted")
        self.assertEqual(entry.journal_id, self.company.aftersales_settlement_journal_id)
        self.assertEqual(entry.date, date(2025, 2, 5))
        self.assertEqual(sorted(entry.line_ids.mapped("balance")), [-6500, 2500, 4000])

    def test_dealers_posted_together_each_clear_their_own_invoices(self):
        other = self._dealers(1)
        mine = self._three_invoices()
        theirs = (
            self._invoice(1000, date(2025, 1, 5), partner=other),
            self._invoice(4000, date(2025, 2, 5), partner=other),
        )
        self._approved_claim(4000)
        self._approved_claim(2500, point=other)
        settlements = self._post(self._settle())  # one action_post for both
        self.assertEqual(len(settlements), 2)
        self.assertEqual([invoice.amount_residual for invoice in mine], [0, 4000, 2000])
        self.assertEqual([invoice.amount_residual for invoice in theirs], [0, 2500])
        self.assertEqual(set(settlements.mapped("state")), {"reconciled"})

    def test_more_claims_than_invoices_leave_an_open_credit(self):
        invoices = self._three_invoices()
        self._approved_claim(12000)
        settlement = self._post(self._settle())
        self.assertEqual({invoice.payment_state for invoice in invoices}, {"paid"})
        self.assertEqual(self._balance(self.receivable, self.point), -2000)
        credit = settlement.move_id.line_ids.filtered(
            lambda line: line.account_id == self.receivable
        )
        self.assertEqual(credit.amount_residual, -2000)
        self.assertEqual(settlement.state, "posted", "2,000 still open: not reconciled")

    def test_the_reversal_reopens_what_it_cleared(self):
        invoices = self._three_invoices()
        claim = self._approved_claim(6500)
        settlement = self._post(self._settle())
        with self.assertRaisesRegex(UserError, "reverse the settlement"):
            settlement.move_id.button_draft()
        settlement.with_user(self.user_accountant).action_reverse()
        self.assertEqual([invoice.amount_residual for invoice in invoices], [3000, 5000, 2000])
        self.assertEqual(self._balance(self.expense, self.point), 0)
        self.assertEqual(self._balance(self.receivable, self.point), 10000)
        self.assertEqual(settlement.state, "reversed")
        self.assertEqual(settlement.reversal_move_id.state, "posted")
        self.assertEqual(claim.state, "approved")
        self.assertFalse(claim.settlement_id)
        with self.assertRaisesRegex(UserError, "reverse the settlement"):
            settlement.reversal_move_id.button_draft()
        with self.assertRaisesRegex(UserError, "Only a posted settlement"):
            settlement.with_user(self.user_accountant).action_reverse()
        again = self._settle()
        self.assertEqual(again.claim_ids, claim, "the reversed claim is settled again")
        self.assertNotEqual(again, settlement)

    def test_bill_mode_pays_the_dealers_invoice_to_the_cent(self):
        self.point.aftersales_settlement_mode = "bill"
        tax = self.env["account.tax"].create(
            {
                "name": "Test VAT 13% included",
                "amount": 13,
                "type_tax_use": "purchase",
                "price_include_override": "tax_included",
            }
        )
        self.company.aftersales_settlement_tax_id = tax
        for _i in range(3):
            self._approved_claim(33.33)
        settlement = self._settle()
        self.assertEqual(settlement.mode, "bill")
        settlement.accounting_date = date(2025, 2, 5)
        accountant = settlement.with_user(self.user_accountant)
        accountant.action_notify()
        accountant.action_confirm()
        with self.assertRaisesRegex(UserError, "invoice number"):
            accountant.action_post()
        self.assertFalse(settlement.move_id, "nothing half-posted")
        settlement.dealer_invoice_ref = "FP-2025-0042"
        accountant.action_post()
        bill = settlement.move_id
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.ref, "FP-2025-0042")
        self.assertEqual(bill.amount_total, 99.99)
        self.assertEqual(bill.invoice_line_ids.tax_ids, tax)
        self.assertAlmostEqual(bill.amount_untaxed + bill.amount_tax, 99.99, places=2)
        self.assertEqual(bill.amount_residual, 99.99, "paid the usual way")
        self.assertEqual(settlement.state, "posted")

    def test_bill_mode_without_tax_sets_no_tax(self):
        self.point.aftersales_settlement_mode = "bill"
        self._approved_claim(120)
        settlement = self._settle(dealer_invoice_ref="FP-1")
        self._post(settlement)
        self.assertFalse(settlement.move_id.invoice_line_ids.tax_ids)
        self.assertEqual(settlement.move_id.amount_total, 120)

    def test_the_period_is_cut_by_the_companys_local_date(self):
        approved_on = datetime(2025, 1, 31, 16, 30)
        self.assertEqual(self.company._aftersales_local_date(approved_on), date(2025, 2, 1))
        late = self._approved_claim(
            100, approved_date=self.company._aftersales_local_date(approved_on)
        )
        in_january = self._approved_claim(200, approved_date=date(2025, 1, 31))
        january = self._settle()
        self.assertEqual(january.claim_ids, in_january)
        february = self._settle(date(2025, 2, 1), date(2025, 2, 28))
        self.assertEqual(february.claim_ids, late)

    def test_running_again_adds_only_what_is_new(self):
        first = self._approved_claim(100)
        settlement = self._settle()
        self.assertFalse(self._settle(), "nothing new: no settlement touched")
        self.assertEqual(len(settlement.line_ids), 1)
        second = self._approved_claim(50)
        self.assertEqual(self._settle(), settlement, "the draft of the period grows")
        self.assertEqual(settlement.claim_ids, first | second)
        self.assertEqual(settlement.amount_total, 150)
        settlement.with_user(self.user_accountant).action_notify()
        with self.assertRaisesRegex(UserError, "final once it is notified"):
            settlement.line_ids[0].unlink()
        self.assertFalse(self._settle(), "nothing left to settle")

    def test_two_dealers_three_months(self):
        other = self.env["res.partner"].create(
            {"name": "Second point", "is_company": True, "is_service_point": True}
        )
        self.env["res.partner"].create(
            {"name": "Idle point", "is_company": True, "is_service_point": True}
        )
        amounts = {(self.point, 1): 100, (self.point, 2): 200, (other, 2): 300, (other, 3): 400}
        for (point, month), amount in amounts.items():
            self._approved_claim(amount, point=point, approved_date=date(2025, month, 15))
        for month, expected in (
            (1, {self.point: 100}),
            (2, {self.point: 200, other: 300}),
            (3, {other: 400}),
        ):
            start = date(2025, month, 1)
            settlements = self._settle(start, self.Settlement._month_of(start)[1])
            self.assertEqual(
                {settlement.partner_id: settlement.amount_total for settlement in settlements},
                expected,
            )

    def test_only_an_accountant_settles_and_posted_is_final(self):
        self._approved_claim(100)
        settlement = self._settle()
        with self.assertRaises(AccessError):
            settlement.with_user(self.user_clerk).action_notify()
        self._post(settlement)
        with self.assertRaises(AccessError):
            settlement.with_user(self.user_clerk).action_reverse()
        with self.assertRaisesRegex(UserError, "reverse it instead"):
            settlement.with_user(self.user_accountant).action_cancel()
        with self.assertRaisesRegex(UserError, "final once it is notified"):
            settlement.line_ids.write({"name": "changed"})
        with self.assertRaisesRegex(UserError, "Only a draft settlement"):
            settlement.unlink()

    def test_a_locked_period_is_refused_with_a_clear_message(self):
        self._approved_claim(100)
        settlement = self._settle()
        self.company.fiscalyear_lock_date = date(2025, 3, 31)
        with self.assertRaisesRegex(UserError, "locked up to"):
            self._post(settlement, accounting_date=date(2025, 2, 5))
        self.assertFalse(settlement.move_id)
        self.assertEqual(settlement.claim_ids.state, "approved")

    def test_cancel_frees_the_claims(self):
        claim = self._approved_claim(100)
        settlement = self._settle()
        settlement.with_user(self.user_accountant).action_cancel()
        self.assertEqual(settlement.state, "cancel")
        self.assertFalse(claim.settlement_id)
        self.assertEqual(self._settle().claim_ids, claim)

    def test_a_deduction_found_later_is_carried_into_the_next_settlement(self):
        claim = self._approved_claim(500)
        self._post(self._settle())
        Deduction = self.env["aftersales.claim.deduction"].with_user(self.user_technician)
        # assertRaises rolls back as the user's request would
        with self.assertRaises(ValidationError):
            Deduction.create({"claim_id": claim.id, "amount": 600, "reason": "Non-genuine part"})
        deduction = Deduction.create(
            {"claim_id": claim.id, "amount": 200, "reason": "Non-genuine part"}
        )
        self.assertEqual(deduction.partner_id, self.point)
        self.assertEqual(deduction.state, "pending")
        self._approved_claim(300, approved_date=date(2025, 2, 10))
        february = self._settle(date(2025, 2, 1), date(2025, 2, 28))
        self.assertEqual(february.amount_total, 100)
        carried = february.line_ids.filtered(lambda line: line.kind == "deduction")
        self.assertEqual(carried.amount, -200)
        self.assertIn(claim.name, carried.name)
        self.assertEqual(deduction.state, "carried")
        self._post(february, accounting_date=date(2025, 3, 5))
        self.assertEqual(self._balance(self.expense, self.point), 600)
        self.assertEqual(claim.state, "settled", "the first settlement is untouched")

    def test_a_deduction_needs_a_settled_claim(self):
        claim = self._approved_claim(500)
        with self.assertRaisesRegex(UserError, "not settled yet"):
            self.env["aftersales.claim.deduction"].create(
                {"claim_id": claim.id, "amount": 10, "reason": "x"}
            )

    def test_the_monthly_cron_settles_last_month_in_batches(self):
        other = self.env["res.partner"].create(
            {"name": "Second point", "is_company": True, "is_service_point": True}
        )
        first_of_month = date.today().replace(day=1)
        last_month = self.Settlement._month_of(first_of_month - timedelta(days=1))
        self._approved_claim(100, approved_date=last_month[0])
        self._approved_claim(200, point=other, approved_date=last_month[1])
        # the demo's own settlements of last month are not counted
        of_last_month = [
            ("period_start", "=", last_month[0]),
            ("partner_id", "in", (self.point | other).ids),
        ]
        self.Settlement._cron_aftersales_monthly_settlement(batch_size=1)
        self.assertEqual(self.Settlement.search_count(of_last_month), 1)
        self.Settlement._cron_aftersales_monthly_settlement(batch_size=1)
        settlements = self.Settlement.search(of_last_month)
        self.assertEqual(settlements.partner_id, self.point | other)
        self.Settlement._cron_aftersales_monthly_settlement(batch_size=1)
        self.assertEqual(len(self.Settlement.search(of_last_month)), 2)

    def _queries_to_settle_and_post(self, count, month):
        start = date(2025, month, 1)
        for _i in range(count):
            self._approved_claim(10, approved_date=start)
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        settlement = self.Settlement._settle_period(
            self.company, start, self.Settlement._month_of(start)[1]
        )
        self._post(settlement, accounting_date=date(2025, month, 28))
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_settling_costs_a_bounded_number_of_queries_per_claim(self):
        self._queries_to_settle_and_post(2, 3)  # warm the caches
        few = self._queries_to_settle_and_post(5, 4)
        many = self._queries_to_settle_and_post(25, 5)
        # measured: 56 and 76, one query per claim (the batched insert of move lines)
        self.assertLessEqual(many - few, 2 * 20, f"{few} queries for 5 claims, {many} for 25")

    def _dealers(self, count):
        return self.env["res.partner"].create(
            [
                {"name": f"Dealer {i}", "is_company": True, "is_service_point": True}
                for i in range(count)
            ]
        )

    def _queries_to_post_dealers(self, count, month):
        start = date(2025, month, 1)
        for dealer in self._dealers(count):
            self._approved_claim(10, point=dealer, approved_date=start)
        settlements = self.Settlement._settle_period(
            self.company, start, self.Settlement._month_of(start)[1]
        )
        settlements.accounting_date = date(2025, month, 28)
        accountant = settlements.with_user(self.user_accountant).with_context(
            tracking_disable=False,
            mail_notrack=False,  # off in BaseCommon: count the chatter
        )
        accountant.action_notify()
        accountant.action_confirm()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        accountant.action_post()
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking messages
        return self.env.cr.sql_log_count - before

    def test_posting_many_dealers_at_once_is_batched(self):
        self._queries_to_post_dealers(2, 3)  # warm the caches
        few = self._queries_to_post_dealers(2, 4)
        many = self._queries_to_post_dealers(12, 5)
        # one create and one _post for all the entries, one search of open invoices, the
        # chatter in batches; measured: 9 queries per extra dealer, all Odoo's own per
        # entry (its sequence number, the analytic distribution of its two lines)
        self.assertLessEqual(many - few, 10 * 10, f"{few} queries for 2 dealers, {many} for 12")

    def test_posting_logs_the_state_change_in_each_chatter(self):
        claims = self._approved_claim(300) | self._approved_claim(200)
        tracking = {"tracking_disable": False, "mail_notrack": False}  # off in BaseCommon
        settlement = self._post(self._settle().with_context(**tracking))
        for claim in claims:
            values = claim.message_ids.tracking_value_ids.filtered(
                lambda value: value.field_id.name == "state"
            )
            self.assertIn(
                ("Approved", "Settled"),
                [(value.old_value_char, value.new_value_char) for value in values],
                f"{claim.name}: its chatter says it was settled",
            )
            message = values.filtered(lambda v: v.new_value_char == "Settled").mail_message_id
            self.assertEqual(message.author_id, self.user_accountant.partner_id)
        self.env.cr.precommit.run()
        steps = settlement.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        changes = [(v.old_value_char, v.new_value_char) for v in steps]
        # each change logged once (not again by Odoo's tracking of the computed state)
        self.assertEqual(changes.count(("Confirmed", "Posted")), 1, changes)
        self.assertEqual(changes.count(("Notified", "Confirmed")), 1, changes)
        signed = settlement.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "confirmed_by"
        )
        self.assertEqual(signed.mapped("new_value_char"), [self.user_accountant.partner_id.name])
        bodies = settlement.message_ids.mapped("body")
        posted = [body for body in bodies if "Posted as" in body]
        self.assertTrue(posted and settlement.move_id.name in posted[0], bodies)

    def test_settlements_stay_in_their_company(self):
        self._approved_claim(100)
        other_company = self.env["res.company"].create({"name": "Test settlement company"})
        other_accountant = new_test_user(
            self.env,
            login="aftersales-settlement-other-accountant",
            groups="base.group_user,aftersales_service.group_aftersales_accountant",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        self.assertFalse(
            self.Settlement._settle_period(other_company, date(2025, 1, 1), date(2025, 1, 31))
        )
        settlement = self._settle()
        self.assertEqual(settlement.company_id, self.company)
        self.assertFalse(self.Settlement.with_user(other_accountant).search([]))
        self.assertIn(settlement, self.Settlement.with_user(self.user_accountant).search([]))

    def test_a_missing_expense_account_is_a_clear_configuration_error(self):
        self._approved_claim(100)
        settlement = self._settle()
        self.company.aftersales_claim_expense_account_id = False
        with self.assertRaisesRegex(UserError, "Set the 三包 expense account"):
            self._post(settlement)
        self.assertFalse(settlement.move_id)

    def test_reversing_a_bill_mode_settlement_credits_the_dealers_bill(self):
        self.point.aftersales_settlement_mode = "bill"
        claim = self._approved_claim(120)
        settlement = self._post(self._settle(dealer_invoice_ref="FP-7"))
        bill = settlement.move_id
        payable = bill.line_ids.filtered(lambda line: line.account_type == "liability_payable")
        settlement.with_user(self.user_accountant).action_reverse()
        credit = settlement.reversal_move_id
        self.assertEqual(credit.move_type, "in_refund")
        self.assertEqual(credit.state, "posted")
        self.assertEqual(credit.amount_total, 120)
        self.assertEqual(bill.payment_state, "reversed", "nothing left to pay the dealer")
        self.assertEqual(self._balance(payable.account_id, self.point), 0)
        self.assertEqual(self._balance(self.expense, self.point), 0)
        self.assertEqual(claim.state, "approved")

    def test_reversing_a_settlement_gives_back_its_carried_deductions(self):
        claim = self._approved_claim(500)
        self._post(self._settle())
        deduction = self.env["aftersales.claim.deduction"].create(
            {"claim_id": claim.id, "amount": 200, "reason": "Non-genuine part"}
        )
        self._approved_claim(300, approved_date=date(2025, 2, 10))
        february = self._post(
            self._settle(date(2025, 2, 1), date(2025, 2, 28)), accounting_date=date(2025, 3, 5)
        )
        self.assertEqual(deduction.state, "carried")
        february.with_user(self.user_accountant).action_reverse()
        self.assertEqual(deduction.state, "pending", "to be taken back again next time")
        again = self._settle(date(2025, 2, 1), date(2025, 2, 28))
        self.assertEqual(again.amount_total, 100)
        self.assertEqual(again.line_ids.deduction_id, deduction)

    def test_the_monthly_cron_reports_its_progress(self):
        other = self.env["res.partner"].create(
            {"name": "Second point", "is_company": True, "is_service_point": True}
        )
        last_month = self.Settlement._month_of(date.today().replace(day=1) - timedelta(days=1))
        self._approved_claim(100, approved_date=last_month[0])
        self._approved_claim(200, point=other, approved_date=last_month[0])
        cron = self.env.ref("aftersales_service.ir_cron_aftersales_monthly_settlement")
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        in_cron = self.Settlement.with_context(ir_cron_progress_id=progress.id)
        in_cron._cron_aftersales_monthly_settlement(batch_size=1)
        self.assertEqual((progress.done, progress.remaining), (1, 1))
        in_cron._cron_aftersales_monthly_settlement(batch_size=1)
        self.assertEqual((progress.done, progress.remaining), (1, 0))

    def test_approved_deposit_deductions_netted_in_the_settlement(self):
        self.company._aftersales_setup_deposit_accounting()
        self.company.aftersales_deductions_in_settlement = True
        income = self.company.aftersales_deduction_income_account_id
        deduction = self.env["aftersales.deposit.move"].create(
            {
                "partner_id": self.point.id,
                "move_type": "deduction",
                "amount": 120,
                "reason": "上门超时",
            }
        )
        deduction.with_user(self.user_manager).action_approve()
        self._approved_claim(500)
        settlement = self._settle()
        self.assertEqual(settlement.amount_total, 380)
        self.assertEqual(
            settlement.line_ids.filtered(lambda line: line.kind == "penalty").deposit_move_id,
            deduction,
        )
        with self.assertRaisesRegex(UserError, "netted in the settlement"):
            deduction.with_user(self.user_accountant).action_post()
        self._post(settlement)
        self.assertEqual(deduction.state, "posted")
        self.assertEqual(deduction.account_move_id, settlement.move_id)
        self.assertEqual(self._balance(income, self.point), -120)
        self.assertEqual(self._balance(self.expense, self.point), 500)
        self.assertEqual(self._balance(self.receivable, self.point), -380)
        self.assertEqual(deduction.deposit_account_id.balance, 0, "the deposit is untouched")
        with self.assertRaisesRegex(UserError, "reverse the settlement"):
            deduction.with_user(self.user_accountant).action_reverse()
        settlement.with_user(self.user_accountant).action_reverse()
        self.assertEqual(deduction.state, "approved")
        self.assertEqual(self._balance(income, self.point), 0)
        again = self._settle()
        self.assertEqual(again.amount_total, 380, "carried again with its claim")
