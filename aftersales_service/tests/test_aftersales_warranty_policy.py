# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .warranty_common import WarrantyCommon, d


@tagged("post_install", "-at_install")
class TestAftersalesWarrantyPolicy(WarrantyCommon):
    def test_presets_carry_the_regulation_numbers(self):
        def ref(name):
            return self.env.ref(f"aftersales_service.aftersales_warranty_policy_{name}")

        household, car, car_2012, agri = (
            ref(n) for n in ("household", "family_car_2021", "family_car_2012", "agricultural")
        )
        self.assertEqual(
            (
                household.refund_days,
                household.exchange_days,
                household.sanbao_months,
                household.repeat_repair_count,
            ),
            (7, 15, 12, 2),
        )
        self.assertEqual(household.part_ids.months, 36)
        self.assertEqual(
            (car.sanbao_months, car.sanbao_usage, car.repair_months, car.repair_usage),
            (24, 50000, 36, 60000),
        )
        self.assertEqual(
            (car.serious_fault_days, car.serious_fault_usage, car.repair_days_limit), (60, 3000, 30)
        )
        self.assertEqual(
            (car_2012.version_date_to, car_2012.repair_days_limit), (d("2021-12-31"), 35)
        )
        self.assertEqual(car_2012.code, car.code)
        self.assertEqual(
            (agri.exchange_days, agri.refund_days_after_exchange, agri.repair_days_limit),
            (15, 15, 40),
        )
        for policy in (household, car, car_2012, agri):
            self.assertEqual(policy.registration_days, 20)
            self.assertTrue(policy.holiday_rollover)

    def test_most_specific_policy_wins(self):
        sub_policy = self._preset(
            "household",
            code="test_sub",
            product_category_ids=[Command.link(self.categ_household_sub.id)],
            sanbao_months=24,
        )
        product_policy = self._preset("household", code="test_product", sanbao_months=36)
        sub_fridge = self._product("Test double-door fridge", self.categ_household_sub)
        named_fridge = self._product("Test named fridge", self.categ_household_sub)
        product_policy.product_ids = [Command.link(named_fridge.id)]
        self.assertEqual(
            self._unit(self.fridge, "2026-03-10").warranty_policy_id, self.policy_household
        )
        self.assertEqual(self._unit(sub_fridge, "2026-03-10").warranty_policy_id, sub_policy)
        self.assertEqual(self._unit(named_fridge, "2026-03-10").warranty_policy_id, product_policy)

    def test_version_in_force_at_sale(self):
        self.assertEqual(
            self._unit(self.car, "2021-12-31").warranty_policy_id, self.policy_car_2012
        )
        self.assertEqual(self._unit(self.car, "2022-01-01").warranty_policy_id, self.policy_car)

    def test_new_version_keeps_history(self):
        sold_before = self._unit(self.fridge, "2026-03-10")
        self.assertEqual(
            sold_before.aftersales_entitlement("2027-03-10")["decision"], "free_repair"
        )
        with self.assertRaises(UserError) as error:
            self.policy_household.with_user(self.user_manager).sanbao_months = 24
        self.assertEqual(
            error.exception.args[0],
            f"Policy {self.policy_household.display_name} already covers sold units: changing "
            "its rules would rewrite their warranty. Use New Version to change the rules for "
            "units sold from a given date.",
        )
        action = self.policy_household.with_user(self.user_manager).action_new_version("2026-06-01")
        new_version = self.env["aftersales.warranty.policy"].browse(action["res_id"])
        new_version.with_user(self.user_manager).sanbao_months = 24
        self.assertEqual(self.policy_household.version_date_to, d("2026-05-31"))
        self.assertEqual(new_version.code, self.policy_household.code)
        self.assertEqual(new_version.part_ids.months, 36)
        sold_after = self._unit(self.fridge, "2026-06-01")
        self.assertEqual(sold_before.warranty_policy_id, self.policy_household)
        self.assertEqual(sold_after.warranty_policy_id, new_version)
        self.assertEqual(sold_before.aftersales_entitlement("2027-03-11")["rule"], "period_expired")
        self.assertEqual(sold_after.aftersales_entitlement("2027-06-02")["rule"], "sanbao_period")
        with self.assertRaises(UserError):
            new_version.action_new_version("2026-05-01")

    def test_policy_created_after_sale_applies(self):
        categ = self.env["product.category"].create({"name": "Test water heaters"})
        heater = self._product("Test heater", categ)
        unit = self._unit(heater, "2026-03-10")
        self.assertFalse(unit.warranty_policy_id)
        policy = self._preset(
            "household", code="test_heater", product_category_ids=[Command.link(categ.id)]
        )
        self.assertEqual(unit.warranty_policy_id, policy)
        self.assertEqual(unit.sanbao_end_date, d("2027-03-10"))

    def test_constraints(self):
        with self.assertRaises(ValidationError):
            self._preset(
                "household",
                code="test_bad_dates",
                version_date_from="2026-03-10",
                version_date_to="2026-03-01",
            )
        with self.assertRaises(ValidationError):
            self._preset("household", code="test_negative", refund_days=-1)

    def test_access(self):
        for role in ("clerk", "technician", "warehouse", "accountant"):
            with self.subTest(role):
                policy = self.policy_household.with_user(self.users[role])
                self.assertEqual(policy.refund_days, 7)
                with self.assertRaises(AccessError):
                    policy.note = "changed"
                with self.assertRaises(AccessError):
                    policy.copy({"code": f"test_{role}"})
        manager_copy = self.policy_household.with_user(self.user_manager).copy(
            {"code": "test_manager"}
        )
        manager_copy.note = "changed"
        manager_copy.unlink()

    def test_company_rule(self):
        other_company = self.env["res.company"].create({"name": "Other 三包 company"})
        foreign = self._preset("household", code="test_foreign", company_id=other_company.id)
        visible = (
            self.env["aftersales.warranty.policy"]
            .with_user(self.user_clerk)
            .search([("code", "like", "test_%")])
        )
        self.assertNotIn(foreign, visible)
        self.assertIn(self.policy_household, visible)
