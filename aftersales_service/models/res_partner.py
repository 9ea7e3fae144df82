# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter, defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .aftersales_region import AREA_CLASSES

NETWORK_LEVELS = [
    ("provincial", "Provincial Agent"),
    ("city", "City Agent"),
    ("third_party", "Third-Party Point"),
    ("dealer", "Dealer Point"),
]

# When several service points cover a customer's region, the most local one is
# responsible: a city agent's point, then a third-party point, then a dealer's
# point, then the provincial agent, then points without a level; ties go to the
# oldest record (lowest id).
SERVICE_POINT_PRIORITY = {"city": 0, "third_party": 1, "dealer": 2, "provincial": 3}

# KPIs of the service points: who may see them, over how many days by default.
KPI_GROUPS = (
    "aftersales_service.group_aftersales_clerk,aftersales_service.group_aftersales_technician"
)

#: the service KPIs of a service point, all computed by _compute_aftersales_kpis
KPI_FIELDS = (
    "kpi_request_count",
    "kpi_callback_on_time_rate",
    "kpi_onsite_on_time_rate",
    "kpi_avg_response_hours",
    "kpi_avg_onsite_hours",
    "kpi_first_time_fix_rate",
    "kpi_repeat_repair_30_rate",
    "kpi_repeat_repair_90_rate",
    "kpi_complaint_rate",
    "kpi_avg_satisfaction",
)
KPI_PERIOD_DAYS = 365


def _ratio(numerator, denominator):
    return numerator / denominator if denominator else 0.0


def _percent(numerator, denominator):
    return 100.0 * _ratio(numerator, denominator)


