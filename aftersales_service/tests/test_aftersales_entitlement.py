# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .warranty_common import WarrantyCommon, d

# (label, product, sale date, fault date, call kwargs, unit vals, repairs, decision, rule)
# unit vals: 'replaces': sale date of the unit it replaced; 'exchanged_on': its replacement's
# sale date. repairs: (taken in, repaired on, fault key, serious).
# Calendar: Monday–Friday, holidays 2026-10-01..07 and 2027-05-01..05.
CASES = [
    # --- household goods (新三包), sold Tuesday 2026-03-10 -----------------------------
    (
        "hh day 7 refund",
        "household",
        "2026-03-10",
        "2026-03-17",
        {},
        {},
        [],
        "refund",
        "refund_window",
    ),
    (
        "hh day 8 exchange",
        "household",
        "2026-03-10",
        "2026-03-18",
        {},
        {},
        [],
        "exchange",
        "exchange_window",
    ),
    (
        "hh day 15 exchange",
        "household",
        "2026-03-10",
        "2026-03-25",
        {},
        {},
        [],
        "exchange",
        "exchange_window",
    ),
    (
        "hh day 16 repair",
        "household",
        "2026-03-10",
        "2026-03-26",
        {},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh last day of period",
        "household",
        "2026-03-10",
        "2027-03-10",
        {},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh day after period",
        "household",
        "2026-03-10",
        "2027-03-11",
        {},
        {},
        [],
        "paid_repair",
        "period_expired",
    ),
    (
        "hh main part after whole unit",
        "household",
        "2026-03-10",
        "2027-03-11",
        {"part": "compressor"},
        {},
        [],
        "free_repair",
        "part_period",
    ),
    (
        "hh main part period ends Saturday, rolls to Monday",
        "household",
        "2026-03-10",
        "2029-03-12",
        {"part": "compressor"},
        {},
        [],
        "free_repair",
        "part_period",
    ),
    (
        "hh main part day after rolled end",
        "household",
        "2026-03-10",
        "2029-03-13",
        {"part": "compressor"},
        {},
        [],
        "paid_repair",
        "period_expired",
    ),
    (
        "hh 2nd failure of the same fault",
        "household",
        "2026-03-10",
        "2026-09-01",
        {"fault_key": "F1"},
        {},
        [("2026-05-04", "2026-05-04", "F1", False)],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh 3rd failure of the same fault",
        "household",
        "2026-03-10",
        "2026-09-01",
        {"fault_key": "F1"},
        {},
        [("2026-05-04", "2026-05-04", "F1", False), ("2026-06-01", "2026-06-01", "F1", False)],
        "exchange",
        "repeat_repair",
    ),
    (
        "hh two repairs of different faults",
        "household",
        "2026-03-10",
        "2026-09-01",
        {"fault_key": "F1"},
        {},
        [("2026-05-04", "2026-05-04", "F1", False), ("2026-06-01", "2026-06-01", "F2", False)],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh repeat counted on the most repaired fault when none given",
        "household",
        "2026-03-10",
        "2026-09-01",
        {},
        {},
        [("2026-05-04", "2026-05-04", "F2", False), ("2026-06-01", "2026-06-01", "F2", False)],
        "exchange",
        "repeat_repair",
    ),
    (
        "hh repeat after the period is paid",
        "household",
        "2026-03-10",
        "2027-04-01",
        {"fault_key": "F1"},
        {},
        [("2026-05-04", "2026-05-04", "F1", False), ("2026-06-01", "2026-06-01", "F1", False)],
        "paid_repair",
        "period_expired",
    ),
    (
        "hh period extended by 10 repair days (ends Sat 03-20, rolls to Mon 03-22)",
        "household",
        "2026-03-10",
        "2027-03-22",
        {"fault_key": "F9"},
        {},
        [("2026-06-01", "2026-06-10", "F1", False)],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh day after the extended period",
        "household",
        "2026-03-10",
        "2027-03-23",
        {"fault_key": "F9"},
        {},
        [("2026-06-01", "2026-06-10", "F1", False)],
        "paid_repair",
        "period_expired",
    ),
    (
        "hh period ending on National Day rolls to 10-08",
        "household",
        "2025-10-01",
        "2026-10-08",
        {},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh day after the rolled holiday end",
        "household",
        "2025-10-01",
        "2026-10-09",
        {},
        {},
        [],
        "paid_repair",
        "period_expired",
    ),
    (
        "hh refund window ending on a holiday",
        "household",
        "2026-09-24",
        "2026-10-08",
        {},
        {},
        [],
        "refund",
        "refund_window",
    ),
    (
        "hh exchange restarts the period",
        "household",
        "2026-09-01",
        "2027-06-01",
        {},
        {"replaces": "2026-03-10"},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh policy keeping the period on exchange",
        "household_keep",
        "2026-09-01",
        "2027-06-01",
        {},
        {"replaces": "2026-03-10"},
        [],
        "paid_repair",
        "period_expired",
    ),
    (
        "hh old unit after its exchange",
        "household",
        "2026-03-10",
        "2026-09-02",
        {},
        {"exchanged_on": "2026-09-01"},
        [],
        "not_covered",
        "unit_exchanged",
    ),
    (
        "hh old unit before its exchange",
        "household",
        "2026-03-10",
        "2026-08-30",
        {},
        {"exchanged_on": "2026-09-01"},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh refunded unit",
        "household",
        "2026-03-10",
        "2026-03-20",
        {},
        {"returned_date": "2026-03-15"},
        [],
        "not_covered",
        "unit_returned",
    ),
    (
        "hh card on time",
        "household",
        "2026-03-10",
        "2026-05-04",
        {},
        {"registration_card_date": "2026-03-30"},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh card late does not change rights",
        "household",
        "2026-03-10",
        "2026-05-04",
        {},
        {"registration_card_date": "2026-04-15"},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "hh misuse",
        "household",
        "2026-03-10",
        "2026-03-12",
        {"exclusion": "misuse"},
        {},
        [],
        "paid_repair",
        "excluded_misuse",
    ),
    (
        "hh unauthorised disassembly",
        "household",
        "2026-03-10",
        "2026-03-12",
        {"exclusion": "disassembly"},
        {},
        [],
        "paid_repair",
        "excluded_disassembly",
    ),
    (
        "hh no voucher",
        "household",
        "2026-03-10",
        "2026-05-04",
        {"exclusion": "no_voucher"},
        {},
        [],
        "paid_repair",
        "excluded_no_voucher",
    ),
    (
        "hh serial altered (on the unit)",
        "household",
        "2026-03-10",
        "2026-05-04",
        {},
        {"aftersales_exclusion": "serial_mismatch"},
        [],
        "paid_repair",
        "excluded_serial_mismatch",
    ),
    (
        "hh force majeure",
        "household",
        "2026-03-10",
        "2026-05-04",
        {"exclusion": "force_majeure"},
        {},
        [],
        "paid_repair",
        "excluded_force_majeure",
    ),
    # --- family cars 2021, sold Tuesday 2026-03-10 -------------------------------------
    (
        "car day 7 engine",
        "car",
        "2026-03-10",
        "2026-03-17",
        {"part": "engine", "usage": 300},
        {},
        [],
        "refund",
        "refund_window",
    ),
    (
        "car day 7 wiper (not a main part)",
        "car",
        "2026-03-10",
        "2026-03-17",
        {"part": "wiper", "usage": 300},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "car day 8 engine",
        "car",
        "2026-03-10",
        "2026-03-18",
        {"part": "engine", "usage": 350},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "car serious fault day 60 (Sat, rolls to Mon)",
        "car",
        "2026-03-10",
        "2026-05-11",
        {"serious": True, "usage": 2000},
        {},
        [],
        "refund",
        "serious_fault_window",
    ),
    (
        "car serious fault day after the window",
        "car",
        "2026-03-10",
        "2026-05-12",
        {"serious": True, "usage": 2000},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "car serious fault over 3,000 km",
        "car",
        "2026-03-10",
        "2026-04-20",
        {"serious": True, "usage": 3001},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "car 50,000 km exactly",
        "car",
        "2026-03-10",
        "2027-01-10",
        {"usage": 50000},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "car 三包 usage reached, 包修 still",
        "car",
        "2026-03-10",
        "2027-01-10",
        {"usage": 50001},
        {},
        [],
        "free_repair",
        "repair_period",
    ),
    (
        "car every usage limit reached before time",
        "car",
        "2026-03-10",
        "2027-01-10",
        {"usage": 60001},
        {},
        [],
        "paid_repair",
        "usage_limit",
    ),
    (
        "car 包修 longer than 三包",
        "car",
        "2026-03-10",
        "2028-06-01",
        {"usage": 40000},
        {},
        [],
        "free_repair",
        "repair_period",
    ),
    (
        "car last day of 包修 (Sat, rolls to Mon)",
        "car",
        "2026-03-10",
        "2029-03-12",
        {"usage": 40000},
        {},
        [],
        "free_repair",
        "repair_period",
    ),
    (
        "car after 包修",
        "car",
        "2026-03-10",
        "2029-03-13",
        {"usage": 40000},
        {},
        [],
        "paid_repair",
        "period_expired",
    ),
    (
        "car serious fault repaired twice",
        "car",
        "2026-03-10",
        "2026-11-02",
        {"serious": True, "fault_key": "brake", "usage": 9000},
        {},
        [("2026-06-01", "2026-06-02", "brake", True), ("2026-08-03", "2026-08-04", "brake", True)],
        "exchange",
        "repeat_repair",
    ),
    (
        "car ordinary fault repaired twice",
        "car",
        "2026-03-10",
        "2026-11-02",
        {"fault_key": "radio", "usage": 9000},
        {},
        [
            ("2026-06-01", "2026-06-01", "radio", False),
            ("2026-08-03", "2026-08-03", "radio", False),
        ],
        "free_repair",
        "sanbao_period",
    ),
    (
        "car same problem repaired 4 times (2021)",
        "car",
        "2026-03-10",
        "2026-11-02",
        {"fault_key": "radio", "usage": 9000},
        {},
        [(f"2026-0{m}-01", f"2026-0{m}-01", "radio", False) for m in (4, 5, 6, 7)],
        "exchange",
        "repeat_repair",
    ),
    (
        "car 30 days in repair",
        "car",
        "2026-03-10",
        "2026-11-02",
        {"usage": 9000},
        {},
        [("2026-06-01", "2026-06-30", "gearbox", False)],
        "free_repair",
        "sanbao_period",
    ),
    (
        "car 31 days in repair",
        "car",
        "2026-03-10",
        "2026-11-02",
        {"usage": 9000},
        {},
        [("2026-06-01", "2026-07-01", "gearbox", False)],
        "exchange",
        "repair_days",
    ),
    # --- family cars 2012 version (sold 2020) -------------------------------------------
    (
        "car 2012: 35 days in repair",
        "car",
        "2020-05-12",
        "2021-03-01",
        {"usage": 9000},
        {},
        [("2020-09-01", "2020-10-05", "gearbox", False)],
        "free_repair",
        "sanbao_period",
    ),
    (
        "car 2012: 36 days in repair",
        "car",
        "2020-05-12",
        "2021-03-01",
        {"usage": 9000},
        {},
        [("2020-09-01", "2020-10-06", "gearbox", False)],
        "exchange",
        "repair_days",
    ),
    (
        "car 2012: same problem 4 times is not yet 5",
        "car",
        "2020-05-12",
        "2021-03-01",
        {"fault_key": "radio", "usage": 9000},
        {},
        [(f"2020-0{m}-01", f"2020-0{m}-01", "radio", False) for m in (6, 7, 8, 9)],
        "free_repair",
        "sanbao_period",
    ),
    # --- agricultural machinery (农机三包), sold Tuesday 2026-03-10 -----------------------
    (
        "tractor day 7",
        "tractor",
        "2026-03-10",
        "2026-03-17",
        {},
        {},
        [],
        "exchange",
        "exchange_window",
    ),
    (
        "tractor day 15",
        "tractor",
        "2026-03-10",
        "2026-03-25",
        {},
        {},
        [],
        "exchange",
        "exchange_window",
    ),
    (
        "tractor day 16",
        "tractor",
        "2026-03-10",
        "2026-03-26",
        {},
        {},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "tractor replacement failing within 15 days",
        "tractor",
        "2026-04-01",
        "2026-04-16",
        {},
        {"replaces": "2026-03-10"},
        [],
        "refund",
        "refund_after_exchange",
    ),
    (
        "tractor replacement failing on day 16",
        "tractor",
        "2026-04-01",
        "2026-04-17",
        {},
        {"replaces": "2026-03-10"},
        [],
        "free_repair",
        "sanbao_period",
    ),
    (
        "tractor one repair of 40 days",
        "tractor",
        "2026-03-10",
        "2026-09-01",
        {},
        {},
        [("2026-05-04", "2026-06-12", "hydraulics", False)],
        "free_repair",
        "sanbao_period",
    ),
    (
        "tractor not repaired within 40 days",
        "tractor",
        "2026-03-10",
        "2026-09-01",
        {},
        {},
        [("2026-05-04", "2026-06-13", "hydraulics", False)],
        "exchange",
        "repair_days",
    ),
    (
        "tractor still in repair after 42 days",
        "tractor",
        "2026-03-10",
        "2026-06-14",
        {},
        {},
        [("2026-05-04", False, "hydraulics", False)],
        "exchange",
        "repair_days",
    ),
    (
        "tractor main part in its 2nd year",
        "tractor",
        "2026-03-10",
        "2027-06-01",
        {"part": "engine"},
        {},
        [],
        "free_repair",
        "part_period",
    ),
    (
        "tractor whole unit in its 2nd year",
        "tractor",
        "2026-03-10",
        "2027-06-01",
        {},
        {},
        [],
        "paid_repair",
        "period_expired",
    ),
]


