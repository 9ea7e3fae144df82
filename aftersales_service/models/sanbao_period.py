# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Counting 三包 periods as Chinese law counts them (民法典 第201–203条).

Pure functions, no ORM:

* the day the period starts (sale, invoice, installation...) is not counted,
  so a period of N days ends N days after it;
* a period of months or years ends on the corresponding day of the last month,
  or on that month's last day when it has no such day;
* a period whose last day is not a working day ends on the next working day
  (when the caller passes an ``is_working_day`` predicate).
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

#: a period never rolls forward further than this (a long holiday is ~10 days)
MAX_ROLLOVER_DAYS = 60


def period_end(start, days=0, months=0, extra_days=0, is_working_day=None):
    """Return the last day of a period starting on ``start``.

    :param start: the date the period is counted from (not itself counted)
    :param days: length in days
    :param months: length in months (12 for a year)
    :param extra_days: days added after the legal end (e.g. days in repair)
    :param is_working_day: optional predicate ``date -> bool``; a period ending
        on a day for which it returns False ends on the next working day
    """
    end = start + relativedelta(months=months) + timedelta(days=days + extra_days)
    if is_working_day:
        end = roll_forward(end, is_working_day)
    return end


def roll_forward(day, is_working_day):
    """Return ``day`` or the first working day after it."""
    for _i in range(MAX_ROLLOVER_DAYS):
        if is_working_day(day):
            return day
        day += timedelta(days=1)
    return day


def days_between(first, last):
    """Whole days from ``first`` to ``last``, the first day not counted (>= 0)."""
    return max((last - first).days, 0)
