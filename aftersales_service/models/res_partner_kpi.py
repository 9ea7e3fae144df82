# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service KPIs of a service point.

Each KPI is one ratio of two counts over the period (requests by their report time,
jobs by their check-out time, 365 days unless the context says otherwise). When the
count below the line is 0 there is no data: the KPI is listed in ``kpi_no_data`` and
shown as "—", never as 0. The definitions are in ``KPI_DEFINITIONS`` and in the user
guide (README, "Service KPIs").
"""

from collections import Counter, defaultdict
from datetime import timedelta

from odoo import api, fields, models

# Who may see the KPIs.
KPI_GROUPS = (
    "aftersales_service.group_aftersales_clerk,aftersales_service.group_aftersales_technician"
)
KPI_PERIOD_DAYS = 365

#: KPI field: (numerator, denominator, scale), counts of _aftersales_kpi_*_stats
KPI_DEFINITIONS = {
    "kpi_callback_on_time_rate": ("callback_on_time", "callback_decided", 100.0),
    "kpi_onsite_on_time_rate": ("onsite_on_time", "onsite_decided", 100.0),
    "kpi_avg_response_hours": ("callback_hours", "callback_done", 1.0),
    "kpi_avg_onsite_hours": ("onsite_hours", "onsite_done", 1.0),
    "kpi_complaint_rate": ("complaints", "requests", 100.0),
    "kpi_first_time_fix_rate": ("first_time_fix", "completed", 100.0),
    "kpi_repeat_repair_30_rate": ("repeat_30", "repairs", 100.0),
    "kpi_repeat_repair_90_rate": ("repeat_90", "repairs", 100.0),
    "kpi_avg_satisfaction": ("satisfaction", "rated", 1.0),
}
#: the service KPIs of a service point, all computed by _compute_aftersales_kpis
KPI_FIELDS = ("kpi_request_count", *KPI_DEFINITIONS)


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ------------------------------------------------------------------
    # Fields: KPIs of a service point
    # ------------------------------------------------------------------
    # Not stored, so they can be shown (form, kanban, list) but not sorted, grouped
    # or searched. Counted over a period: see _aftersales_kpi_date_from().

    kpi_request_count = fields.Integer(
        "Requests",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Service requests of the service point reported in the period.",
    )
    kpi_callback_on_time_rate = fields.Float(
        "Callback On-Time Rate (%)",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Requests called back before their deadline, among those called back or "
        "whose callback deadline was breached.",
    )
    kpi_onsite_on_time_rate = fields.Float(
        "On-Site On-Time Rate (%)",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Requests visited on site before their deadline, among those visited or "
        "whose on-site deadline was breached.",
    )
    kpi_avg_response_hours = fields.Float(
        "Average Callback Time (Working Hours)",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Average working hours from the report to the callback, over the requests "
        "called back.",
    )
    kpi_avg_onsite_hours = fields.Float(
        "Average On-Site Time (Working Hours)",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Average working hours from the report to the first arrival on site, over "
        "the requests visited.",
    )
    kpi_first_time_fix_rate = fields.Float(
        "First-Time Fix Rate (%)",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Jobs completed in the period that needed no re-dispatch and whose unit did "
        "not come back for a repair within 30 days, among the jobs completed in the period.",
    )
    kpi_repeat_repair_30_rate = fields.Float(
        "Repeat Repairs within 30 Days (%)",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Repair jobs completed in the period whose unit was repaired again within "
        "30 days, among the repair jobs completed in the period.",
    )
    kpi_repeat_repair_90_rate = fields.Float(
        "Repeat Repairs within 90 Days (%)",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Repair jobs completed in the period whose unit was repaired again within "
        "90 days, among the repair jobs completed in the period.",
    )
    kpi_complaint_rate = fields.Float(
        "Complaint Rate (%)",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Complaints among the service requests of the period.",
    )
    kpi_avg_satisfaction = fields.Float(
        "Average Satisfaction",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="Average satisfaction (1 to 5) of the jobs called back, completed in the period.",
    )
    kpi_no_data = fields.Json(
        "KPIs Without Data",
        compute="_compute_aftersales_kpis",
        groups=KPI_GROUPS,
        help="The KPIs with nothing to count in the period (shown as —).",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends_context("aftersales_kpi_date_from", "aftersales_kpi_date_to")
    def _compute_aftersales_kpis(self):
        """All the KPIs of all the partners in ``self`` with one ``_read_group`` on
        the service requests and one on the service jobs, whatever their number."""
        date_from = self._aftersales_kpi_date_from()
        point_ids = [partner_id for partner_id in self._origin.ids if partner_id]
        tickets = self._aftersales_kpi_ticket_stats(point_ids, date_from)
        jobs = self._aftersales_kpi_job_stats(point_ids, date_from)
        for partner in self:
            counts = tickets[partner._origin.id] + jobs[partner._origin.id]
            partner.kpi_request_count = counts["requests"]
            no_data = []
            for fname, (numerator, denominator, scale) in KPI_DEFINITIONS.items():
                if counts[denominator]:
                    partner[fname] = scale * counts[numerator] / counts[denominator]
                else:
                    partner[fname] = 0.0
                    no_data.append(fname)
            partner.kpi_no_data = no_data

    def _aftersales_kpi_date_from(self):
        """Start of the KPI period (naive UTC): 365 days ago, unless the context key
        ``aftersales_kpi_date_from`` (a date, a datetime or their string) says otherwise.
        Requests count by their report time, jobs by their check-out time."""
        date_from = self.env.context.get("aftersales_kpi_date_from")
        if date_from:
            return fields.Datetime.to_datetime(date_from)
        return fields.Datetime.now() - timedelta(days=KPI_PERIOD_DAYS)

    def _aftersales_kpi_until(self, field_name):
        """The end of the KPI period (exclusive, naive UTC) when the context key
        ``aftersales_kpi_date_to`` sets one: a report of a past month; else none (now)."""
        date_to = self.env.context.get("aftersales_kpi_date_to")
        return [(field_name, "<", fields.Datetime.to_datetime(date_to))] if date_to else []

    def _aftersales_kpi_ticket_stats(self, point_ids, date_from):
        """Counts and sums of the service requests per service point id."""
        stats = defaultdict(Counter)
        if not point_ids:
            return stats
        groups = self.env["helpdesk.ticket"]._read_group(
            [
                ("service_point_id", "in", point_ids),
                ("reported_at", ">=", date_from),
                *self._aftersales_kpi_until("reported_at"),
            ],
            groupby=[
                "service_point_id",
                "request_type",
                "callback_on_time",
                "callback_breached",
                "onsite_on_time",
                "onsite_breached",
            ],
            aggregates=[
                "__count",
                "callback_done_at:count",
                "callback_response_hours:sum",
                "onsite_done_at:count",
                "onsite_response_hours:sum",
            ],
        )
        for (
            point,
            request_type,
            callback_on_time,
            callback_breached,
            onsite_on_time,
            onsite_breached,
            count,
            callback_done,
            callback_hours,
            onsite_done,
            onsite_hours,
        ) in groups:
            point_stats = stats[point.id]
            point_stats["requests"] += count
            point_stats["complaints"] += count if request_type == "complaint" else 0
            # A clock is decided once met or breached; met and not breached is on time.
            point_stats["callback_on_time"] += count if callback_on_time else 0
            point_stats["callback_decided"] += count if callback_on_time or callback_breached else 0
            point_stats["onsite_on_time"] += count if onsite_on_time else 0
            point_stats["onsite_decided"] += count if onsite_on_time or onsite_breached else 0
            point_stats["callback_done"] += callback_done
            point_stats["callback_hours"] += callback_hours or 0.0
            point_stats["onsite_done"] += onsite_done
            point_stats["onsite_hours"] += onsite_hours or 0.0
        return stats

    def _aftersales_kpi_job_stats(self, point_ids, date_from):
        """Counts and sums of the jobs completed, per service point id."""
        stats = defaultdict(Counter)
        if not point_ids:
            return stats
        groups = self.env["aftersales.service.job"]._read_group(
            [
                ("service_point_id", "in", point_ids),
                ("state", "in", ["done", "called_back"]),
                ("checkout_at", ">=", date_from),
                *self._aftersales_kpi_until("checkout_at"),
            ],
            groupby=[
                "service_point_id",
                "is_rated",
                "job_type",
                "first_time_fix",
                "repeat_repair_30",
                "repeat_repair_90",
            ],
            aggregates=["__count", "satisfaction:sum"],
        )
        for point, is_rated, job_type, first_time_fix, repeat_30, repeat_90, count, score in groups:
            point_stats = stats[point.id]
            point_stats["completed"] += count
            point_stats["first_time_fix"] += count if first_time_fix else 0
            if job_type == "repair":
                point_stats["repairs"] += count
                point_stats["repeat_30"] += count if repeat_30 else 0
                point_stats["repeat_90"] += count if repeat_90 else 0
            if is_rated:
                point_stats["rated"] += count
                point_stats["satisfaction"] += score or 0.0
        return stats
