# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from .aftersales_quality_rule import QUALITY_SEVERITIES

QUALITY_WARNING_STATES = [
    ("open", "Open"),
    ("analysing", "Analysing"),
    ("countermeasure", "Countermeasure"),
    ("closed", "Closed"),
]
QUALITY_RULE_BATCH = 50
#: the quality report is due in 4 working days, an urgent one in 3 working hours
QUALITY_REPORT_DAYS = 4
QUALITY_URGENT_HOURS = 3


class AftersalesQualityWarning(models.Model):
    """A 质量预警: a problem (a fault or a part on a product model) that recurred more
    often than a rule allows, with the claims and jobs behind it.

    Open → Analysing (技术支持 takes it) → Countermeasure (the root cause found, the
    quality report given: the answer deadline is met then) → Closed (the countermeasure
    recorded). The answer is due in 4 working days of the company's calendar, an urgent
    rule's in 3 working hours. The daily scan adds new occurrences of a problem to its
    warning while it is not closed; once closed, only occurrences after the closing
    count towards a new one."""

    _name = "aftersales.quality.warning"
    _description = "Quality Warning"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.numbered.mixin",
        "aftersales.state.guard",
    ]
    _aftersales_sequence_code = "aftersales.quality.warning"
    _order = "id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    rule_id = fields.Many2one(
        "aftersales.quality.rule", required=True, readonly=True, check_company=True
    )
    severity = fields.Selection(QUALITY_SEVERITIES, required=True, readonly=True, tracking=True)
    urgent = fields.Boolean(readonly=True)
    state = fields.Selection(
        QUALITY_WARNING_STATES,
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    product_tmpl_id = fields.Many2one(
        "product.template", "Product Model", required=True, readonly=True, index=True
    )
    fault_code_id = fields.Many2one("aftersales.fault.code", readonly=True)
    part_id = fields.Many2one("product.product", readonly=True)
    claim_ids = fields.Many2many(
        "aftersales.claim", string="Claims", readonly=True, help="The occurrences behind it."
    )
    job_ids = fields.Many2many(
        "aftersales.service.job", string="Service Jobs", compute="_compute_job_ids"
    )
    occurrences = fields.Integer(compute="_compute_occurrences", store=True, tracking=True)
    units_in_service = fields.Integer("Units in Service", readonly=True)
    rate = fields.Float(
        "Per 1,000 Units in Service", compute="_compute_occurrences", store=True, digits=(16, 2)
    )
    user_id = fields.Many2one(
        "res.users", "Technical Support", tracking=True, domain="[('share', '=', False)]"
    )
    raised_on = fields.Datetime(readonly=True, default=fields.Datetime.now)
    deadline = fields.Datetime("Answer Deadline", readonly=True, tracking=True)
    answered_on = fields.Datetime(readonly=True, copy=False, tracking=True)
    closed_on = fields.Datetime(readonly=True, copy=False)
    is_late = fields.Boolean("Answer Late", compute="_compute_is_late")
    root_cause = fields.Text(tracking=True)
    countermeasure = fields.Text(tracking=True)

    @api.depends("claim_ids", "units_in_service")
    def _compute_occurrences(self):
        for warning in self:
            warning.occurrences = len(warning.claim_ids)
            units = warning.units_in_service
            warning.rate = warning.occurrences * 1000.0 / units if units else 0.0

    @api.depends("claim_ids.job_id")
    def _compute_job_ids(self):
        for warning in self:
            warning.job_ids = warning.claim_ids.job_id

    @api.depends("deadline", "answered_on")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for warning in self:
            warning.is_late = bool(
                warning.deadline and (warning.answered_on or now) > warning.deadline
            )

    # ------------------------------------------------------------------
    # The flow
    # ------------------------------------------------------------------

    def action_analyse(self):
        self._ensure_state("open", _("taken for analysis"))
        for warning in self:
            warning.write({"state": "analysing", "user_id": warning.user_id.id or self.env.uid})

    def action_countermeasure(self):
        self._ensure_state("analysing", _("answered"))
        missing = self.filtered(lambda warning: not (warning.root_cause or "").strip())
        if missing:
            raise UserError(
                _(
                    "Write the root cause of %(warnings)s first: the quality report answers "
                    "with it.",
                    warnings=", ".join(missing.mapped("name")),
                )
            )
        self.write({"state": "countermeasure", "answered_on": fields.Datetime.now()})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_close(self):
        self._ensure_state("countermeasure", _("closed"))
        missing = self.filtered(lambda warning: not (warning.countermeasure or "").strip())
        if missing:
            raise UserError(
                _(
                    "Record the countermeasure of %(warnings)s before closing it.",
                    warnings=", ".join(missing.mapped("name")),
                )
            )
        self.write({"state": "closed", "closed_on": fields.Datetime.now()})

    # ------------------------------------------------------------------
    # The daily scan
    # ------------------------------------------------------------------
    @api.model
    def _cron_aftersales_quality_scan(self, batch_size=QUALITY_RULE_BATCH):
        """Run the active rules, a batch per call, in order of id after the last rule
        the previous call ran (kept on the cron's parameter); the cron runner calls again
        while some remain."""
        params = self.env["ir.config_parameter"].sudo()
        last_id = int(params.get_param("aftersales_service.quality_scan_last_rule", 0))
        Rule = self.env["aftersales.quality.rule"]
        rules = Rule.search([("id", ">", last_id)], limit=batch_size, order="id")
        self._scan(rules)
        remaining = Rule.search_count([("id", ">", rules[-1:].id or 0)]) if rules else 0
        params.set_param(
            "aftersales_service.quality_scan_last_rule", rules[-1:].id if remaining else 0
        )
        self.env["ir.cron"]._notify_progress(done=len(rules), remaining=remaining)

    @api.model
    def _scan(self, rules, today=None):
        """Raise the warnings of ``rules`` or add new occurrences to the open ones;
        return the warnings raised."""
        raised = self.browse()
        for rule in rules:
            today_ = today or fields.Date.context_today(rule.with_company(rule.company_id))
            problems = rule._problems(today_)
            if not problems:
                continue
            units = rule._units_in_service(
                self.env["product.template"].union(*(model for model, _f in problems))
            )
            for (model, fault), claims in problems.items():
                raised |= self._follow_problem(rule, model, fault, claims, units[model])
        return raised

    def _problem_warnings(self, rule, model, fault):
        return self.search(
            [
                ("rule_id", "=", rule.id),
                ("product_tmpl_id", "=", model.id),
                ("fault_code_id", "=", fault.id),
            ],
            order="id desc",
        )

    def _follow_problem(self, rule, model, fault, claims, units):
        warnings = self._problem_warnings(rule, model, fault)
        live = warnings.filtered(lambda warning: warning.state != "closed")[:1]
        if live:
            new = claims - live.claim_ids
            if new:
                live.write({"claim_ids": [Command.link(claim.id) for claim in new]})
                live.message_post(
                    body=_(
                        "%(count)s more occurrences: %(claims)s.",
                        count=len(new),
                        claims=", ".join(new.mapped("name")),
                    )
                )
            return self.browse()
        closed_on = warnings[:1].closed_on
        if closed_on:
            claims = claims.filtered(lambda claim: claim.repair_start > closed_on.date())
        if not rule._fires(len(claims), units):
            return self.browse()
        return self._raise(rule, model, fault, claims, units)

    def _raise(self, rule, model, fault, claims, units):
        now = fields.Datetime.now()
        warning = self.create(
            {
                "company_id": rule.company_id.id,
                "rule_id": rule.id,
                "severity": rule.severity,
                "urgent": rule.urgent,
                "product_tmpl_id": model.id,
                "fault_code_id": fault.id,
                "part_id": rule.part_id.id,
                "claim_ids": [Command.set(claims.ids)],
                "units_in_service": units,
                "user_id": (rule.user_id or rule.company_id._aftersales_first_manager()).id,
                "raised_on": now,
                "deadline": self._answer_deadline(rule, now),
            }
        )
        if warning.user_id:
            warning.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(warning, warning.deadline),
                summary=_("Quality report for %(warning)s", warning=warning.name),
                user_id=warning.user_id.id,
            )
        return warning

    def _answer_deadline(self, rule, start):
        calendar = rule.company_id.resource_calendar_id
        clock = self.env["aftersales.sla.rule"].sudo().new({"calendar_id": calendar.id})
        if rule.urgent:
            return clock._add_working_hours(start, QUALITY_URGENT_HOURS)
        return clock._add_working_days(start, QUALITY_REPORT_DAYS)
