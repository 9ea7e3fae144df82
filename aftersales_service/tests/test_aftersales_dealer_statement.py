# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import shutil
import unittest
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from .common_report import print_in_chinese, render_pdf_text
from .common_settlement import AftersalesSettlementCommon

XLSX_REPORT = "aftersales_service.aftersales_dealer_statement_xlsx"


class AftersalesStatementCommon(AftersalesSettlementCommon):
    """January 2025 of the test dealer: 1,000 owed from December, an invoice of 3,000 on
    5 January, 2,000 paid on 15 January, a 三包 settlement of 300 posted on 31 January,
    and an invoice of 700 on 1 February (outside the period)."""

    def _pay(self, invoice, amount, payment_date):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": amount, "payment_date": payment_date})._create_payments()

    def _january(self):
        self._invoice(1000, date(2025, 1, 10), invoice_date=date(2024, 12, 20))
        january = self._invoice(3000, date(2025, 2, 5), invoice_date=date(2025, 1, 5))
        self._pay(january, 2000, date(2025, 1, 15))
        self._approved_claim(300)
        self._post(self._settle(), accounting_date=date(2025, 1, 31))
        self._invoice(700, date(2025, 3, 1), invoice_date=date(2025, 2, 1))

    def _statement(self, date_from=date(2025, 1, 1), date_to=date(2025, 1, 31), user=None):
        return (
            self.env["aftersales.dealer.statement"]
            .with_user(user or self.user_accountant)
            .create({"partner_id": self.point.id, "date_from": date_from, "date_to": date_to})
        )


class TestAftersalesDealerStatement(AftersalesStatementCommon):
    def test_opening_items_and_closing_balance_of_the_period(self):
        self._january()
        figures = self._statement()._statement()
        self.assertEqual(figures["opening"], 1000)
        self.assertEqual(
            [
                (row["date"], row["kind"], row["debit"], row["credit"], row["balance"])
                for row in figures["rows"]
            ],
            [
                (date(2025, 1, 5), "Invoice", 3000, 0, 4000),
                (date(2025, 1, 15), "Payment", 0, 2000, 2000),
                (date(2025, 1, 31), "三包 Settlement", 0, 300, 1700),
            ],
        )
        self.assertEqual((figures["debit"], figures["credit"]), (3000, 2300))
        self.assertEqual(figures["closing"], 1700)
        totals = dict(figures["totals"])
        self.assertEqual(
            (totals["Invoice"], totals["Payment"], totals["三包 Settlement"]), (3000, -2000, -300)
        )
        # the closing balance is the receivable accounting shows on that day
        self.assertEqual(figures["closing"], self._balance(self.receivable, self.point) - 700)

    def test_the_period_includes_its_first_and_last_day_only(self):
        self._january()
        figures = self._statement(date(2025, 1, 15), date(2025, 1, 31))._statement()
        self.assertEqual(figures["opening"], 4000)
        self.assertEqual(len(figures["rows"]), 2)
        february = self._statement(date(2025, 2, 1), date(2025, 2, 1))._statement()
        self.assertEqual((february["opening"], february["closing"]), (1700, 2400))

    def test_a_reversed_settlement_shows_both_entries_and_nets_to_nothing(self):
        self._january()
        settlement = self.Settlement.search([("partner_id", "=", self.point.id)])
        settlement.with_user(self.user_accountant).action_reverse()
        figures = self._statement(date(2025, 1, 1), date.today())._statement()
        kinds = [row["kind"] for row in figures["rows"]]
        self.assertEqual(kinds.count("三包 Settlement"), 2)
        self.assertEqual(dict(figures["totals"])["三包 Settlement"], 0)
        self.assertEqual(figures["closing"], 1000 + 3000 - 2000 + 700)

    def test_only_this_dealer_and_its_contacts_draft_entries_left_out(self):
        self._january()
        contact = self.env["res.partner"].create(
            {"name": "财务 张会计", "parent_id": self.point.id}
        )
        self._invoice(50, date(2025, 2, 1), partner=contact, invoice_date=date(2025, 1, 20))
        other = self.env["res.partner"].create({"name": "Second point", "is_company": True})
        self._invoice(9999, date(2025, 2, 1), partner=other, invoice_date=date(2025, 1, 20))
        draft = self._invoice(444, date(2025, 2, 1), invoice_date=date(2025, 1, 21))
        draft.button_draft()
        figures = self._statement()._statement()
        self.assertEqual([row["debit"] for row in figures["rows"]], [3000, 0, 50, 0])
        self.assertEqual(figures["closing"], 1750)

    def test_a_period_that_ends_before_it_starts_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._statement(date(2025, 2, 1), date(2025, 1, 31))

    def test_an_empty_period_still_shows_the_balance_carried(self):
        self._invoice(1000, date(2025, 1, 10), invoice_date=date(2024, 12, 20))
        figures = self._statement()._statement()
        self.assertEqual(
            (figures["opening"], figures["rows"], figures["closing"]), (1000, [], 1000)
        )

    def test_the_clerk_has_no_statement(self):
        with self.assertRaises(AccessError):
            self._statement(user=self.user_clerk)

    def test_the_dealer_form_opens_the_statement_for_its_company(self):
        contact = self.env["res.partner"].create(
            {"name": "财务 张会计", "parent_id": self.point.id}
        )
        action = contact.with_user(self.user_accountant).action_aftersales_dealer_statement()
        self.assertEqual(action["res_model"], "aftersales.dealer.statement")
        self.assertEqual(action["context"]["default_partner_id"], self.point.id)

    def test_the_spreadsheet_has_the_same_figures_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["aftersales_service"], ["zh_CN"], overwrite=True
        )
        self.point.lang = "zh_CN"
        self._january()
        statement = self._statement()
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(self.user_accountant)
            ._render_xlsx(XLSX_REPORT, statement.ids, None)
        )
        self.assertEqual(fmt, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        cells = {}  # each text at its first place
        for row in sheet.iter_rows():
            for cell in row:
                cells.setdefault(cell.value, cell)
        self.assertIn("经销商往来对账单", cells)
        self.assertEqual(sheet.cell(cells["期初余额"].row, 8).value, 1000)
        self.assertEqual(sheet.cell(cells["期末余额"].row, 8).value, 1700)
        self.assertEqual(sheet.cell(cells["三包核销单"].row, 7).value, 300)
        self.assertEqual(sheet.cell(cells["收付款"].row, 8).value, 2000)
        self.assertIn(statement.partner_id.name, [cell.value for cell in sheet[2]])


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesDealerStatementReport(AftersalesStatementCommon, HttpCase):
    def test_the_pdf_shows_the_balances_and_every_item(self):
        print_in_chinese(self)
        self.point.write({"name": "测试特约服务站", "lang": "zh_CN"})
        self._january()
        text = render_pdf_text(
            self,
            "aftersales_service.aftersales_dealer_statement_report",
            self._statement(),
            self.user_accountant,
        )
        for expected in (
            "经销商往来对账单",
            "测试特约服务站",
            "期初余额",
            "期末余额",
            "三包核销",
            "1,000.00",
            "3,000.00",
            "2,000.00",
            "1,700.00",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("700.00\n2025-02", text)
