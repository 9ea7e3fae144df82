# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import unittest
from datetime import date

from odoo.tests import HttpCase, tagged

from .common_deposit import AftersalesDepositCommon
from .common_report import print_in_chinese, render_pdf_text


class AftersalesDepositReportCommon(AftersalesDepositCommon):
    def _march(self):
        """Top-up 50,000, deduction 3,000, refund 20,000, the deduction reversed."""
        self.dealer.dealer_class_id = self.env["aftersales.dealer.class"].create(
            {"name": "A 类", "deposit_amount": 40000}
        )
        self._posted("topup", 50000, date=date(2025, 3, 1))
        deduction = self._posted("deduction", 3000, reason="上门超时 5 小时", date=date(2025, 3, 5))
        self._posted("refund", 20000, reason="退还部分保证金", date=date(2025, 3, 10))
        deduction.with_user(self.user_accountant).action_reverse()
        return deduction

    def _statement(self, statement_type="deposit"):
        return (
            self.env["aftersales.dealer.statement"]
            .with_user(self.user_accountant)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "statement_type": statement_type,
                    "date_from": date(2025, 3, 1),
                    "date_to": date.today(),
                }
            )
        )


class TestAftersalesDepositStatement(AftersalesDepositReportCommon):
    def test_the_deposit_statement_lists_every_movement(self):
        self._march()
        figures = self._statement()._statement()
        self.assertEqual(figures["opening"], 0)
        self.assertEqual(
            [(row["kind"], row["balance"]) for row in figures["rows"]],
            [
                ("Top-Up", 50000),
                ("Deduction", 47000),
                ("Deposit Refund", 27000),
                ("Deduction Reversal", 30000),
            ],
        )
        self.assertIn("上门超时 5 小时", figures["rows"][1]["label"], "the reason is on the line")
        top_up = figures["rows"][0]["label"]
        self.assertTrue(top_up, "the payment's memo")
        self.assertNotIn("Manual Payment", top_up, "not Odoo's untranslated payment method")
        self.assertEqual(figures["closing"], 30000)
        self.assertEqual(figures["closing"], self._ledger_balance())
        self.assertEqual((figures["required"], figures["shortfall"]), (40000, 10000))

    def test_the_dealer_account_statement_leaves_the_deposit_out(self):
        self._march()
        self.assertEqual(self._statement("account")._statement()["rows"], [])

    def test_the_dealer_gets_the_deduction_notice_when_it_posts(self):
        self._posted("topup", 1000)
        deduction = self._posted("deduction", 300, reason="旧件逾期未返")
        self.assertTrue(deduction.notice_pending, "sent once the posting has committed")
        self.assertFalse(deduction.message_ids.attachment_ids)
        self.env["aftersales.deposit.move"]._cron_aftersales_send_deduction_notices()
        self.assertFalse(deduction.notice_pending)
        notice = deduction.message_ids.filtered(lambda message: message.attachment_ids)
        self.assertEqual(len(notice), 1)
        self.assertIn(self.dealer, notice.partner_ids)
        self.assertEqual(notice.attachment_ids.name, f"{deduction.name}.pdf")
        self.assertIn(str(deduction.appeal_deadline), notice.body)
        self.env["aftersales.deposit.move"]._cron_aftersales_send_deduction_notices()
        self.assertEqual(
            len(deduction.message_ids.filtered("attachment_ids")), 1, "sent once, not twice"
        )

    def test_a_top_up_call_carries_its_notice(self):
        self.company.aftersales_deposit_overdraft = "negative"
        self._posted("topup", 100)
        self._posted("deduction", 400)
        call = self.deposit.message_ids.filtered(lambda message: message.attachment_ids)
        self.assertEqual(len(call), 1)
        self.assertIn(self.dealer, call.partner_ids)


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesDepositReport(AftersalesDepositReportCommon, HttpCase):
    """The deposit documents as the dealer reads them, in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_chinese(cls)
        cls.dealer.write({"name": "测试经销商", "lang": "zh_CN"})

    def test_the_deduction_notice_and_the_deposit_statement(self):
        deduction = self._march()
        text = render_pdf_text(
            self,
            "aftersales_service.aftersales_deduction_notice_report",
            deduction,
            self.user_accountant,
        )
        for expected in (
            "扣款通知单",
            "测试经销商",
            "上门超时 5 小时",
            "3,000.00",
            "申诉",
            "应缴保证金",
        ):
            self.assertIn(expected, text)
        text = render_pdf_text(
            self,
            "aftersales_service.aftersales_dealer_statement_report",
            self._statement(),
            self.user_accountant,
        )
        for expected in (
            "保证金对账单",
            "缴纳",
            "扣款",
            "退还保证金",
            "扣款冲回",
            "30,000.00",
            "10,000.00",
        ):
            self.assertIn(expected, text)

    def test_the_accountant_prints_a_deduction_of_a_service_request(self):
        """An accountant has no access to service requests: the notice still names it."""
        self._posted("topup", 1000)
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "师傅上门迟到", "description": "x", "partner_id": self.dealer.id}
        )
        deduction = self._posted("deduction", 200, ticket_id=ticket.id)
        text = render_pdf_text(
            self,
            "aftersales_service.aftersales_deduction_notice_report",
            deduction,
            self.user_accountant,
        )
        self.assertIn("师傅上门迟到", text)

    def test_the_top_up_call(self):
        self.company.aftersales_deposit_overdraft = "negative"
        self.dealer.dealer_class_id = self.env["aftersales.dealer.class"].create(
            {"name": "B 类", "deposit_amount": 5000}
        )
        self._posted("topup", 100)
        self._posted("deduction", 400)
        text = render_pdf_text(
            self,
            "aftersales_service.aftersales_topup_call_report",
            self.deposit,
            self.user_accountant,
        )
        for expected in ("保证金补缴通知", "测试经销商", "5,000.00", "300.00", "5,300.00"):
            self.assertIn(expected, text)
