# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import timedelta

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_parts_store import AftersalesPartsStoreCommon

XLSX_REPORT = "aftersales_service.aftersales_discontinued_part_xlsx"


@tagged("post_install", "-at_install")
class TestAftersalesPartsStoreDiscontinued(AftersalesPartsStoreCommon):
    """淘汰配件: the parts of a model whose production stopped a year ago, under the
    5-year parts-supply guarantee (four years, about 48 months, left)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.aftersales_parts_guarantee_years = 5
        cls.model = cls.heater.product_tmpl_id
        cls.thermostat = cls._create_part("Test thermostat", cls.warranty_class)
        cls.model.write(
            {
                "aftersales_production_end_date": cls.today - relativedelta(years=1),
                "aftersales_service_part_ids": [
                    Command.create({"part_id": cls.valve.id}),
                    Command.create({"part_id": cls.thermostat.id}),
                ],
            }
        )

    def _use(self, product, quantity, days_ago=0):
        """``quantity`` of ``product`` leave the store for a customer, ``days_ago``."""
        picking = self._issue(product, quantity)
        picking.move_ids.date = fields.Datetime.now() - timedelta(days=days_ago)
        return picking

    def _report(self):
        """The report as the warehouse opens it, on this test's parts (the demo data's
        discontinued model has its own)."""
        Report = self.env["aftersales.discontinued.part"].with_user(self.user_warehouse)
        rows = Report.search(Report.action_open()["domain"])
        return rows.filtered(lambda row: row.product_id in (self.valve | self.thermostat))

    def test_flags_the_part_that_runs_out_before_the_guarantee_ends(self):
        """The valve: 30 in stock, 24 used in the last year (2 a month) → 15 months of stock
        for 48 left: flagged, 66 more to buy. The thermostat: 200 in stock, 12 used (1 a
        month) → 200 months: lasts. A use 13 months ago does not count."""
        self._receive(self.valve, 54, 10.0)
        self._use(self.valve, 12, days_ago=30)
        self._use(self.valve, 12, days_ago=200)
        self._receive(self.thermostat, 220, 5.0)
        self._use(self.thermostat, 12, days_ago=10)
        self._use(self.thermostat, 8, days_ago=400)
        rows = self._report()
        valve = rows.filtered(lambda row: row.product_id == self.valve)
        thermostat = rows.filtered(lambda row: row.product_id == self.thermostat)
        self.assertEqual(valve.guarantee_end_date, self.today + relativedelta(years=4))
        self.assertAlmostEqual(valve.months_left, 48, delta=0.1)
        self.assertEqual(valve.stock_qty, 30)
        self.assertEqual(valve.consumed_qty, 24)
        self.assertEqual(valve.monthly_qty, 2)
        self.assertAlmostEqual(valve.months_of_cover, 15)
        self.assertTrue(valve.runs_out)
        self.assertAlmostEqual(valve.shortfall_qty, 66, delta=0.2)
        self.assertEqual(valve.part_class, "warranty")
        self.assertEqual(valve.model_names, self.model.display_name)
        self.assertEqual(thermostat.stock_qty, 200)
        self.assertEqual(thermostat.consumed_qty, 12)
        self.assertAlmostEqual(thermostat.months_of_cover, 200)
        self.assertFalse(thermostat.runs_out)
        self.assertEqual(thermostat.shortfall_qty, 0)
        self.assertEqual(rows[:1], valve, "the parts that run out come first")

    def test_no_part_once_the_guarantee_ended(self):
        self.model.aftersales_production_end_date = self.today - relativedelta(years=6)
        self.assertFalse(self._report())

    def test_xlsx_export(self):
        self._receive(self.valve, 30, 10.0)
        self._use(self.valve, 24, days_ago=30)
        rows = self._report()
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(self.user_warehouse)
            ._render_xlsx(XLSX_REPORT, rows.ids, None)
        )
        self.assertEqual(fmt, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet["B1"].value, "Part")
        self.assertEqual(sheet["M1"].value, "To Buy")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet["B2"].value, self.valve.name)
        self.assertEqual(sheet["H2"].value, 6)
        total_row = len(rows) + 2
        self.assertEqual(sheet[f"A{total_row}"].value, "Total")
        self.assertEqual(sheet[f"H{total_row}"].value, sum(rows.mapped("stock_qty")))

    def test_guarantee_is_three_to_five_years(self):
        company = self.env.company
        for years in (2, 6):
            with self.assertRaises(ValidationError):
                company.aftersales_parts_guarantee_years = years
        company.aftersales_parts_guarantee_years = 3
        self.assertEqual(company.aftersales_parts_guarantee_years, 3)
