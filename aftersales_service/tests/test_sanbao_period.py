# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.aftersales_service.models.sanbao_period import (
    days_between,
    period_end,
    roll_forward,
)

HOLIDAYS = {date(2026, 10, day) for day in range(1, 8)}


def working_day(day):
    return day.weekday() < 5 and day not in HOLIDAYS


@tagged("post_install", "-at_install")
class TestSanbaoPeriod(BaseCase):
    """民法典 第201–203条: the first day is not counted, months end on the
    corresponding day, a period ending on a rest day ends on the next working day."""

    def test_period_end(self):
        cases = [
            # start, days, months, extra, rollover, expected
            ("2026-03-10", 7, 0, 0, False, "2026-03-17"),
            ("2026-03-10", 15, 0, 0, False, "2026-03-25"),
            ("2026-03-10", 0, 12, 0, False, "2027-03-10"),
            ("2026-01-31", 0, 1, 0, False, "2026-02-28"),
            ("2028-01-31", 0, 1, 0, False, "2028-02-29"),
            ("2024-02-29", 0, 12, 0, False, "2025-02-28"),
            ("2026-03-10", 0, 36, 0, False, "2029-03-10"),
            ("2026-03-10", 0, 12, 10, False, "2027-03-20"),
            # rollover: Saturday → Monday; National Day → the 8th
            ("2026-03-10", 0, 36, 0, True, "2029-03-12"),
            ("2026-03-10", 0, 12, 10, True, "2027-03-22"),
            ("2025-10-01", 0, 12, 0, True, "2026-10-08"),
            ("2026-09-24", 7, 0, 0, True, "2026-10-08"),
            ("2026-03-10", 7, 0, 0, True, "2026-03-17"),
        ]
        for start, days, months, extra, rollover, expected in cases:
            with self.subTest(
                start=start, days=days, months=months, extra=extra, rollover=rollover
            ):
                self.assertEqual(
                    period_end(
                        date.fromisoformat(start),
                        days=days,
                        months=months,
                        extra_days=extra,
                        is_working_day=working_day if rollover else None,
                    ),
                    date.fromisoformat(expected),
                )

    def test_roll_forward_and_days_between(self):
        self.assertEqual(roll_forward(date(2026, 10, 3), working_day), date(2026, 10, 8))
        self.assertEqual(roll_forward(date(2026, 10, 9), working_day), date(2026, 10, 9))
        self.assertEqual(roll_forward(date(2026, 1, 1), lambda day: False), date(2026, 3, 2))
        self.assertEqual(days_between(date(2026, 3, 10), date(2026, 3, 17)), 7)
        self.assertEqual(days_between(date(2026, 3, 17), date(2026, 3, 10)), 0)
