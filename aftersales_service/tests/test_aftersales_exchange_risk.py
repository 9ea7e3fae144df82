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

    def test_the_menu_opens_the_list(self):
        action = (
            self.env["stock.lot"].with_user(self.user_technician).action_aftersales_exchange_risk()
        )
        units = self.env["stock.lot"].search(action["domain"])
        self.assertIn(self.twice, units)
        self.assertNotIn(self.never, units)
