# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import ormcache

REQUEST_TYPES = [
    ("installation", "Installation Request"),
    ("repair", "Repair Request"),
    ("enquiry", "Enquiry"),
    ("complaint", "Complaint"),
    ("return", "Return or Exchange"),
]
URGENCIES = [
    ("normal", "Normal"),
    ("urgent", "Urgent or Major"),
    ("batch", "Batch Quality Incident"),
]
AREA_CLASSES = [
    ("central_city", "Central City"),
    ("town", "Surrounding Town"),
    ("remote_rural", "Remote Rural Area"),
]
#: a deadline is looked for this many months ahead at most
MAX_PLANNED_MONTHS = 48


def _naive_utc(moment):
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


# The keys a rule may restrict; a rule with more of them set is more specific.
SLA_RULE_KEYS = ("request_type", "urgency", "area_class")
# The clocks of a service request: rule field holding the target, and its unit.
SLA_CLOCKS = {
    "callback": ("callback_hours", "hours"),
    "onsite": ("onsite_days", "days"),
    "opinion": ("opinion_hours", "hours"),
    "resolution": ("resolution_days", "days"),
}


class AftersalesSlaRule(models.Model):
    """Service levels promised for a kind of request, counted in working time.

    A working day is the calendar's average hours per day of working time, so a
    call at 10:00 on Monday with one working day on site is due at 10:00 on the
    next working day; weekends and public holidays of the calendar are skipped.
    All working-time arithmetic of the addon goes through the ``_add_working_*``
    and ``_working_hours_between`` methods of this model.
    """

    _name = "aftersales.sla.rule"
    _description = "Service Level Rule"
    _order = "sequence, id"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(
        default=10,
        help="Among matching rules equally specific, the lowest sequence wins.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    request_type = fields.Selection(REQUEST_TYPES, help="Empty: any request type.")
    urgency = fields.Selection(URGENCIES, help="Empty: any urgency.")
    area_class = fields.Selection(AREA_CLASSES, help="Empty: any area class.")
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        required=True,
        check_company=True,
        default=lambda self: self.env.company.resource_calendar_id,
        help="Deadlines are counted in the working time of this calendar; its "
        "public holidays are skipped.",
    )
    callback_hours = fields.Float(
        string="Call Back within (Working Hours)",
        help="Reply to the customer and book the visit. 0: no callback clock.",
    )
    onsite_days = fields.Float(string="On Site within (Working Days)", help="0: no on-site clock.")
    opinion_hours = fields.Float(
        string="Handling Opinion within (Working Hours)",
        help="Headquarters' handling opinion on an urgent or major issue. 0: no opinion clock.",
    )
    resolution_days = fields.Float(
        string="Resolved within (Working Days)", help="0: no resolution clock."
    )

    _sql_constraints = [  # noqa: RUF012
        (
            "targets_positive",
            "CHECK(callback_hours >= 0 AND onsite_days >= 0 "
            "AND opinion_hours >= 0 AND resolution_days >= 0)",
            "Service level targets cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Rule matching
    # ------------------------------------------------------------------

    def _specificity(self):
        self.ensure_one()
        return sum(1 for key in SLA_RULE_KEYS if self[key])

    @api.model
    def _find_rule(self, company, request_type, urgency, area_class):
        """Return the most specific active rule of ``company`` matching the keys.

        A rule matches when each of its keys is empty or equal to the request's.
        More keys set wins, then the lowest sequence, then the oldest rule.
        """
        values = {
            "request_type": request_type,
            "urgency": urgency,
            "area_class": area_class,
        }
        domain = [("company_id", "=", company.id)]
        for key, value in values.items():
            domain += [(key, "in", [False, value] if value else [False])]
        rules = self.search(domain)
        if not rules:
            return rules
        return min(rules, key=lambda rule: (-rule._specificity(), rule.sequence, rule.id))

    # ------------------------------------------------------------------
    # Working time: the one place where it is computed
    # ------------------------------------------------------------------

    def _target_hours(self, clock):
        """Working hours allowed for ``clock`` (a key of SLA_CLOCKS); 0 = none."""
        self.ensure_one()
        field_name, unit = SLA_CLOCKS[clock]
        target = self[field_name]
        if unit == "days":
            return target * self.calendar_id.hours_per_day
        return target

    def _add_working_hours(self, start, hours):
        """Return ``start`` (naive UTC) plus ``hours`` of the calendar's working
        time, public holidays excluded, as a naive UTC datetime (as the calendar's
        ``plan_hours`` does)."""
        self.ensure_one()
        if not start or hours <= 0:
            return start
        if self.calendar_id.flexible_hours:
            return self.calendar_id.plan_hours(hours, start, compute_leaves=True)
        remaining = hours
        for begin, end in self._intervals_from(start):
            interval = (end - begin).total_seconds() / 3600
            if remaining <= interval:
                return begin + timedelta(hours=remaining)
            remaining -= interval
        return False

    def _add_working_days(self, start, days):
        """Return ``start`` plus ``days`` working days of the calendar."""
        self.ensure_one()
        return self._add_working_hours(start, days * self.calendar_id.hours_per_day)

    def _working_hours_between(self, start, end):
        """Working hours of the calendar from ``start`` to ``end`` (naive UTC);
        0 when ``end`` is not after ``start``."""
        self.ensure_one()
        if not start or not end or end <= start:
            return 0.0
        if self.calendar_id.flexible_hours:
            return self.calendar_id.get_work_duration_data(start, end, compute_leaves=True)["hours"]
        hours = 0.0
        for begin, stop in self._intervals_from(start):
            if begin >= end:
                break
            hours += (min(stop, end) - begin).total_seconds() / 3600
        return hours

    def _intervals_from(self, start):
        """The calendar's working intervals after ``start`` (naive UTC), month by month,
        the first one cut at ``start``."""
        tz = pytz.timezone(self.calendar_id.tz or "UTC")
        local = pytz.utc.localize(start).astimezone(tz)
        year, month = local.year, local.month
        for _n in range(MAX_PLANNED_MONTHS):
            for begin, end in self._month_intervals(self.calendar_id.id, year, month):
                if end > start:
                    yield max(begin, start), end
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    @api.model
    @ormcache("calendar_id", "year", "month")
    def _month_intervals(self, calendar_id, year, month):
        """The working intervals of a month of the calendar's time zone, public holidays
        removed, as sorted (begin, end) naive UTC pairs. Cached: every request's clocks
        walk the same weeks; cleared with the 三包 working days when a calendar, its
        hours or its public holidays change (``resource_calendar*.py``)."""
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        tz = pytz.timezone(calendar.tz or "UTC")
        first = tz.localize(datetime(year, month, 1))
        following = tz.localize(datetime(year + month // 12, month % 12 + 1, 1))
        return tuple(
            (_naive_utc(begin), _naive_utc(end))
            for begin, end, _meta in calendar._work_intervals_batch(first, following)[False]
        )
