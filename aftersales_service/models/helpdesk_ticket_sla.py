# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from .aftersales_cron_batch import process_batch
from .aftersales_sla_rule import SLA_CLOCKS

SLA_STATUSES = [
    ("none", "No Service Level"),
    ("running", "Running"),
    ("paused", "Paused"),
    ("met", "Met"),
    ("breached", "Breached"),
]
# Clocks met by a recorded time; resolution is met when the ticket is closed.
TIMED_CLOCKS = ("callback", "onsite", "opinion")
SLA_BREACH_BATCH = 200


class HelpdeskTicket(models.Model):
    """The service level clocks of a service request.

    Each clock (callback, on site, handling opinion, resolution) has a deadline
    counted in the working time of the matching ``aftersales.sla.rule``, from
    ``reported_at``. Time spent in a stage flagged ``aftersales_sla_pause`` is
    added to the deadlines not met yet. A clock met late, or still open when the
    breach cron runs after its deadline, is marked breached once. Closing the
    request (its jobs done, or by hand) meets the resolution clock and breaches
    the clocks whose deadline passed unmet.
    """

    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Fields: service levels
    # ------------------------------------------------------------------

    sla_rule_id = fields.Many2one(
        "aftersales.sla.rule",
        string="Service Level Rule",
        compute="_compute_sla_rule_id",
        store=True,
        index=True,
        ondelete="set null",
    )
    callback_deadline = fields.Datetime(
        string="Call Back by", compute="_compute_sla_deadlines", store=True, index="btree_not_null"
    )
    onsite_deadline = fields.Datetime(
        string="On Site by", compute="_compute_sla_deadlines", store=True, index="btree_not_null"
    )
    opinion_deadline = fields.Datetime(
        string="Handling Opinion by",
        compute="_compute_sla_deadlines",
        store=True,
        index="btree_not_null",
    )
    resolution_deadline = fields.Datetime(
        string="Resolved by", compute="_compute_sla_deadlines", store=True, index="btree_not_null"
    )
    callback_done_at = fields.Datetime(
        string="Called Back On", readonly=True, copy=False, tracking=True
    )
    onsite_done_at = fields.Datetime(
        string="On Site On",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set by the first check-in of a field-service job.",
    )
    opinion_done_at = fields.Datetime(
        string="Opinion Given On", readonly=True, copy=False, tracking=True
    )
    # indexed: the deposit deductions of the callback and on-site penalty rules search them
    callback_breached = fields.Boolean(readonly=True, copy=False, index=True)
    onsite_breached = fields.Boolean(
        string="On-Site Breached", readonly=True, copy=False, index=True
    )
    opinion_breached = fields.Boolean(readonly=True, copy=False)
    resolution_breached = fields.Boolean(readonly=True, copy=False)
    callback_overdue_hours = fields.Float(
        string="Callback Overdue (Working Hours)", readonly=True, copy=False
    )
    onsite_overdue_hours = fields.Float(
        string="On-Site Overdue (Working Hours)", readonly=True, copy=False
    )
    opinion_overdue_hours = fields.Float(
        string="Opinion Overdue (Working Hours)", readonly=True, copy=False
    )
    resolution_overdue_hours = fields.Float(
        string="Resolution Overdue (Working Hours)", readonly=True, copy=False
    )
    # Working hours paused while each clock was still open.
    callback_paused_hours = fields.Float(readonly=True, copy=False)
    onsite_paused_hours = fields.Float(readonly=True, copy=False)
    opinion_paused_hours = fields.Float(readonly=True, copy=False)
    resolution_paused_hours = fields.Float(readonly=True, copy=False)
    sla_paused_since = fields.Datetime(
        string="Service Levels Paused Since", readonly=True, copy=False
    )
    sla_status = fields.Selection(
        SLA_STATUSES,
        string="Service Level",
        compute="_compute_sla_status",
        store=True,
        index=True,
    )
    sla_next_deadline = fields.Datetime(
        string="Next Deadline",
        compute="_compute_sla_status",
        store=True,
        help="The earliest deadline not met yet.",
    )
    # what the breach cron searches: a passed deadline of a clock neither met nor marked
    # breached yet (an OR over the four clocks reads the whole table at 100,000 requests)
    sla_breach_check_at = fields.Datetime(
        string="Next Deadline to Check",
        compute="_compute_sla_status",
        store=True,
        index="btree_not_null",
        help="The earliest deadline neither met nor marked breached: the breach cron looks at it.",
    )

    # ------------------------------------------------------------------
    # Fields: service KPIs (averaged and counted with _read_group)
    # ------------------------------------------------------------------

    callback_response_hours = fields.Float(
        string="Callback Response (Working Hours)",
        compute="_compute_kpi_response_hours",
        store=True,
        aggregator="avg",
        help="Working hours from the report to the callback, in the calendar of the "
        "service level rule, else of the company. 0 until called back: filter on "
        "called-back requests before averaging.",
    )
    onsite_response_hours = fields.Float(
        string="On-Site Response (Working Hours)",
        compute="_compute_kpi_response_hours",
        store=True,
        aggregator="avg",
        help="Working hours from the report to the first arrival on site, in the calendar "
        "of the service level rule, else of the company. 0 until visited: filter on "
        "visited requests before averaging.",
    )
    callback_on_time = fields.Boolean(
        string="Called Back on Time",
        compute="_compute_kpi_on_time",
        store=True,
        help="Called back and the callback deadline was not breached.",
    )
    onsite_on_time = fields.Boolean(
        string="On Site on Time",
        compute="_compute_kpi_on_time",
        store=True,
        help="Visited on site and the on-site deadline was not breached.",
    )

    # ------------------------------------------------------------------
    # Computes: service levels
    # ------------------------------------------------------------------

    @api.depends("request_type", "urgency", "area_class", "company_id")
    def _compute_sla_rule_id(self):
        rules = self.env["aftersales.sla.rule"].sudo()
        found = {}
        for ticket in self:
            key = (ticket.company_id, ticket.request_type, ticket.urgency, ticket.area_class)
            if key not in found:
                found[key] = rules._find_rule(*key)
            ticket.sla_rule_id = found[key]

    @api.depends(
        "sla_rule_id",
        "reported_at",
        "callback_paused_hours",
        "onsite_paused_hours",
        "opinion_paused_hours",
        "resolution_paused_hours",
    )
    def _compute_sla_deadlines(self):
        for ticket in self:
            rule = ticket.sla_rule_id.sudo()
            for clock in SLA_CLOCKS:
                deadline = False
                target = rule and rule._target_hours(clock)
                if target and ticket.reported_at:
                    paused = ticket[f"{clock}_paused_hours"]
                    deadline = rule._add_working_hours(ticket.reported_at, target + paused)
                ticket[f"{clock}_deadline"] = deadline

    @api.depends(
        *(f"{clock}_deadline" for clock in SLA_CLOCKS),
        *(f"{clock}_done_at" for clock in TIMED_CLOCKS),
        *(f"{clock}_breached" for clock in SLA_CLOCKS),
        "stage_id.closed",
        "closed_date",
        "sla_paused_since",
    )
    def _compute_sla_status(self):
        for ticket in self:
            clocks = [clock for clock in SLA_CLOCKS if ticket[f"{clock}_deadline"]]
            open_clocks = [
                clock
                for clock in clocks
                if not ticket.stage_id.closed and not ticket._aftersales_sla_met_at(clock)
            ]
            ticket.sla_next_deadline = min(
                (ticket[f"{clock}_deadline"] for clock in open_clocks), default=False
            )
            ticket.sla_breach_check_at = min(
                (
                    ticket[f"{clock}_deadline"]
                    for clock in open_clocks
                    if not ticket[f"{clock}_breached"]
                ),
                default=False,
            )
            if not clocks:
                status = "none"
            elif any(ticket[f"{clock}_breached"] for clock in clocks):
                status = "breached"
            elif not open_clocks:
                status = "met"
            elif ticket.sla_paused_since:
                status = "paused"
            else:
                status = "running"
            ticket.sla_status = status

    # ------------------------------------------------------------------
    # Computes: service KPIs
    # ------------------------------------------------------------------

    @api.depends(
        "reported_at",
        "callback_done_at",
        "onsite_done_at",
        "sla_rule_id.calendar_id",
        "company_id.resource_calendar_id",
    )
    def _compute_kpi_response_hours(self):
        rules = self.env["aftersales.sla.rule"].sudo()
        for ticket in self:
            # Without a rule, count in the company's calendar through a rule in memory:
            # the working time is computed in one place, the rule model.
            rule = ticket.sla_rule_id.sudo() or rules.new(
                {"calendar_id": ticket.company_id.resource_calendar_id.id}
            )
            for clock in ("callback", "onsite"):
                done_at = ticket[f"{clock}_done_at"]
                hours = 0.0
                if done_at and rule.calendar_id:
                    hours = rule._working_hours_between(ticket.reported_at, done_at)
                ticket[f"{clock}_response_hours"] = hours

    @api.depends("callback_done_at", "callback_breached", "onsite_done_at", "onsite_breached")
    def _compute_kpi_on_time(self):
        for ticket in self:
            ticket.callback_on_time = bool(ticket.callback_done_at and not ticket.callback_breached)
            ticket.onsite_on_time = bool(ticket.onsite_done_at and not ticket.onsite_breached)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        paused = tickets.filtered("stage_id.aftersales_sla_pause")
        if paused:
            paused.sla_paused_since = fields.Datetime.now()
        return tickets

    def write(self, vals):
        """Keep the service-level clocks right across pause and closing stages."""
        now = fields.Datetime.now()
        new_stage = self.env["helpdesk.ticket.stage"].browse(vals.get("stage_id"))
        was_paused = self.filtered("stage_id.aftersales_sla_pause")
        was_open = self.filtered(lambda t: not t.stage_id.closed)
        if new_stage and not new_stage.aftersales_sla_pause:
            was_paused._aftersales_sla_resume(now)
        res = super().write(vals)
        if new_stage.aftersales_sla_pause:
            (self - was_paused).sla_paused_since = now
        if new_stage.closed:
            was_open._aftersales_sla_close(now)
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_aftersales_callback_done(self):
        """The clerk called the customer back and booked the visit."""
        self._aftersales_ensure_not_met("callback")
        self._aftersales_sla_mark_met("callback", fields.Datetime.now())

    def action_aftersales_opinion_given(self):
        """Headquarters gave its handling opinion on an urgent or major issue."""
        self._aftersales_ensure_not_met("opinion")
        self._aftersales_sla_mark_met("opinion", fields.Datetime.now())

    # ------------------------------------------------------------------
    # Business methods: service levels
    # ------------------------------------------------------------------

    def _aftersales_mark_onsite(self, when=None):
        """Record the arrival on site at ``when`` (default now); called by the
        check-in of a field-service job. Only the first arrival counts."""
        self.filtered(lambda t: not t.onsite_done_at)._aftersales_sla_mark_met(
            "onsite", when or fields.Datetime.now()
        )

    def _aftersales_ensure_not_met(self, clock):
        done = self.filtered(lambda t: t[f"{clock}_done_at"])
        if done:
            raise UserError(
                _(
                    "%(clock)s is already recorded on %(tickets)s.",
                    clock=self._aftersales_sla_clock_label(clock),
                    tickets=", ".join(done.mapped("display_name")),
                )
            )

    @api.model
    def _aftersales_sla_clock_label(self, clock):
        return {
            "callback": _("Callback"),
            "onsite": _("On-site visit"),
            "opinion": _("Handling opinion"),
            "resolution": _("Resolution"),
        }[clock]

    def _aftersales_sla_met_at(self, clock):
        """When ``clock`` was met, False while it is open."""
        self.ensure_one()
        if clock == "resolution":
            return self.stage_id.closed and self.closed_date
        return self[f"{clock}_done_at"]

    def _aftersales_sla_mark_met(self, clock, when):
        """Record ``clock`` as met at ``when``; late, it is marked breached."""
        for ticket in self:
            if clock in TIMED_CLOCKS:
                ticket[f"{clock}_done_at"] = when
            deadline = ticket[f"{clock}_deadline"]
            if deadline and when > deadline:
                ticket._aftersales_sla_breach(clock, when)

    def _aftersales_sla_breach(self, clock, when, schedule_activity=False):
        """Mark ``clock`` breached, by how much at ``when``; the first time, post
        a note and, for a clock still open, an activity for the responsible."""
        self.ensure_one()
        deadline = self[f"{clock}_deadline"]
        overdue = self.sla_rule_id.sudo()._working_hours_between(deadline, when)
        first_time = not self[f"{clock}_breached"]
        self.write({f"{clock}_breached": True, f"{clock}_overdue_hours": overdue})
        if first_time:
            self._aftersales_sla_notify_breach(clock, schedule_activity)

    def _aftersales_sla_notify_breach(self, clock, schedule_activity):
        self.ensure_one()
        tz = self.sla_rule_id.sudo().calendar_id.tz
        body = _(
            "%(clock)s deadline missed: due %(deadline)s.",
            clock=self._aftersales_sla_clock_label(clock),
            deadline=format_datetime(self.env, self[f"{clock}_deadline"], tz=tz),
        )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        user = self.user_id or self._aftersales_escalation_user()
        if schedule_activity and user:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("%(clock)s overdue", clock=self._aftersales_sla_clock_label(clock)),
                note=body,
                user_id=user.id,
            )

    def _aftersales_sla_resume(self, now):
        """Leaving a paused stage: extend the open deadlines by the working time
        spent paused."""
        for ticket in self.filtered("sla_paused_since"):
            rule = ticket.sla_rule_id.sudo()
            paused = rule and rule._working_hours_between(ticket.sla_paused_since, now)
            vals = {"sla_paused_since": False}
            for clock in SLA_CLOCKS:
                if paused and not ticket._aftersales_sla_met_at(clock):
                    vals[f"{clock}_paused_hours"] = ticket[f"{clock}_paused_hours"] + paused
            ticket.write(vals)

    def _aftersales_sla_close(self, now):
        """The tickets were just closed: resolution is met; the other clocks
        whose deadline passed unmet are breached (no activity any more)."""
        for ticket in self:
            ticket._aftersales_sla_mark_met("resolution", ticket.closed_date or now)
        self._aftersales_sla_check_breaches(now, schedule_activity=False)

    def _aftersales_sla_check_breaches(self, now, schedule_activity=True):
        for ticket in self:
            for clock in SLA_CLOCKS:
                deadline = ticket[f"{clock}_deadline"]
                if (
                    deadline
                    and deadline < now
                    and not ticket[f"{clock}_breached"]
                    and not ticket._aftersales_sla_met_at(clock)
                ):
                    ticket._aftersales_sla_breach(clock, now, schedule_activity)

    @api.model
    def _aftersales_sla_breach_domain(self, now):
        """Open, running requests with a deadline passed on a clock neither met nor breached."""
        return [
            ("sla_breach_check_at", "<", now),
            ("stage_id.closed", "=", False),
            ("stage_id.aftersales_sla_pause", "=", False),
        ]

    @api.model
    def _cron_aftersales_sla_breach(self, batch_size=SLA_BREACH_BATCH):
        """Mark the deadlines passed on open, running tickets as breached, one
        batch per call; the cron runner calls again while some remain."""
        now = fields.Datetime.now()
        process_batch(
            self,
            self._aftersales_sla_breach_domain(now),
            batch_size,
            lambda tickets: tickets._aftersales_sla_check_breaches(now),
        )
