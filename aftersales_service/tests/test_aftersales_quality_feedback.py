# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import timedelta

import openpyxl

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError

from .common import AftersalesCommon

XLSX = "aftersales_service.aftersales_quality_feedback_xlsx"


class TestAftersalesQualityFeedback(AftersalesCommon):
    """三包索赔分析 and 质量信息反馈表 on planted claims of 30 days two years ago (out of the
    demo's way): a washer
    (10 units in service) and a dryer (5), two faults, two parts of two suppliers, two
    service points."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.anchor = cls.today - timedelta(days=730)
        category = cls.env["product.category"].create({"name": "Feedback test appliances"})
        cls.washer, cls.dryer = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "is_storable": True,
                    "tracking": "serial",
                    "categ_id": category.id,
                }
                for name in ("Feedback washer", "Feedback dryer")
            ]
        )
        cls.washers = cls._units(cls.washer, 10)
        cls.dryers = cls._units(cls.dryer, 5)
        cls.no_heat, cls.noise = cls.env["aftersales.fault.code"].create(
            [
                {"name": name, "code": code, "product_category_id": category.id}
                for name, code in (("Feedback no heat", "FB-1"), ("Feedback noise", "FB-2"))
            ]
        )
        cls.heater, cls.motor = cls.env["product.product"].create(
            [{"name": "Feedback heater"}, {"name": "Feedback motor"}]
        )
        cls.heater_maker, cls.motor_maker = cls.env["res.partner"].create(
            [{"name": "Heater maker"}, {"name": "Motor maker"}]
        )
        cls.north, cls.south = cls.env["res.partner"].create(
            [
                {"name": name, "is_company": True, "is_service_point": True}
                for name in ("Feedback north point", "Feedback south point")
            ]
        )
        labour = cls._labour
        cls._claim(
            cls.washers[0], cls.no_heat, cls.north, 2, [labour(60), cls._part(cls.heater, 1)]
        )
        cls._claim(cls.washers[1], cls.no_heat, cls.south, 5, [cls._part(cls.heater, 2)])
        cls._claim(cls.washers[2], cls.noise, cls.north, 8, [labour(30)])
        cls._claim(
            cls.dryers[0], cls.no_heat, cls.north, 9, [cls._part(cls.motor, 1, "rejected", 200)]
        )
        cls._claim(cls.washers[3], cls.no_heat, cls.north, 40, [labour(99)])  # before
        cls._claim(cls.washers[4], cls.no_heat, cls.north, 3, [labour(99)], "rejected")
        cls.feedback = cls.env["aftersales.quality.feedback"].create(
            {"date_from": cls.anchor - timedelta(days=29), "date_to": cls.anchor}
        )

    @classmethod
    def _units(cls, product, count):
        return cls.env["stock.lot"].create(
            [
                {
                    "name": f"FB-{product.id}-{index}",
                    "product_id": product.id,
                    "sale_date": cls.anchor - timedelta(days=300),
                }
                for index in range(count)
            ]
        )

    @classmethod
    def _labour(cls, amount):
        return {"line_type": "labour", "quantity": 1, "price_unit": amount, "appraisal": "approved"}

    @classmethod
    def _part(cls, part, quantity, appraisal="approved", price=40.0):
        supplier = cls.heater_maker if part == cls.heater else cls.motor_maker
        return {
            "line_type": "part",
            "product_id": part.id,
            "quantity": quantity,
            "price_unit": price,
            "supplier_id": supplier.id,
            "part_role": "causal",
            "appraisal": appraisal,
        }

    @classmethod
    def _claim(cls, unit, fault, point, days_ago, lines, state="approved"):
        claim = cls.env["aftersales.claim"].create(
            {
                "service_point_id": point.id,
                "lot_id": unit.id,
                "fault_code_id": fault.id,
                "repair_start": cls.anchor - timedelta(days=days_ago),
                "line_ids": [Command.create(line) for line in lines],
            }
        )
        claim.state = state
        return claim

    def _sheets(self, user=None):
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(user or self.user_clerk)
            ._render_xlsx(XLSX, self.feedback.ids, None)
        )
        self.assertEqual(fmt, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        return {sheet.title: sheet for sheet in workbook.worksheets}

    def _rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(min_row=5, values_only=True)]

    def test_the_analysis_counts_claims_once_and_adds_up_the_lines(self):
        Analysis = self.env["aftersales.claim.analysis"].with_user(self.user_technician)
        [(claims, claimed, approved)] = Analysis._read_group(
            [("product_tmpl_id", "=", self.washer.product_tmpl_id.id)],
            [],
            ["claim_count:sum", "amount_claimed:sum", "amount_approved:sum"],
        )
        # 4 counted washer claims (the rejected one is out), whatever their lines
        self.assertEqual((claims, claimed, approved), (4, 309.0, 309.0))

    def test_the_feedback_by_model_with_the_cost_per_unit_in_service(self):
        sheets = self._sheets()
        self.assertEqual(
            list(sheets),
            [
                "By Model",
                "Fault Pareto",
                "Parts and Suppliers",
                "Supplier Quality",
                "Service Points",
                "Quality Warnings",
            ],
        )
        sheet = sheets["By Model"]
        self.assertEqual(sheet.freeze_panes, "A5")
        self.assertIn(str(self.anchor), sheet["A2"].value)
        self.assertEqual(sheet["A4"].value, "Product Model")
        washer, dryer, total = self._rows(sheet)
        self.assertEqual(washer, ["Feedback washer", 10, 3, 300.0, 210.0, 210.0, 21.0])
        self.assertEqual(dryer, ["Feedback dryer", 5, 1, 200.0, 200.0, 0.0, 0.0])
        self.assertEqual(total[:3], ["Total", 15, 4])
        self.assertAlmostEqual(total[3], 266.6667, places=3)
        self.assertEqual(total[4:], [410.0, 210.0, 14.0])

    def test_the_fault_pareto_parts_and_points(self):
        sheets = self._sheets()
        faults = self._rows(sheets["Fault Pareto"])
        self.assertEqual(faults[0][:5], ["Feedback washer", "Feedback no heat", 2, 0.5, 0.5])
        self.assertEqual(faults[2][4], 1.0)
        self.assertEqual(faults[3][:3], ["Total", None, 4])
        parts = self._rows(sheets["Parts and Suppliers"])
        self.assertEqual(
            parts,
            [
                ["Feedback heater", "Heater maker", 3.0, 120.0],
                ["Feedback motor", "Motor maker", 1.0, 0.0],
                ["Total", None, 4.0, 120.0],
            ],
        )
        suppliers = self._rows(sheets["Supplier Quality"])
        self.assertEqual(
            suppliers,
            [
                ["Heater maker", 3.0, 120.0, 0.0, 0.0, 0.0],
                ["Motor maker", 1.0, 0.0, 0.0, 0.0, 0.0],
                ["Total", 4.0, 120.0, 0.0, 0.0, 0.0],
            ],
        )
        points = self._rows(sheets["Service Points"])
        self.assertEqual(
            [cell.value for cell in sheets["Service Points"][4]][5:],
            [
                "Service Requests",
                "Callback On-Time Rate (%)",
                "On-Site On-Time Rate (%)",
                "First-Time Fix Rate (%)",
                "Complaint Rate (%)",
                "Average Satisfaction",
            ],
        )
        # the planted points took no request in the period: their KPIs are zero
        self.assertEqual(points[0][5:], [0, 0.0, 0.0, 0.0, 0.0, 0.0])
        self.assertEqual(points[0][0:5:2], ["Feedback north point", 3, 130.0])
        self.assertEqual(points[1][0:5:2], ["Feedback south point", 1, 80.0])
        self.assertEqual(points[2][2:5], [4, 410.0, 210.0])

    def test_the_warnings_raised_in_the_period(self):
        rule = self.env["aftersales.quality.rule"].create(
            {
                "name": "Feedback washer no heat",
                "product_tmpl_id": self.washer.product_tmpl_id.id,
                "min_occurrences": 2,
            }
        )
        warning = self.env["aftersales.quality.warning"]._scan(rule, today=self.anchor)
        self.assertEqual(len(warning), 1)
        self.feedback.write({"date_from": self.today, "date_to": self.today})
        rows = self._rows(self._sheets()["Quality Warnings"])
        rows = [row for row in rows if row[0] == warning.name]
        self.assertEqual(
            rows[0][:6], [warning.name, "Notice", "Feedback washer", "Feedback no heat", 2, "Open"]
        )

    def test_a_model_filter_and_bad_periods(self):
        self.feedback.product_tmpl_id = self.dryer.product_tmpl_id
        rows = self._rows(self._sheets()["By Model"])
        self.assertEqual([row[0] for row in rows], ["Feedback dryer", "Total"])
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.feedback.date_to = self.anchor - timedelta(days=40)

    def test_who_exports_the_feedback(self):
        self.assertIn("By Model", self._sheets(self.user_technician))
        with self.assertRaises(AccessError):
            self.env["aftersales.claim.analysis"].with_user(self.user_warehouse).search([])

    def test_repeat_repairs_of_the_same_unit_and_fault(self):
        unit = self.washers[0]
        # the same unit and fault again 20 days and 100 days after its first claim
        self._claim(unit, self.no_heat, self.north, -18, [self._labour(10)])
        self._claim(unit, self.no_heat, self.north, -98, [self._labour(10)])
        self._claim(unit, self.noise, self.north, -20, [self._labour(10)])  # another fault
        Analysis = self.env["aftersales.claim.analysis"]
        rows = Analysis.search([("lot_id", "=", unit.id), ("claim_count", "=", 1)])
        days = sorted(
            rows.filtered(lambda row: row.fault_code_id == self.no_heat).mapped("repeat_days")
        )
        self.assertEqual(days, [0, 20, 80])  # the first has none
        [(repeat_30, repeat_90)] = Analysis._read_group(
            [("lot_id", "=", unit.id)], [], ["repeat_30_count:sum", "repeat_90_count:sum"]
        )
        self.assertEqual((repeat_30, repeat_90), (1, 2))
