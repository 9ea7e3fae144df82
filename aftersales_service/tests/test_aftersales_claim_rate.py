# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import json

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError

from .common import AftersalesCommon


class TestAftersalesClaimRate(AftersalesCommon):
    """千台索赔率 on a planted data set: a washer model with 10 units sold 30 months ago
    (every MIS observed) and 5 sold 2 months ago (MIS 1 only), claims on known days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["res.users"])
        cls.old_month = (today - relativedelta(months=30)).replace(day=1)
        cls.new_month = (today - relativedelta(months=2)).replace(day=1)
        cls.washer = cls.env["product.product"].create(
            {"name": "Rate test washer", "is_storable": True, "tracking": "serial"}
        )
        cls.point = cls.env["res.partner"].create(
            {"name": "Rate test point", "is_company": True, "is_service_point": True}
        )
        cls.old_units = cls._units(cls.old_month, 10)
        cls.new_units = cls._units(cls.new_month, 5)
        sold = cls.old_month + relativedelta(days=4)
        u = cls.old_units
        cls._claim(u[0], sold + relativedelta(days=10), "submitted")  # MIS 1
        cls._claim(u[1], sold + relativedelta(months=2, days=3), "approved")  # MIS 3
        cls._claim(u[1], sold + relativedelta(months=20), "settled")  # same unit, later
        cls._claim(u[2], sold + relativedelta(months=7), "settled")  # MIS 8
        cls._claim(u[3], sold + relativedelta(months=1), "appraisal")  # MIS 2: a month is 2
        cls._claim(u[4], sold + relativedelta(days=10), "rejected")  # thrown out
        cls._claim(u[5], sold + relativedelta(days=10), "cancel")  # withdrawn
        cls._claim(u[6], sold + relativedelta(days=10), "draft")  # not filed
        cls._claim(cls.new_units[0], cls.new_month + relativedelta(days=14), "waiting_parts")

    @classmethod
    def _units(cls, month, count):
        return cls.env["stock.lot"].create(
            [
                {
                    "name": f"RATE-{month:%Y%m}-{index}",
                    "product_id": cls.washer.id,
                    "sale_date": month + relativedelta(days=4),
                }
                for index in range(count)
            ]
        )

    @classmethod
    def _claim(cls, unit, fault_day, state):
        claim = cls.env["aftersales.claim"].create(
            {"service_point_id": cls.point.id, "lot_id": unit.id, "repair_start": fault_day}
        )
        claim.state = state
        return claim

    def _row(self, month, user=None):
        Rate = self.env["aftersales.claim.rate"].with_user(user or self.user_clerk)
        return Rate.search(
            [("product_tmpl_id", "=", self.washer.product_tmpl_id.id), ("sale_month", "=", month)]
        )

    def test_an_observed_month_reads_every_mis_with_each_unit_once(self):
        row = self._row(self.old_month)
        self.assertEqual(len(row), 1)
        self.assertEqual((row.units, row.claimed_units), (10, 4))
        self.assertEqual(
            [row.claimed_mis1, row.claimed_mis3, row.claimed_mis6, row.claimed_mis12],
            [1, 3, 3, 4],
        )
        self.assertEqual(
            [row.rate_mis1, row.rate_mis3, row.rate_mis6, row.rate_mis12, row.rate_mis24],
            [100.0, 300.0, 300.0, 400.0, 400.0],
        )
        self.assertEqual(row.months_observed, 29)

    def test_a_young_month_has_no_rate_beyond_what_it_has_lived(self):
        row = self._row(self.new_month)
        self.assertEqual((row.units, row.claimed_mis1, row.months_observed), (5, 1, 1))
        self.assertAlmostEqual(row.rate_mis1, 200.0)
        # not observed yet: no rate (the list hides it), not a reassuring zero
        self.assertFalse(row.rate_mis3)
        self.assertFalse(row.rate_mis24)

    def test_totals_over_months_are_ratios_of_the_observed_months(self):
        rates = self.env["aftersales.claim.rate"]._rates(
            [("product_tmpl_id", "=", self.washer.product_tmpl_id.id)], ["product_tmpl_id"]
        )
        model_rates = rates[(self.washer.product_tmpl_id,)]
        # MIS 1: (1 + 1) claimed of 15 units; MIS 3 on the old month only: 3 of 10
        self.assertEqual(model_rates[1], 133.33)
        self.assertEqual(model_rates[3], 300.0)
        self.assertEqual(model_rates[24], 400.0)

    def test_the_dashboard_trend_reads_the_same_rate_as_the_reports(self):
        """The 售后质量 dashboard's trend divides two sums of its pivot in the spreadsheet:
        its pivot must take the cohorts and figures the reports' MIS 3 rate takes."""
        dashboard = self.env.ref("aftersales_service.spreadsheet_dashboard_aftersales_quality")
        spreadsheet = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        pivot = next(
            p for p in spreadsheet["pivots"].values() if p["model"] == "aftersales.claim.rate"
        )
        self.assertEqual(pivot["rows"], [{"fieldName": "sale_month", "granularity": "month"}])
        domain = [*pivot["domain"], ("product_tmpl_id", "=", self.washer.product_tmpl_id.id)]
        measures = [f"{m['fieldName']}:sum" for m in pivot["measures"]]
        rates = self.env["aftersales.claim.rate"]._rates(domain[-1:], ["sale_month:month"])
        groups = self.env["aftersales.claim.rate"]._read_group(
            domain, ["sale_month:month"], measures
        )
        # only the old month is 3 months old: 3 of its 10 units claimed by MIS 3
        self.assertEqual([month for month, *_sums in groups], [self.old_month])
        for month, units, claimed in groups:
            self.assertEqual(round(claimed / units * 1000, 2), rates[(month,)][3])
        self.assertEqual(rates[(self.old_month,)][3], 300.0)
        data_cells = spreadsheet["sheets"][1]["cells"]
        self.assertEqual(data_cells["D12"]["content"], '=IFERROR(ROUND(C12/B12*1000,2),"")')

    def test_the_rate_follows_a_claim_thrown_out_later(self):
        claim = self.env["aftersales.claim"].search([("lot_id", "=", self.old_units[0].id)])
        claim.state = "rejected"
        self.env.flush_all()
        self.assertEqual(self._row(self.old_month).rate_mis1, 0.0)

    def test_who_reads_the_claim_rate(self):
        self.assertEqual(self._row(self.old_month, self.user_accountant).units, 10)
        self.assertEqual(self._row(self.old_month, self.user_technician).units, 10)
        with self.assertRaises(AccessError):
            self._row(self.old_month, self.user_warehouse)

    def test_the_xlsx_has_each_month_and_the_model_total(self):
        rows = self.env["aftersales.claim.rate"].search(
            [("product_tmpl_id", "=", self.washer.product_tmpl_id.id)]
        )
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(self.user_clerk)
            ._render_xlsx("aftersales_service.aftersales_claim_rate_xlsx", rows.ids, None)
        )
        self.assertEqual(fmt, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.freeze_panes, "A5")
        self.assertEqual(
            [cell.value for cell in sheet[4]],
            [
                "Product Model",
                "Month of Sale",
                "Units Sold",
                "Units with a Claim",
                "MIS 1",
                "MIS 3",
                "MIS 6",
                "MIS 12",
                "MIS 24",
            ],
        )
        old, new, total = (list(row) for row in sheet.iter_rows(min_row=5, values_only=True))
        self.assertEqual(old[2:], [10, 4, 100.0, 300.0, 300.0, 400.0, 400.0])
        # the young month: MIS 1 only, the rest left empty
        self.assertEqual(new[2:], [5, 1, 200.0, None, None, None, None])
        self.assertEqual(total[0], "Rate test washer total")
        self.assertEqual(total[2:], [15, 5, 133.33, 300.0, 300.0, 400.0, 400.0])
