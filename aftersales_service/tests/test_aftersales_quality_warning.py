# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import AftersalesCommon


class TestAftersalesQualityWarning(AftersalesCommon):
    """质量预警 on planted claims: a dryer model with 20 units in service, a fault code
    and a part; claims on known days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.category = cls.env["product.category"].create({"name": "Warning test dryers"})
        cls.dryer = cls.env["product.product"].create(
            {
                "name": "Warning test dryer",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.category.id,
            }
        )
        cls.part = cls.env["product.product"].create({"name": "Warning test heater"})
        cls.fault = cls.env["aftersales.fault.code"].create(
            {
                "name": "Warning test: no heat",
                "code": "WT-NOHEAT",
                "product_category_id": cls.category.id,
            }
        )
        cls.other_fault = cls.env["aftersales.fault.code"].create(
            {
                "name": "Warning test: noise",
                "code": "WT-NOISE",
                "product_category_id": cls.category.id,
            }
        )
        cls.point = cls.env["res.partner"].create(
            {"name": "Warning test point", "is_company": True, "is_service_point": True}
        )
        cls.units = cls.env["stock.lot"].create(
            [
                {
                    "name": f"WARN-{index}",
                    "product_id": cls.dryer.id,
                    "sale_date": cls.today - timedelta(days=200),
                }
                for index in range(20)
            ]
        )
        cls.support = cls.user_technician
        cls.rule = cls.env["aftersales.quality.rule"].create(
            {
                "name": "Dryer fault within a month",
                "product_tmpl_id": cls.dryer.product_tmpl_id.id,
                "window": "month",
                "min_occurrences": 3,
                "severity": "serious",
                "user_id": cls.support.id,
            }
        )
        cls.Warning = cls.env["aftersales.quality.warning"]

    def _claim(self, days_ago, fault=None, state="submitted", part=None, unit=0):
        vals = {
            "service_point_id": self.point.id,
            "lot_id": self.units[unit].id,
            "repair_start": self.today - timedelta(days=days_ago),
            "fault_code_id": (fault or self.fault).id,
        }
        if part:
            vals["line_ids"] = [
                Command.create({"line_type": "part", "product_id": part.id, "part_role": "causal"})
            ]
        claim = self.env["aftersales.claim"].create(vals)
        claim.state = state
        return claim

    def test_a_fault_recurring_within_the_month_raises_one_warning(self):
        claims = self._claim(1) | self._claim(10, unit=1) | self._claim(29, unit=2)
        self._claim(2, fault=self.other_fault)  # another problem
        self._claim(3, state="rejected")  # thrown out
        self._claim(40)  # before the window
        warning = self.Warning._scan(self.rule)
        self.assertEqual(len(warning), 1)
        self.assertEqual(warning.claim_ids, claims)
        self.assertEqual((warning.occurrences, warning.units_in_service), (3, 20))
        self.assertAlmostEqual(warning.rate, 150.0)
        self.assertEqual(warning.severity, "serious")
        self.assertEqual(warning.fault_code_id, self.fault)
        self.assertEqual(warning.state, "open")
        self.assertEqual(warning.activity_ids.user_id, self.support)
        # 4 working days: at least 4 calendar days, at most a week and a weekend
        self.assertGreaterEqual(warning.deadline - warning.raised_on, timedelta(days=4))
        self.assertLessEqual(warning.deadline - warning.raised_on, timedelta(days=8))

    def test_two_occurrences_raise_nothing(self):
        self._claim(1)
        self._claim(2, unit=1)
        self._claim(3, state="cancel", unit=2)
        self.assertFalse(self.Warning._scan(self.rule))

    def test_the_scan_never_raises_the_same_problem_twice(self):
        self._claim(1)
        self._claim(2, unit=1)
        self._claim(3, unit=2)
        warning = self.Warning._scan(self.rule)
        self.assertFalse(self.Warning._scan(self.rule))
        later = self._claim(0, unit=3)
        self.assertFalse(self.Warning._scan(self.rule))
        self.assertEqual(warning.occurrences, 4)
        self.assertIn(later, warning.claim_ids)
        self.assertIn(later.name, warning.message_ids[0].body)
        self.assertEqual(len(warning.activity_ids), 1)

    def test_a_rate_per_thousand_units_in_service_fires_the_rule(self):
        self.rule.write({"min_occurrences": 0, "min_rate": 100.0})
        self._claim(1)
        self.assertFalse(self.Warning._scan(self.rule), "1 of 20 units is 50 per 1,000")
        self._claim(2, unit=1)
        warning = self.Warning._scan(self.rule)
        self.assertAlmostEqual(warning.rate, 100.0)

    def test_a_part_rule_watches_the_part_whatever_the_fault(self):
        self.rule.write({"part_id": self.part.id, "min_occurrences": 2})
        self._claim(1, part=self.part)
        self._claim(2, fault=self.other_fault, part=self.part, unit=1)
        self._claim(3, unit=2)  # the fault, but not the part
        warning = self.Warning._scan(self.rule)
        self.assertEqual(len(warning.claim_ids), 2)
        self.assertEqual(warning.part_id, self.part)
        self.assertFalse(warning.fault_code_id)

    def test_the_flow_to_closed_and_a_recurrence_after_it(self):
        for unit in range(3):
            self._claim(unit + 1, unit=unit)
        warning = self.Warning._scan(self.rule).with_user(self.support)
        with self.assertRaises(AccessError):
            warning.with_user(self.user_clerk).action_analyse()
        warning.action_analyse()
        self.assertEqual(warning.state, "analysing")
        with self.assertRaisesRegex(UserError, "root cause"):
            warning.action_countermeasure()
        warning.root_cause = "Thermostat of supplier lot 2026-07 sticks open."
        warning.action_countermeasure()
        self.assertEqual(warning.state, "countermeasure")
        self.assertTrue(warning.answered_on)
        self.assertFalse(warning.is_late)
        self.assertFalse(warning.activity_ids)
        with self.assertRaisesRegex(UserError, "countermeasure"):
            warning.action_close()
        warning.countermeasure = "Thermostat changed from serial WARN-20 on."
        warning.action_close()
        self.assertEqual(warning.state, "closed")
        with self.assertRaisesRegex(UserError, "cannot be closed"):
            warning.action_close()
        # the occurrences before the closing do not raise it again
        self.assertFalse(self.Warning._scan(self.rule))
        tomorrow = self.today + timedelta(days=1)
        for unit in range(3, 6):
            self._claim(-1, unit=unit)
        again = self.Warning._scan(self.rule, today=tomorrow)
        self.assertEqual(len(again), 1)
        self.assertEqual(len(again.claim_ids), 3)

    def test_an_urgent_rule_is_answered_in_working_hours(self):
        self.rule.urgent = True
        for unit in range(3):
            self._claim(unit + 1, unit=unit)
        warning = self.Warning._scan(self.rule)
        self.assertGreaterEqual(warning.deadline - warning.raised_on, timedelta(hours=3))
        self.assertLessEqual(warning.deadline - warning.raised_on, timedelta(days=3))

    def test_a_rule_needs_a_threshold(self):
        with self.assertRaisesRegex(ValidationError, "needs a threshold"):
            self.rule.write({"min_occurrences": 0, "min_rate": 0.0})
        with self.assertRaises(ValidationError):
            self.rule.min_occurrences = -1

    def test_the_nightly_scan_runs_every_rule_in_batches(self):
        for unit in range(3):
            self._claim(unit + 1, unit=unit)
        self.env["aftersales.quality.rule"].create(
            {
                "name": "Dryer fault within a quarter",
                "product_tmpl_id": self.dryer.product_tmpl_id.id,
                "window": "quarter",
                "min_occurrences": 3,
                "severity": "critical",
            }
        )
        month = self.env.ref("aftersales_service.aftersales_quality_rule_month")
        year = self.env.ref("aftersales_service.aftersales_quality_rule_year")
        year.write({"min_occurrences": 12, "min_rate": 0.0})  # as shipped
        for _run in range(2):
            while True:
                self.Warning._cron_aftersales_quality_scan(batch_size=1)
                if not int(
                    self.env["ir.config_parameter"].get_param(
                        "aftersales_service.quality_scan_last_rule", 0
                    )
                ):
                    break
        warnings = self.Warning.search([("product_tmpl_id", "=", self.dryer.product_tmpl_id.id)])
        # one warning per rule, not one per run: the two rules above and the shipped
        # month's (3 within a month), not the year's (12 within a year)
        self.assertEqual(len(warnings), 3)
        self.assertEqual(len(warnings.rule_id), 3)
        self.assertIn(month, warnings.rule_id)
        self.assertNotIn(year, warnings.rule_id)
        self.assertEqual(sorted(warnings.mapped("severity")), ["critical", "notice", "serious"])


class TestAftersalesQualityDemo(AftersalesCommon):
    """The demo's year of history gives every quality view figures to show."""

    def test_the_demo_shows_claim_rates_and_warnings(self):
        dszf50 = self.env.ref("aftersales_service.product_heater_dszf50_demo").product_tmpl_id
        warnings = self.env["aftersales.quality.warning"].search(
            [("product_tmpl_id", "=", dszf50.id)]
        )
        self.assertGreaterEqual(len(warnings), 2)
        self.assertIn("critical", warnings.mapped("severity"))
        rates = self.env["aftersales.claim.rate"].search([("product_tmpl_id", "=", dszf50.id)])
        self.assertGreaterEqual(sum(rates.mapped("units")), 360)
        self.assertTrue(any(rate.rate_mis3 for rate in rates))

    def test_the_quality_dashboard_reads_real_fields_and_opens_for_the_clerk(self):
        dashboard = self.env.ref("aftersales_service.spreadsheet_dashboard_aftersales_quality")
        dashboard._check_spreadsheet_data()  # every model, field and menu it names exists
        self.user_clerk.lang = "zh_CN"
        data = dashboard.with_user(self.user_clerk).get_readonly_dashboard()
        self.assertIn("snapshot", data)
        self.assertIn(
            dashboard, self.env["spreadsheet.dashboard"].with_user(self.user_clerk).search([])
        )
        self.assertNotIn(
            dashboard, self.env["spreadsheet.dashboard"].with_user(self.user_warehouse).search([])
        )
