# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields

from .warranty_common import WarrantyCommon


class TestAftersalesExchangeRisk(WarrantyCommon):
    """三包换货风险 under the household preset (an exchange after 2 repairs of the same
    fault): the units repaired once or twice for a fault, in their 三包 period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["res.users"])
        sold = today - timedelta(days=60)
        cls.once = cls._unit(cls.fridge, sold)
        cls.twice = cls._unit(cls.fridge, sold)
        cls.two_faults = cls._unit(cls.fridge, sold)
        cls.never = cls._unit(cls.fridge, sold)
        cls.old = cls._unit(cls.fridge, today - timedelta(days=3000))
        day = today - timedelta(days=30)
        cls._repair(cls.once, day, day)
        cls._repair(cls.twice, day, day)
        cls._repair(cls.twice, day + timedelta(days=5), day + timedelta(days=6))
        cls._repair(cls.two_faults, day, day, fault_key="F1")
        cls._repair(cls.two_faults, day, day, fault_key="F2")
        cls._repair(cls.old, day, day)
        cls._repair(cls.old, day, day)
        cls.in_repair = cls._unit(cls.fridge, sold)
        cls._repair(cls.in_repair, day, False)  # not finished: not counted yet

    def test_the_units_near_an_exchange(self):
        self.assertEqual(self.once.warranty_policy_id, self.policy_household)
        risk = self.env["stock.lot"]._aftersales_exchange_risk()
        ours = self.once | self.twice | self.two_faults | self.never | self.old | self.in_repair
        self.assertEqual(risk & ours, self.once | self.twice | self.two_faults)

    def test_family_car_serious_and_any_problem_counters(self):
        """Family car 2021: exchange after 2 repairs of a serious fault, or 4 of any same
        problem: at risk one short of either, not before."""
        today = fields.Date.context_today(self.env["res.users"])
        sold, day = today - timedelta(days=60), today - timedelta(days=30)
        serious_once = self._unit(self.car, sold)
        self._repair(serious_once, day, day, fault_key="BRAKE", serious=True)
        minor_twice = self._unit(self.car, sold)
        for offset in (0, 1):
            self._repair(minor_twice, day + timedelta(offset), day + timedelta(offset))
        minor_thrice = self._unit(self.car, sold)
        for offset in (0, 1, 2):
            self._repair(minor_thrice, day + timedelta(offset), day + timedelta(offset))
        minor_three_faults = self._unit(self.car, sold)
        for key in ("F1", "F2", "F3"):
            self._repair(minor_three_faults, day, day, fault_key=key)
        self.assertEqual(serious_once.warranty_policy_id, self.policy_car)
        risk = self.env["stock.lot"]._aftersales_exchange_risk()
        cars = serious_once | minor_twice | minor_thrice | minor_three_faults
        # one serious repair: one from the serious rule; three minor of one problem: one
        # from the any-problem rule; two minor, or three different ones: not yet
        self.assertEqual(risk & cars, serious_once | minor_thrice)

    def test_an_exchanged_unit_is_not_at_risk_and_each_says_why(self):
        today = fields.Date.context_today(self.env["res.users"])
        exchanged = self._unit(self.fridge, today - timedelta(days=60))
        day = today - timedelta(days=30)
        self._repair(exchanged, day, day)
        self._repair(exchanged, day + timedelta(days=2), day + timedelta(days=3))
        self._unit(self.fridge, today, replaces_lot_id=exchanged.id)
        risk = self.env["stock.lot"]._aftersales_exchange_risk()
        self.assertNotIn(exchanged, risk, "replaced already: no exchange to come")
        self.assertEqual(
            self.once.aftersales_exchange_risk_note,
            "1 repairs of one fault; the policy exchanges after 2",
        )
        self.assertEqual(
            self.twice.aftersales_exchange_risk_note,
            "2 repairs of one fault; the policy exchanges after 2",
        )
        self.assertFalse(self.never.aftersales_exchange_risk_note)

    def test_the_menu_opens_the_list(self):
        action = (
            self.env["stock.lot"].with_user(self.user_technician).action_aftersales_exchange_risk()
        )
        units = self.env["stock.lot"].search(action["domain"])
        self.assertIn(self.twice, units)
        self.assertNotIn(self.never, units)
