# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_parts_stock import AftersalesPartsStockCommon

XLSX_REPORT = "aftersales_service.aftersales_parts_report_xlsx"


@tagged("post_install", "-at_install")
class TestAftersalesPartsReports(AftersalesPartsStockCommon):
    """The parts store's reports: receipts and issues, profit at the FIFO cost, daily
    stock and daily dealer orders, in the pivot and as spreadsheets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # three receipts at different costs: 7 sold cost 5 × 50 + 2 × 60 = 370.00
        cls._receive(cls.filter_part, 5, 50.0)
        cls._receive(cls.filter_part, 5, 60.0)
        cls._receive(cls.filter_part, 5, 75.0)

    def _sell_invoiced(self):
        order, delivery = self._sell_and_deliver([(self.filter_part, 7, 100.0)])
        invoice = order._create_invoices()
        invoice.action_post()
        return order, delivery, invoice

    def _profit(self, user):
        return (
            self.env["aftersales.parts.profit.report"]
            .with_user(user)
            ._read_group(
                [("product_id", "=", self.filter_part.id)],
                ["partner_id"],
                ["quantity:sum", "sales_amount:sum", "cost_amount:sum", "margin:sum"],
            )
        )

    def test_the_profit_is_the_sales_less_the_fifo_cost_to_the_cent(self):
        self._sell_invoiced()
        [(partner, quantity, sales, cost, margin)] = self._profit(self.user_accountant)
        self.assertEqual(partner, self.dealer)
        self.assertEqual(quantity, 7)
        self.assertAlmostEqual(sales, 700.00, places=2)
        self.assertAlmostEqual(cost, 370.00, places=2)
        self.assertAlmostEqual(margin, 330.00, places=2)

    def test_a_dealer_return_takes_back_its_sales_and_its_cost(self):
        _order, delivery, _invoice = self._sell_invoiced()
        wizard = (
            self.env["stock.return.picking"]
            .with_user(self.user_warehouse)
            .with_context(active_id=delivery.id, active_model="stock.picking")
            .create({"aftersales_return_type": "quality"})
        )
        wizard.product_return_moves.quantity = 2
        back = self.env["stock.picking"].browse(wizard.action_create_returns()["res_id"])
        back.move_ids.quantity = 2
        back.move_ids.picked = True
        back.with_user(self.user_warehouse).button_validate()
        credit = back.aftersales_credit_note_id
        credit.invoice_date = fields.Date.today()
        credit.action_post()
        [(_partner, quantity, sales, cost, margin)] = self._profit(self.user_accountant)
        self.assertEqual(quantity, 5)
        self.assertAlmostEqual(sales, 500.00, places=2)
        # the two returned come back at the delivery's unit cost (Odoo values a return
        # at its origin move's cost): 370.00 / 7 each
        self.assertAlmostEqual(cost, 264.29, places=2)
        self.assertAlmostEqual(margin, 235.71, places=2)

    def test_accountants_see_the_profit_report_and_clerks_do_not(self):
        self._sell_invoiced()
        self.assertTrue(self._profit(self.user_accountant))
        with self.assertRaises(AccessError):
            self._profit(self.user_clerk)
        with self.assertRaises(AccessError):
            self._profit(self.user_warehouse)
        export = (
            self.env["aftersales.parts.report.export"]
            .with_user(self.user_clerk)
            .create({"report": "profit"})
        )
        with self.assertRaises(AccessError):
            export.action_export()
        export = (
            self.env["aftersales.parts.report.export"]
            .with_user(self.user_warehouse)
            .create({"report": "movement"})
        )
        self.assertEqual(export.action_export()["report_type"], "xlsx")

    def test_receipts_and_issues_by_month_part_and_class(self):
        self._sell_invoiced()
        [(received, issued)] = (
            self.env["aftersales.parts.movement.report"]
            .with_user(self.user_warehouse)
            ._read_group(
                [
                    ("product_id", "=", self.filter_part.id),
                    ("part_class", "=", "wear"),
                    ("location_id", "=", self.warehouse.lot_stock_id.id),
                ],
                [],
                ["received_qty:sum", "issued_qty:sum"],
            )
        )
        self.assertEqual((received, issued), (15, 7))

    def test_each_role_opens_its_pivot(self):
        self._sell_invoiced()
        for xmlid, user in (
            ("aftersales_parts_movement_report_action", self.user_warehouse),
            ("aftersales_parts_stock_action", self.user_warehouse),
            ("aftersales_parts_profit_report_action", self.user_accountant),
            ("aftersales_parts_orders_action", self.user_clerk),
        ):
            with self.subTest(action=xmlid):
                action = self.env.ref(f"aftersales_service.{xmlid}")
                context = safe_eval(action.context or "{}")
                groupby = context.get("pivot_row_groupby", ["product_id"])
                model = self.env[action.res_model].with_user(user)
                groups = model.read_group(
                    safe_eval(action.domain or "[]"), context.get("pivot_measures", []), groupby[:1]
                )
                self.assertTrue(groups)

    # ------------------------------------------------------------------
    # spreadsheets
    # ------------------------------------------------------------------
    def _spreadsheet(self, user, report, **values):
        export = (
            self.env["aftersales.parts.report.export"]
            .with_user(user)
            .create({"report": report, **values})
        )
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(XLSX_REPORT, export.ids, None)
        )
        self.assertEqual(fmt, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertEqual(sheet.freeze_panes, "A5", "the header row stays in sight")
        headers, data, total = rows[3], rows[4:-1], rows[-1]
        self.assertEqual(total[0], "Total")
        return headers, data, total

    def _assert_totals(self, data, total, columns):
        for column in columns:
            self.assertAlmostEqual(total[column], sum(row[column] or 0.0 for row in data), places=2)

    def test_the_receipts_and_issues_spreadsheet(self):
        self._sell_invoiced()
        headers, data, total = self._spreadsheet(self.user_warehouse, "movement")
        self.assertEqual(
            headers, ["Month", "Part Code", "Part", "Part Class", "Received", "Issued"]
        )
        [row] = [row for row in data if row[2] == self.filter_part.name]
        self.assertEqual(row[3:], ["Wear Part", 15, 7])
        self._assert_totals(data, total, [4, 5])

    def test_the_profit_spreadsheet(self):
        self._sell_invoiced()
        headers, data, total = self._spreadsheet(self.user_accountant, "profit")
        self.assertEqual(
            headers[:2] + headers[4:],
            ["Month", "Dealer", "Quantity Sold", "Sales", "Cost of Sales", "Margin", "Margin %"],
        )
        [row] = [row for row in data if row[3] == self.filter_part.name]
        self.assertEqual(row[1], self.dealer.name)
        self.assertEqual(row[4:8], [7, 700, 370, 330])
        self.assertAlmostEqual(row[8], 330 / 700, places=4)
        self._assert_totals(data, total, [4, 5, 6, 7])

    def test_the_daily_stock_spreadsheet(self):
        self._sell_invoiced()
        today = fields.Date.context_today(self.user_warehouse)
        headers, data, total = self._spreadsheet(
            self.user_warehouse,
            "stock",
            date_from=today,
            date_to=today,
            location_id=self.warehouse.lot_stock_id.id,
        )
        self.assertEqual(
            headers, ["Date", "Location", "Part Code", "Part", "Part Class", "Quantity"]
        )
        [row] = [row for row in data if row[3] == self.filter_part.name]
        self.assertEqual(row[0], fields.Date.to_string(today))
        self.assertEqual(row[1], self.warehouse.lot_stock_id.complete_name)
        self.assertEqual(row[5], 8)
        self._assert_totals(data, total, [5])

    def test_the_daily_orders_spreadsheet(self):
        order, _delivery, _invoice = self._sell_invoiced()
        headers, data, total = self._spreadsheet(self.user_clerk, "orders")
        self.assertEqual(headers, ["Date", "Order", "Dealer", "Status", "Untaxed Amount", "Total"])
        [row] = [row for row in data if row[1] == order.name]
        self.assertEqual(row[2:], [self.dealer.name, "Sales Order", 700, 700])
        self._assert_totals(data, total, [4, 5])
