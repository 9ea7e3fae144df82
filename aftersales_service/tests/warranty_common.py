# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command

from .common import AftersalesCommon


class WarrantyCommon(AftersalesCommon):
    """Products, a working calendar with public holidays and copies of the
    shipped 三包 presets scoped to the test products."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "三包 test calendar", "tz": "Asia/Shanghai", "company_id": False}
        )
        cls.env["resource.calendar.leaves"].create(
            [
                {
                    "name": name,
                    "calendar_id": cls.calendar.id,
                    # in UTC: from midnight of the first day to the end of the last in Shanghai
                    "date_from": f"{day_before} 16:00:00",
                    "date_to": f"{last} 15:59:59",
                }
                for name, day_before, last in [
                    ("National Day 2026", "2026-09-30", "2026-10-07"),
                    ("Labour Day 2027", "2027-04-30", "2027-05-05"),
                ]
            ]
        )
        Category = cls.env["product.category"]
        cls.categ_household = Category.create({"name": "Test refrigerators"})
        cls.categ_household_sub = Category.create(
            {"name": "Test double-door", "parent_id": cls.categ_household.id}
        )
        cls.categ_car = Category.create({"name": "Test family cars"})
        cls.categ_tractor = Category.create({"name": "Test tractors"})
        cls.categ_main = cls.env.ref("aftersales_service.product_category_sanbao_main_part")
        cls.fridge = cls._product("Test fridge", cls.categ_household)
        cls.fridge_keep = cls._product("Test fridge, period kept on exchange", cls.categ_household)
        cls.car = cls._product("Test car", cls.categ_car)
        cls.tractor = cls._product("Test tractor", cls.categ_tractor)
        cls.compressor = cls._product("Test compressor", cls.categ_main, tracking="none")
        cls.engine = cls._product("Test engine", cls.categ_main, tracking="none")
        cls.wiper = cls._product("Test wiper", cls.categ_car, tracking="none")
        cls.policy_household = cls._preset(
            "household", product_category_ids=[Command.link(cls.categ_household.id)]
        )
        cls.policy_household_keep = cls._preset(
            "household",
            code="test_household_keep",
            product_ids=[Command.link(cls.fridge_keep.id)],
            restart_on_exchange=False,
        )
        cls.policy_car = cls._preset(
            "family_car_2021", product_category_ids=[Command.link(cls.categ_car.id)]
        )
        cls.policy_car_2012 = cls._preset(
            "family_car_2012", product_category_ids=[Command.link(cls.categ_car.id)]
        )
        cls.policy_tractor = cls._preset(
            "agricultural", product_category_ids=[Command.link(cls.categ_tractor.id)]
        )
        cls.products = {
            "household": cls.fridge,
            "household_keep": cls.fridge_keep,
            "car": cls.car,
            "tractor": cls.tractor,
        }
        cls.parts = {"compressor": cls.compressor, "engine": cls.engine, "wiper": cls.wiper}

    @classmethod
    def _product(cls, name, categ, tracking="serial"):
        return cls.env["product.product"].create(
            {"name": name, "categ_id": categ.id, "is_storable": True, "tracking": tracking}
        )

    @classmethod
    def _preset(cls, preset, **vals):
        """A copy of a shipped preset with its numbers, on the test calendar."""
        policy = cls.env.ref(f"aftersales_service.aftersales_warranty_policy_{preset}")
        return policy.copy(
            {"code": f"test_{preset}", "calendar_id": cls.calendar.id, "name": policy.name, **vals}
        )

    _unit_sequence = 0

    @classmethod
    def _unit(cls, product, sale_date, **vals):
        WarrantyCommon._unit_sequence += 1
        return cls.env["stock.lot"].create(
            {
                "name": f"SN-{WarrantyCommon._unit_sequence:05d}",
                "product_id": product.id,
                "sale_date": sale_date,
                **vals,
            }
        )

    @classmethod
    def _repair(cls, unit, start, end, fault_key="F1", serious=False, **vals):
        return cls.env["aftersales.unit.repair"].create(
            {
                "lot_id": unit.id,
                "date_start": start,
                "date_end": end,
                "fault_key": fault_key,
                "serious": serious,
                **vals,
            }
        )


def d(text):
    return date.fromisoformat(text)
