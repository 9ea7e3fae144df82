# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 三包 entitlement decision: one place for every rule.

``aftersales.entitlement`` is an abstract model with no table: it reads units
(``stock.lot``), their policy and their repair history, and returns what the
consumer is entitled to. It never writes. ``stock.lot.aftersales_entitlement``
is the public entry point. The sentences explaining a decision and its warnings are in
``aftersales_entitlement_explain.py``.
"""

from collections import defaultdict
from datetime import date, datetime, time

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import ormcache

from . import sanbao_period

DECISIONS = [
    ("refund", "Refund"),
    ("exchange", "Exchange"),
    ("free_repair", "Free Repair"),
    ("paid_repair", "Paid Repair"),
    ("not_covered", "Not Covered"),
]

#: the decisions under which the consumer pays nothing for the service
FREE_DECISIONS = ("refund", "exchange", "free_repair")

#: the strongest remedy wins: a refund also allows an exchange or a repair
STRENGTH = {"refund": 5, "exchange": 4, "free_repair": 3, "paid_repair": 2, "not_covered": 1}

EXCLUSION_REASONS = [
    ("misuse", "Misuse or poor care"),
    ("disassembly", "Disassembled by an unauthorised repairer"),
    ("no_voucher", "No 三包 voucher or invoice"),
    ("serial_mismatch", "Serial number mismatched or altered"),
    ("force_majeure", "Force majeure"),
]

#: every rule that can decide, with its name for the screen (the code stays for RPC)
RULES = [
    ("refund_window", "Within the refund window"),
    ("refund_after_exchange", "Replacement failed soon after the exchange"),
    ("serious_fault_window", "Serious fault within its window"),
    ("exchange_window", "Within the exchange window"),
    ("repeat_repair", "Same fault repaired repeatedly"),
    ("repair_days", "Too many days in repair"),
    ("sanbao_period", "Within the 三包 period"),
    ("part_period", "Within the part's own period"),
    ("repair_period", "Within the repair warranty"),
    ("usage_limit", "Usage limit reached"),
    ("period_expired", "Every period ended"),
    ("unit_returned", "Unit already returned"),
    ("unit_exchanged", "Unit already exchanged"),
    ("excluded_misuse", "Excluded: misuse or poor care"),
    ("excluded_disassembly", "Excluded: disassembled by an unauthorised repairer"),
    ("excluded_no_voucher", "Excluded: no 三包 voucher or invoice"),
    ("excluded_serial_mismatch", "Excluded: serial number mismatched or altered"),
    ("excluded_force_majeure", "Excluded: force majeure"),
]


class AftersalesEntitlement(models.AbstractModel):
    _name = "aftersales.entitlement"
    _description = "三包 Entitlement Decision"

    # ------------------------------------------------------------------
    # Public (for stock.lot)
    # ------------------------------------------------------------------
    @api.model
    def _decide(
        self,
        lots,
        fault_date,
        part=None,
        usage=False,
        serious=False,
        fault_key=False,
        exclusion=False,
    ):
        """Decide the entitlement of ``lots`` for a fault on ``fault_date``.

        Returns ``{lot id: result}``. Reads only; a constant number of queries
        whatever the number of units. Rules, strongest remedy first (the first
        rule that holds among the strongest remedies decides):

        1. ``excluded_<reason>`` → paid_repair: an exclusion given for this fault
           or recorded on the unit (misuse, disassembly, no voucher, serial
           mismatch, force majeure) removes the 三包 remedies, the unit can still
           be repaired for a fee (不实行三包，但是可以实行收费修理);
           ``unit_returned`` / ``unit_exchanged`` → not_covered: the unit was
           refunded or exchanged before the fault (the replacement is covered);
        2. no policy → UserError;
        3. ``refund_window`` → refund: within the refund days (when the policy
           says so, only when a main part fails);
           ``refund_after_exchange`` → refund: a replacement unit failing within
           the policy's days of the exchange;
           ``serious_fault_window`` → the policy's serious-fault remedy: a
           serious fault within its days and usage;
        4. ``exchange_window`` → exchange: within the exchange days;
           ``repeat_repair`` → exchange: in the 三包 period, the same fault
           already repaired the policy's number of times;
           ``repair_days`` → exchange: in the 三包 period, more days in repair
           than the policy's limit (in total, or for one repair);
        5. ``sanbao_period`` → free_repair: within the 三包 period (time and usage);
        6. ``part_period`` → free_repair: within the failed part's own period;
        7. ``repair_period`` → free_repair: within the repair warranty (包修期);
        8. ``usage_limit`` → paid_repair: time left but a usage limit reached;
           ``period_expired`` → paid_repair: every period over.

        Periods start on the policy's start event (sale by default), the day
        itself not counted; a replacement unit starts again on its own sale
        (exchange) date unless the policy keeps the replaced unit's start;
        periods are extended by the days in repair before the fault when the
        policy says so, and roll forward to the next working day when they end
        on a non-working day of the policy's calendar. Usage limits are
        inclusive: a reading equal to the limit is still covered. Only repairs
        taken in before the fault date count. Warnings (``card_late``,
        ``card_missing``, ``start_event_missing``, ``usage_unknown``) never
        change the decision.
        """
        fault_date = fields.Date.to_date(fault_date)
        part = part or self.env["product.product"]
        self._check_request(lots, fault_date, usage, exclusion)
        history = self._repair_history(lots, fault_date)
        working_day = self._working_day_predicates(lots)
        say = self._day_formatter()
        return {
            lot.id: self._decide_unit(
                lot,
                fault_date,
                part,
                usage,
                serious,
                fault_key,
                exclusion,
                history[lot.id],
                working_day.get(lot.warranty_policy_id.calendar_id.id),
                say,
            )
            for lot in lots
        }

    @api.model
    def _decide_each(self, lots, fault_date, fault_key=False):
        """Like :meth:`_decide`, for documents that keep a decision per unit: a unit
        that cannot be decided (no sale date, no policy...) does not stop the others;
        its result has no decision and the reason to fix as explanation."""
        fault_date = fields.Date.to_date(fault_date)
        problems = {lot.id: self._unit_problems(lot, fault_date, False) for lot in lots}
        decidable = lots.filtered(lambda lot: not problems[lot.id])
        results = self._decide(decidable, fault_date, fault_key=fault_key) if decidable else {}
        for lot in lots - decidable:
            results[lot.id] = {
                **self._result(False, False, lot, fault_date, {}),
                "explanation": "\n".join(problems[lot.id]),
            }
        return results

    @api.model
    def _period_summary(self, lots):
        """Return ``{lot id: {'start', 'sanbao_end', 'repair_end', 'parts'}}`` for
        the stored dates of the units: periods as of now, extended by the days
        of finished repairs. ``parts`` is a list of (part line, end date)."""
        history = self._repair_history(lots, None)
        working_day = self._working_day_predicates(lots)
        summary = {}
        for lot in lots:
            policy, start = lot.warranty_policy_id, lot.warranty_start_date
            if not (policy and start):
                summary[lot.id] = {
                    "start": start,
                    "sanbao_end": False,
                    "repair_end": False,
                    "parts": [],
                }
                continue
            extra = history[lot.id]["days_total"] if policy.extend_by_repair_days else 0
            end = self._end_function(policy, start, working_day.get(policy.calendar_id.id))
            sanbao_end = end(months=policy.sanbao_months, extra=extra)
            repair_end = max(sanbao_end, end(months=policy.repair_months, extra=extra))
            summary[lot.id] = {
                "start": start,
                "sanbao_end": sanbao_end,
                "repair_end": repair_end,
                "parts": [(line, end(months=line.months, extra=extra)) for line in policy.part_ids],
            }
        return summary

    @api.model
    def _start_date(self, lot, policy):
        """The day the unit's periods are counted from (not itself counted)."""
        if lot.replaces_lot_id and policy and not policy.restart_on_exchange:
            return lot.replaces_lot_id.warranty_start_date or lot.sale_date
        event_date = (
            {
                "installation": lot.installation_date,
                "acceptance": lot.acceptance_date,
            }.get(policy.start_event)
            if policy
            else False
        )
        return event_date or lot.sale_date

    # ------------------------------------------------------------------
    # Input
    # ------------------------------------------------------------------
    @api.model
    def _check_request(self, lots, fault_date, usage, exclusion):
        """Raise one UserError listing every reason the request cannot be decided."""
        problems = []
        if not fault_date:
            problems.append(_("Enter the date of the fault."))
        if usage is not False and usage is not None and usage < 0:
            problems.append(
                _(
                    "The usage reading %(usage)s is negative: enter the odometer or "
                    "hour-meter reading at the time of the fault.",
                    usage=usage,
                )
            )
        if exclusion and exclusion not in dict(EXCLUSION_REASONS):
            problems.append(_("Unknown exclusion reason %(reason)s.", reason=exclusion))
        for lot in lots:
            problems += self._unit_problems(lot, fault_date, bool(exclusion))
        if problems:
            raise UserError("\n".join(problems))

    @api.model
    def _unit_problems(self, lot, fault_date, excluded):
        if lot.product_id.tracking != "serial":
            return [
                _(
                    "%(product)s is not tracked by serial number: the 三包 entitlement "
                    "is decided for one serial-numbered unit at a time.",
                    product=lot.product_id.display_name,
                )
            ]
        if not lot.sale_date:
            return [
                _(
                    "Unit %(unit)s has no sale date: enter the date it was sold before "
                    "deciding its warranty.",
                    unit=lot.display_name,
                )
            ]
        if fault_date and fault_date < lot.sale_date:
            return [
                _(
                    "The fault date %(fault)s of unit %(unit)s is before its sale date "
                    "%(sale)s: check both dates.",
                    fault=self._day_formatter()(fault_date),
                    unit=lot.display_name,
                    sale=self._day_formatter()(lot.sale_date),
                )
            ]
        if not lot.warranty_policy_id and not (excluded or lot.aftersales_exclusion):
            return [
                _(
                    "No warranty policy covers %(product)s sold on %(date)s: add one in "
                    "After-Sales > Configuration > Warranty Policies, or check the "
                    "validity dates and products of the existing ones.",
                    product=lot.product_id.display_name,
                    date=self._day_formatter()(lot.sale_date),
                )
            ]
        return []

    @api.model
    def _repair_history(self, lots, fault_date):
        """Per unit: repairs taken in before ``fault_date`` (all finished ones when
        None), counts per fault and days in repair. One query."""
        domain = [("lot_id", "in", lots.ids)]
        if fault_date:
            domain.append(("date_start", "<", fault_date))
        else:
            domain.append(("date_end", "!=", False))
        repairs = (
            self.env["aftersales.unit.repair"]
            .sudo()
            .search_fetch(
                domain, ["lot_id", "date_start", "date_end", "fault_key", "serious", "remedy"]
            )
        )
        history = {
            lot.id: {"counts": defaultdict(int), "serious_counts": defaultdict(int), "days": []}
            for lot in lots
        }
        for repair in repairs:
            unit = history[repair.lot_id.id]
            end = min(repair.date_end or fault_date, fault_date) if fault_date else repair.date_end
            unit["days"].append(repair._days_until(end))
            if repair.remedy == "repair":
                key = repair.fault_key or ""
                unit["counts"][key] += 1
                if repair.serious:
                    unit["serious_counts"][key] += 1
        for unit in history.values():
            unit["days_total"] = sum(unit["days"])
        return history

    @api.model
    def _working_day_predicates(self, lots):
        """{calendar id: predicate(date) -> bool} for the calendars of the units'
        policies that roll periods forward."""
        calendar_ids = {
            lot.warranty_policy_id.calendar_id.id
            for lot in lots
            if lot.warranty_policy_id.holiday_rollover and lot.warranty_policy_id.calendar_id
        }
        return {calendar_id: self._make_predicate(calendar_id) for calendar_id in calendar_ids}

    @api.model
    def _make_predicate(self, calendar_id):
        years = {}  # this batch's copy of the cache: a decision asks about many days

        def is_working_day(day):
            days = years.get(day.year)
            if days is None:
                days = years[day.year] = self._working_days_of_year(calendar_id, day.year)
            return day in days

        return is_working_day

    @api.model
    @ormcache("calendar_id", "year")
    def _working_days_of_year(self, calendar_id, year):
        """The dates of ``year`` with working time in the calendar (public holidays
        removed). Cached per calendar and year: expanding a calendar is the slow part
        of a decision. The cache is cleared when a calendar, its working hours or its
        public holidays change (see resource_calendar*.py)."""
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(date(year, 1, 1), time.min))
        stop = tz.localize(datetime.combine(date(year, 12, 31), time.max))
        intervals = calendar._work_intervals_batch(start, stop)[False]
        return frozenset(begin.astimezone(tz).date() for begin, _stop, _meta in intervals)

    # ------------------------------------------------------------------
    # The decision
    # ------------------------------------------------------------------
    @api.model
    def _end_function(self, policy, start, is_working_day):
        roll = is_working_day if policy.holiday_rollover else None

        def end(days=0, months=0, extra=0):
            return sanbao_period.period_end(
                start, days=days, months=months, extra_days=extra, is_working_day=roll
            )

        return end

    @api.model
    def _decide_unit(
        self, lot, fault_date, part, usage, serious, fault_key, exclusion, history, working_day, say
    ):
        exclusion = exclusion or lot.aftersales_exclusion
        if exclusion:
            return self._result(
                "paid_repair", f"excluded_{exclusion}", lot, fault_date, {}, say=say
            )
        gone = self._unit_gone(lot, fault_date)
        if gone:
            return self._result("not_covered", gone, lot, fault_date, {}, say=say)
        policy = lot.warranty_policy_id
        start = lot.warranty_start_date or self._start_date(lot, policy)
        reading = lot.usage_reading if usage is False or usage is None else usage
        extra = history["days_total"] if policy.extend_by_repair_days else 0
        end = self._end_function(policy, start, working_day)
        part_line = policy._part_line(part)
        ends = {
            "start": start,
            "sanbao": end(months=policy.sanbao_months, extra=extra),
            "repair": end(months=policy.repair_months, extra=extra),
            "part": part_line and end(months=part_line.months, extra=extra),
            "refund": policy.refund_days and end(days=policy.refund_days),
            "exchange": policy.exchange_days and end(days=policy.exchange_days),
            "serious": policy.serious_fault_days and end(days=policy.serious_fault_days),
            "after_exchange": policy.refund_days_after_exchange
            and lot.replaces_lot_id
            and sanbao_period.period_end(
                lot.sale_date,
                days=policy.refund_days_after_exchange,
                is_working_day=working_day if policy.holiday_rollover else None,
            ),
            "reading": reading,
        }

        def within(limit_end, usage_limit=0):
            return (
                bool(limit_end)
                and fault_date <= limit_end
                and (not usage_limit or reading <= usage_limit)
            )

        in_sanbao = within(ends["sanbao"], policy.sanbao_usage)
        checks = [
            (
                "refund",
                "refund_window",
                within(ends["refund"])
                and (not policy.refund_main_parts_only or part_line.is_main_part),
            ),
            ("refund", "refund_after_exchange", within(ends["after_exchange"])),
            (
                policy.serious_fault_remedy,
                "serious_fault_window",
                serious and within(ends["serious"], policy.serious_fault_usage),
            ),
            ("exchange", "exchange_window", within(ends["exchange"])),
            (
                "exchange",
                "repeat_repair",
                in_sanbao and self._repeat_repair(policy, history, fault_key),
            ),
            ("exchange", "repair_days", in_sanbao and self._too_long_in_repair(policy, history)),
            ("free_repair", "sanbao_period", in_sanbao),
            (
                "free_repair",
                "part_period",
                bool(part_line) and within(ends["part"], part_line.usage_limit),
            ),
            (
                "free_repair",
                "repair_period",
                bool(policy.repair_months) and within(ends["repair"], policy.repair_usage),
            ),
        ]
        hits = [(decision, rule) for decision, rule, holds in checks if holds]
        if hits:
            decision, rule = max(hits, key=lambda hit: STRENGTH[hit[0]])
        else:
            time_left = any(within(ends[key]) for key in ("sanbao", "repair", "part") if ends[key])
            decision, rule = "paid_repair", "usage_limit" if time_left else "period_expired"
        result = self._result(
            decision, rule, lot, fault_date, ends, policy, part_line, history, say=say
        )
        result["warnings"] = self._warnings(lot, policy, fault_date, usage, working_day, say)
        return result

    @api.model
    def _unit_gone(self, lot, fault_date):
        """``unit_returned`` / ``unit_exchanged`` when the unit had left the
        customer before the fault, else False."""
        if lot.returned_date and fault_date > lot.returned_date:
            return "unit_returned"
        exchanged_on = lot.replaced_by_lot_id.sale_date
        if exchanged_on and fault_date > exchanged_on:
            return "unit_exchanged"
        return False

    @api.model
    def _repeat_repair(self, policy, history, fault_key):
        def repairs(counts):
            if fault_key:
                return counts.get(fault_key, 0)
            return max(counts.values(), default=0)

        serious_or_all = (
            history["serious_counts"] if policy.repeat_serious_only else history["counts"]
        )
        return bool(
            (policy.repeat_repair_count and repairs(serious_or_all) >= policy.repeat_repair_count)
            or (
                policy.repeat_any_repair_count
                and repairs(history["counts"]) >= policy.repeat_any_repair_count
            )
        )

    @api.model
    def _too_long_in_repair(self, policy, history):
        if not policy.repair_days_limit:
            return False
        if policy.repair_days_per_repair:
            return max(history["days"], default=0) > policy.repair_days_limit
        return history["days_total"] > policy.repair_days_limit

    @api.model
    def _result(
        self,
        decision,
        rule,
        lot,
        fault_date,
        ends,
        policy=None,
        part_line=None,
        history=None,
        say=None,
    ):
        return {
            "lot_id": lot.id,
            "decision": decision,
            "rule": rule,
            "explanation": rule
            and self._explain(
                rule, fault_date, ends, policy, part_line, history, say or self._day_formatter()
            ),
            "policy_id": policy.id if policy else False,
            "warranty_start": ends.get("start") or False,
            "period_end": ends.get("sanbao") or False,
            "repair_period_end": (ends.get("sanbao") and max(ends["sanbao"], ends["repair"]))
            or False,
            "part_period_end": ends.get("part") or False,
            "warnings": [],
        }