@tagged("post_install", "-at_install")
class TestAftersalesEntitlement(WarrantyCommon):
    def _case_unit(self, product, sale, unit_vals, repairs):
        vals = dict(unit_vals)
        replaces = vals.pop("replaces", None)
        exchanged_on = vals.pop("exchanged_on", None)
        if replaces:
            vals["replaces_lot_id"] = self._unit(product, replaces).id
        unit = self._unit(product, sale, **vals)
        if exchanged_on:
            self._unit(product, exchanged_on, replaces_lot_id=unit.id)
        for start, end, fault_key, serious in repairs:
            self._repair(unit, start, end, fault_key, serious)
        return unit

    def test_decision_table(self):
        self.assertGreaterEqual(len(CASES), 40)
        for label, product, sale, fault, kwargs, unit_vals, repairs, decision, rule in CASES:
            with self.subTest(label):
                unit = self._case_unit(self.products[product], sale, unit_vals, repairs)
                kwargs = dict(kwargs)
                if "part" in kwargs:
                    kwargs["part_id"] = self.parts[kwargs.pop("part")].id
                result = unit.aftersales_entitlement(d(fault), **kwargs)
                self.assertEqual((result["decision"], result["rule"]), (decision, rule))

    def test_result_dates_and_explanation(self):
        unit = self._unit(self.fridge, "2026-03-10")
        result = unit.aftersales_entitlement("2027-03-11", part_id=self.compressor.id)
        self.assertEqual(result["warranty_start"], d("2026-03-10"))
        self.assertEqual(result["period_end"], d("2027-03-10"))
        self.assertEqual(result["part_period_end"], d("2029-03-12"))
        self.assertEqual(result["policy_id"], self.policy_household.id)
        self.assertEqual(
            unit.with_context(lang="en_US").aftersales_entitlement("2026-03-17")["explanation"],
            "The fault on 03/17/2026 is within the refund window ending 03/17/2026: the consumer "
            "may choose a refund, an exchange or a free repair.",
        )

    def test_card_warnings(self):
        on_time = self._unit(self.fridge, "2026-03-10", registration_card_date="2026-03-30")
        late = self._unit(self.fridge, "2026-03-10", registration_card_date="2026-03-31")
        missing = self._unit(self.fridge, "2026-03-10")
        on_time_result, late_result, missing_result = (
            on_time | late | missing
        ).aftersales_entitlements("2026-05-04")
        self.assertEqual(on_time_result["warnings"], [])
        self.assertEqual([w["code"] for w in late_result["warnings"]], ["card_late"])
        self.assertEqual([w["code"] for w in missing_result["warnings"]], ["card_missing"])
        self.assertEqual(late_result["decision"], on_time_result["decision"])
        # before the deadline a missing card is no warning yet
        self.assertEqual(missing.aftersales_entitlement("2026-03-20")["warnings"], [])

    def test_usage_unknown_warning(self):
        car = self._unit(self.car, "2026-03-10", registration_card_date="2026-03-20")
        result = car.aftersales_entitlement("2026-05-04")
        self.assertEqual([w["code"] for w in result["warnings"]], ["usage_unknown"])
        car.write({"usage_reading": 51000, "usage_date": "2026-05-01"})
        self.assertEqual(car.aftersales_entitlement("2026-05-04")["rule"], "repair_period")

    def test_start_event_installation(self):
        self.policy_household_keep.start_event = "installation"
        unit = self._unit(self.fridge_keep, "2026-03-10", installation_date="2026-03-20")
        self.assertEqual(unit.warranty_start_date, d("2026-03-20"))
        self.assertEqual(unit.aftersales_entitlement("2026-03-26")["rule"], "refund_window")
        not_installed = self._unit(
            self.fridge_keep, "2026-03-10", registration_card_date="2026-03-20"
        )
        result = not_installed.aftersales_entitlement("2026-03-26")
        self.assertEqual(result["rule"], "sanbao_period")
        self.assertEqual([w["code"] for w in result["warnings"]], ["start_event_missing"])

    def test_batch_has_constant_queries(self):
        units = self.env["stock.lot"]
        for i in range(10):
            unit = self._unit(self.fridge if i % 2 else self.car, "2026-03-10", usage_reading=100)
            self._repair(unit, "2026-05-04", "2026-05-05")
            units |= unit
        units[:1].aftersales_entitlements("2026-06-01")  # warm the ormcaches
        self.env.invalidate_all()
        with self.assertQueryCount(14):
            units[:2].aftersales_entitlements("2026-06-01")
        self.env.invalidate_all()
        with self.assertQueryCount(14):
            results = units.aftersales_entitlements("2026-06-01")
        self.assertEqual([r["lot_id"] for r in results], units.ids)

    def test_bad_input_errors(self):
        unit = self._unit(self.fridge, "2026-03-10")
        lot_tracked = self._product("Test lot-tracked", self.categ_household, tracking="lot")
        cases = [
            (
                unit,
                {"fault_date": "2026-03-01"},
                "The fault date 03/01/2026 of unit {unit} is before its sale date 03/10/2026: "
                "check both dates.",
            ),
            (
                unit,
                {"fault_date": "2026-04-01", "usage": -5},
                "The usage reading -5 is negative: enter the odometer or hour-meter reading at "
                "the time of the fault.",
            ),
            (
                self._unit(self.fridge, False),
                {"fault_date": "2026-04-01"},
                "Unit {unit} has no sale date: enter the date it was sold before deciding its "
                "warranty.",
            ),
            (
                self._unit(
                    self._product("Test no policy", self.categ_car.create({"name": "Test none"})),
                    "2026-03-10",
                ),
                {"fault_date": "2026-04-01"},
                "No warranty policy covers Test no policy sold on 03/10/2026: add one in "
                "After-Sales > Configuration > Warranty Policies, or check the validity dates "
                "and products of the existing ones.",
            ),
            (
                self._unit(lot_tracked, "2026-03-10"),
                {"fault_date": "2026-04-01"},
                "Test lot-tracked is not tracked by serial number: the 三包 entitlement is "
                "decided for one serial-numbered unit at a time.",
            ),
        ]
        for lot, kwargs, message in cases:
            with self.subTest(message):
                lot.invalidate_recordset()
                before = (lot.write_date, self.env["mail.message"].search_count([]))
                with self.assertRaises(UserError) as error:
                    lot.with_context(lang="en_US").aftersales_entitlement(**kwargs)
                self.assertEqual(error.exception.args[0], message.format(unit=lot.name))
                lot.invalidate_recordset()
                self.assertEqual(
                    (lot.write_date, self.env["mail.message"].search_count([])), before
                )

    def test_error_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["aftersales_service"], ["zh_CN"], overwrite=True
        )
        unit = self._unit(self.fridge, False)
        with self.assertRaises(UserError) as error:
            unit.with_context(lang="zh_CN").aftersales_entitlement("2026-04-01")
        self.assertEqual(
            error.exception.args[0],
            f"机器 {unit.name} 没有销售日期：请先录入销售日期，再判定三包。",
        )
        explanation = (
            self._unit(self.fridge, "2026-03-10")
            .with_context(lang="zh_CN")
            .aftersales_entitlement("2026-03-17")["explanation"]
        )
        self.assertEqual(
            explanation,
            "故障日期 2026-03-17 在退货期内（至 2026-03-17）：消费者可选择退货、换货或免费修理。",
        )

    def test_a_new_public_holiday_rolls_the_period_over_at_once(self):
        """Working days are cached per calendar and year; a holiday added, moved or
        removed is seen by the next decision."""
        unit = self._unit(self.fridge, d("2025-06-10"))
        decide = lambda: unit.aftersales_entitlement(d("2026-06-01"))["period_end"]  # noqa: E731
        self.assertEqual(decide(), d("2026-06-10"), "a Wednesday")
        holiday = self.env["resource.calendar.leaves"].create(
            {
                "name": "Test holiday",
                "calendar_id": self.calendar.id,
                "date_from": "2026-06-09 16:00:00",
                "date_to": "2026-06-10 15:59:59",
            }
        )
        self.assertEqual(decide(), d("2026-06-11"))
        holiday.write({"date_from": "2026-06-10 16:00:00", "date_to": "2026-06-11 15:59:59"})
        self.assertEqual(decide(), d("2026-06-10"))
        self.calendar.attendance_ids.filtered(lambda a: a.dayofweek == "2").unlink()
        self.assertEqual(decide(), d("2026-06-12"), "no Wednesdays, Thursday a holiday")
        holiday.unlink()
        self.assertEqual(decide(), d("2026-06-11"))

    def test_a_single_decision_reads_the_calendar_once(self):
        unit = self._unit(self.fridge, d("2025-06-10"))
        unit.aftersales_entitlement(d("2026-06-01"))
        other = self._unit(self.fridge, d("2025-07-15"))
        with self.assertQueryCount(4):
            other.aftersales_entitlement(d("2026-06-01"))