TECHNICIAN_LEVELS = [
    ("junior", "Junior"),
    ("intermediate", "Intermediate"),
    ("senior", "Senior"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ------------------------------------------------------------------
    # Fields: roles and network
    # ------------------------------------------------------------------
    aftersales_stock_location_id = fields.Many2one(
        "stock.location",
        "Service Point Stock",
        readonly=True,
        copy=False,
        help="Where the parts issued to this service point are kept; made on first use.",
    )

    is_service_point = fields.Boolean(
        string="Authorised Service Point",
        help="An authorised service point (特约服务网点) that repairs and installs the "
        "company's products for customers.",
    )
    is_dealer = fields.Boolean(
        string="Dealer", help="Sells the company's products and answers for their 三包."
    )
    is_installer = fields.Boolean(
        string="Installation and Repair Company",
        help="A professional installation and repair company working for the network.",
    )
    network_level = fields.Selection(NETWORK_LEVELS, index=True)
    network_parent_id = fields.Many2one(
        "res.partner",
        index=True,
        ondelete="restrict",
        domain="[('is_company', '=', True), ('id', '!=', id)]",
        help="The agent this partner works under, e.g. the provincial agent above a "
        "city service point.",
    )
    network_child_ids = fields.One2many(
        "res.partner", "network_parent_id", string="Network Members"
    )
    network_child_count = fields.Integer(compute="_compute_network_child_count")
    dealer_class_id = fields.Many2one("aftersales.dealer.class", index=True, ondelete="restrict")

    # ------------------------------------------------------------------
    # Fields: regions
    # ------------------------------------------------------------------

    region_id = fields.Many2one(
        "aftersales.region",
        index=True,
        ondelete="restrict",
        help="The city or county of the partner's address.",
    )
    area_class = fields.Selection(
        AREA_CLASSES,
        compute="_compute_area_class",
        store=True,
        help="The area class of the partner's region, or of its city.",
    )
    service_region_ids = fields.Many2many(
        "aftersales.region",
        "aftersales_partner_service_region_rel",
        "partner_id",
        "region_id",
        string="Service Regions",
        help="The cities and counties this service point is responsible for.",
    )

    # ------------------------------------------------------------------
    # Fields: technicians
    # ------------------------------------------------------------------

    is_technician = fields.Boolean(
        string="Technician", help="A certified technician of the service point."
    )
    technician_certificate = fields.Char(string="Certificate Number")
    technician_level = fields.Selection(TECHNICIAN_LEVELS)
    technician_certificate_expiry = fields.Date(string="Certificate Expiry")
    technician_certificate_expired = fields.Boolean(
        string="Certificate Expired",
        compute="_compute_technician_certificate_expired",
        search="_search_technician_certificate_expired",
        help="The certificate expired before today: the technician cannot be dispatched.",
    )
    technician_count = fields.Integer(compute="_compute_technician_count")
    agency_contract_count = fields.Integer(compute="_compute_agency_contract_count")

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
        help="Jobs completed in the period that needed no re-dispatch, among the jobs "
        "completed in the period.",
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

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    def _compute_network_child_count(self):
        counts = self._aftersales_count_by(
            "res.partner", "network_parent_id", [("network_parent_id", "in", self._origin.ids)]
        )
        for partner in self:
            partner.network_child_count = counts.get(partner._origin.id, 0)

    @api.depends("region_id.effective_area_class")
    def _compute_area_class(self):
        for partner in self:
            partner.area_class = partner.region_id.effective_area_class

    @api.depends("is_technician", "technician_certificate_expiry")
    @api.depends_context("tz")
    def _compute_technician_certificate_expired(self):
        today = fields.Date.context_today(self)
        for partner in self:
            expiry = partner.technician_certificate_expiry
            partner.technician_certificate_expired = bool(
                partner.is_technician and expiry and expiry < today
            )

    def _search_technician_certificate_expired(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the certificate expiry: %s", operator))
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [
                ("is_technician", "=", True),
                ("technician_certificate_expiry", "<", today),
            ]
        return [
            "|",
            "|",
            ("is_technician", "=", False),
            ("technician_certificate_expiry", "=", False),
            ("technician_certificate_expiry", ">=", today),
        ]

    def _compute_technician_count(self):
        counts = self._aftersales_count_by(
            "res.partner",
            "parent_id",
            [("parent_id", "in", self._origin.ids), ("is_technician", "=", True)],
        )
        for partner in self:
            partner.technician_count = counts.get(partner._origin.id, 0)

    def _compute_agency_contract_count(self):
        counts = self._aftersales_count_by(
            "aftersales.agency.contract",
            "partner_id",
            [("partner_id", "in", self._origin.ids)],
        )
        for partner in self:
            partner.agency_contract_count = counts.get(partner._origin.id, 0)

    # ------------------------------------------------------------------
    # Computes: KPIs of a service point
    # ------------------------------------------------------------------

    @api.depends_context("aftersales_kpi_date_from")
    def _compute_aftersales_kpis(self):
        """All the KPIs of all the partners in ``self`` with one ``_read_group`` on
        the service requests and one on the service jobs, whatever their number."""
        date_from = self._aftersales_kpi_date_from()
        point_ids = [partner_id for partner_id in self._origin.ids if partner_id]
        tickets = self._aftersales_kpi_ticket_stats(point_ids, date_from)
        jobs = self._aftersales_kpi_job_stats(point_ids, date_from)
        for partner in self:
            ticket = tickets[partner._origin.id]
            job = jobs[partner._origin.id]
            partner.kpi_request_count = ticket["requests"]
            partner.kpi_callback_on_time_rate = _percent(
                ticket["callback_on_time"], ticket["callback_decided"]
            )
            partner.kpi_onsite_on_time_rate = _percent(
                ticket["onsite_on_time"], ticket["onsite_decided"]
            )
            partner.kpi_avg_response_hours = _ratio(
                ticket["callback_hours"], ticket["callback_done"]
            )
            partner.kpi_avg_onsite_hours = _ratio(ticket["onsite_hours"], ticket["onsite_done"])
            partner.kpi_complaint_rate = _percent(ticket["complaints"], ticket["requests"])
            partner.kpi_first_time_fix_rate = _percent(job["first_time_fix"], job["completed"])
            partner.kpi_repeat_repair_30_rate = _percent(job["repeat_30"], job["repairs"])
            partner.kpi_repeat_repair_90_rate = _percent(job["repeat_90"], job["repairs"])
            partner.kpi_avg_satisfaction = _ratio(job["satisfaction"], job["rated"])

    def _aftersales_kpi_date_from(self):
        """Start of the KPI period (naive UTC): 365 days ago, unless the context key
        ``aftersales_kpi_date_from`` (a date, a datetime or their string) says otherwise.
        Requests count by their report time, jobs by their check-out time."""
        date_from = self.env.context.get("aftersales_kpi_date_from")
        if date_from:
            return fields.Datetime.to_datetime(date_from)
        return fields.Datetime.now() - timedelta(days=KPI_PERIOD_DAYS)

    def _aftersales_kpi_ticket_stats(self, point_ids, date_from):
        """Counts and sums of the service requests per service point id."""
        stats = defaultdict(Counter)
        if not point_ids:
            return stats
        groups = self.env["helpdesk.ticket"]._read_group(
            [("service_point_id", "in", point_ids), ("reported_at", ">=", date_from)],
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
            ],
            groupby=[
                "service_point_id",
                "state",
                "job_type",
                "first_time_fix",
                "repeat_repair_30",
                "repeat_repair_90",
            ],
            aggregates=["__count", "satisfaction:sum"],
        )
        for point, state, job_type, first_time_fix, repeat_30, repeat_90, count, score in groups:
            point_stats = stats[point.id]
            point_stats["completed"] += count
            point_stats["first_time_fix"] += count if first_time_fix else 0
            if job_type == "repair":
                point_stats["repairs"] += count
                point_stats["repeat_30"] += count if repeat_30 else 0
                point_stats["repeat_90"] += count if repeat_90 else 0
            # The satisfaction is known once the customer was called back.
            if state == "called_back":
                point_stats["rated"] += count
                point_stats["satisfaction"] += score or 0.0
        return stats

    def _aftersales_count_by(self, model, groupby, domain):
        """Number of ``model`` records per partner id of their ``groupby`` field."""
        if not self._origin:
            return {}
        return {
            partner.id: count
            for partner, count in self.env[model]._read_group(
                domain, groupby=[groupby], aggregates=["__count"]
            )
        }

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("network_parent_id")
    def _check_network_parent_cycle(self):
        if self._has_cycle("network_parent_id"):
            raise ValidationError(_("A partner cannot be above itself in the service network."))

    @api.constrains("is_technician", "is_company", "parent_id")
    def _check_technician_is_contact(self):
        misplaced = self.filtered(lambda p: p.is_technician and (p.is_company or not p.parent_id))
        if misplaced:
            raise ValidationError(
                _(
                    "A technician is a person working for a service point: set the "
                    "service point as the company of %(names)s.",
                    names=", ".join(misplaced.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_network_children(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_network_partner_action"
        )
        action.update(
            name=_("Network of %s", self.display_name),
            domain=[("network_parent_id", "=", self.id)],
            context={"default_network_parent_id": self.id, "default_is_company": True},
        )
        return action

    def action_view_technicians(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_technician_action"
        )
        action.update(
            name=_("Technicians of %s", self.display_name),
            domain=[("parent_id", "=", self.id), ("is_technician", "=", True)],
            context={"default_parent_id": self.id, "default_is_technician": True},
        )
        return action

    def action_view_agency_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_agency_contract_action"
        )
        action.update(
            domain=[("partner_id", "=", self.id)],
            context={"default_partner_id": self.id},
        )
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _aftersales_find_service_point(self):
        """The service point responsible for this customer, or an empty recordset.

        See :meth:`_aftersales_find_service_points`.
        """
        self.ensure_one()
        return self._aftersales_find_service_points()[self.id]

    def _aftersales_find_service_points(self):
        """The responsible service point of each customer in ``self``.

        A customer's county (``region_id``) is looked up among the service regions
        of the active service points; when no point covers the county, its city
        (the region's parent) is looked up instead. When several points cover the
        same region, the most local wins (city, third party, dealer, provincial,
        none) and then the oldest (lowest id): see ``SERVICE_POINT_PRIORITY``.

        Runs a constant number of queries whatever the number of customers.

        :return: ``{customer id: res.partner}``, an empty recordset when no point
            covers the customer.
        """
        result = dict.fromkeys(self.ids, self.browse())
        regions = self.region_id
        searched = regions | regions.parent_id
        if not searched:
            return result
        points = self.search(
            [("is_service_point", "=", True), ("service_region_ids", "in", searched.ids)]
        )
        point_by_region = {}
        for point in points.sorted(self._aftersales_service_point_rank):
            for region in point.service_region_ids & searched:
                point_by_region.setdefault(region.id, point)
        empty = self.browse()
        for customer in self:
            region = customer.region_id
            result[customer.id] = (
                point_by_region.get(region.id) or point_by_region.get(region.parent_id.id) or empty
            )
        return result

    @staticmethod
    def _aftersales_service_point_rank(point):
        level_rank = SERVICE_POINT_PRIORITY.get(point.network_level, len(SERVICE_POINT_PRIORITY))
        return (level_rank, point.id)

    def _aftersales_check_technician_certificate(self):
        """Raise a UserError when a technician in ``self`` has an expired certificate.

        Call it before dispatching a job to technicians.
        """
        expired = self.filtered("technician_certificate_expired")
        if not expired:
            return True
        messages = [
            _(
                "The certificate of technician %(names)s expired on %(date)s. Renew it "
                "on the technician's contact before dispatching.",
                names=", ".join(technicians.mapped("name")),
                date=format_date(self.env, expiry),
            )
            for expiry, technicians in expired.grouped("technician_certificate_expiry").items()
        ]
        raise UserError("\n".join(messages))

    # ------------------------------------------------------------------
    # Stock of a service point
    # ------------------------------------------------------------------
    def _aftersales_stock_location(self):
        """The internal location holding this service point's parts, made on first use."""
        self.ensure_one()
        if not self.aftersales_stock_location_id:
            company = self.company_id or self.env.company
            location = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": self.name,
                        "usage": "internal",
                        "location_id": company._aftersales_point_parent_location().id,
                        "company_id": company.id,
                    }
                )
            )
            self.sudo().aftersales_stock_location_id = location
        return self.aftersales_stock_location_id
