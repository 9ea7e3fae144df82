# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

SEQUENCE_CODE = "aftersales.agency.contract"


class AftersalesAgencyContract(models.Model):
    """An area agency contract (区域代理协议): an agent serves some regions for a period."""

    _name = "aftersales.agency.contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Area Agency Contract"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Agent",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    region_ids = fields.Many2many(
        "aftersales.region", string="Regions", help="The regions the agent is responsible for."
    )
    date_start = fields.Date(
        string="Start Date", required=True, tracking=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "In Force"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
        ],
        default="draft",
        required=True,
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
        help="Draft: being negotiated.\n"
        "In force: signed, the agent serves its regions.\n"
        "Expired: the end date has passed.\n"
        "Terminated: ended early by the company.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
        help="Receives the reminder before the contract expires.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    note = fields.Html(string="Terms")
    expiry_reminder_date_end = fields.Date(
        copy=False,
        readonly=True,
        help="The end date an expiry reminder was scheduled for; a new one is scheduled "
        "when the end date changes.",
    )
    can_be_activated = fields.Boolean(compute="_compute_can_be_activated")
    can_be_terminated = fields.Boolean(compute="_compute_can_be_terminated")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("state")
    def _compute_can_be_activated(self):
        for contract in self:
            contract.can_be_activated = contract.state == "draft"

    @api.depends("state")
    def _compute_can_be_terminated(self):
        for contract in self:
            contract.can_be_terminated = contract.state == "active"

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end < contract.date_start:
                raise ValidationError(
                    _(
                        "The agency contract %(name)s cannot end (%(end)s) before it starts "
                        "(%(start)s).",
                        name=contract.name,
                        end=format_date(self.env, contract.date_end),
                        start=format_date(self.env, contract.date_start),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = self._next_number(company)
        return super().create(vals_list)

    @api.model
    def _next_number(self, company):
        """The next contract number of ``company``; its sequence is created if missing."""
        sequence_model = self.env["ir.sequence"].sudo().with_company(company)
        number = sequence_model.next_by_code(SEQUENCE_CODE)
        if not number:
            sequence_model.create(self._prepare_sequence_vals(company))
            number = sequence_model.next_by_code(SEQUENCE_CODE)
        return number

    @api.model
    def _prepare_sequence_vals(self, company):
        return {
            "name": _("Area Agency Contract"),
            "code": SEQUENCE_CODE,
            "prefix": "DL%(year)s-",
            "padding": 4,
            "company_id": company.id,
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_activate(self):
        self._ensure_can_be_activated()
        self._action_activate()

    def _ensure_can_be_activated(self):
        refused = self.filtered(lambda c: not c.can_be_activated)
        if refused:
            raise UserError(
                _(
                    "Only draft agency contracts can be activated: %(names)s.",
                    names=", ".join(refused.mapped("name")),
                )
            )

    def _action_activate(self):
        self.write({"state": "active"})

    def action_terminate(self):
        self._ensure_can_be_terminated()
        self._action_terminate()

    def _ensure_can_be_terminated(self):
        refused = self.filtered(lambda c: not c.can_be_terminated)
        if refused:
            raise UserError(
                _(
                    "Only active agency contracts can be terminated: %(names)s.",
                    names=", ".join(refused.mapped("name")),
                )
            )

    def _action_terminate(self):
        self.write({"state": "terminated"})

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    @api.model
    def _cron_check_expiry(self):
        """Daily: expire the contracts past their end, remind those about to end."""
        today = fields.Date.context_today(self)
        self.search([("state", "=", "active"), ("date_end", "<", today)])._action_expire()
        self._contracts_to_remind(today)._schedule_expiry_reminder()

    def _action_expire(self):
        self.write({"state": "expired"})

    @api.model
    def _contracts_to_remind(self, today):
        """Active contracts ending within their company's reminder delay, not yet reminded."""
        contracts = self.browse()
        for company in self.env["res.company"].search([]):
            horizon = today + timedelta(days=company.aftersales_contract_reminder_days)
            contracts |= self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    ("date_end", ">=", today),
                    ("date_end", "<=", horizon),
                ]
            )
        return contracts.filtered(lambda c: c.expiry_reminder_date_end != c.date_end)

    def _schedule_expiry_reminder(self):
        """One to-do per contract for its responsible, in the responsible's language."""
        for contract in self:
            user = contract.user_id or contract.create_uid
            contract_lang = contract.with_context(lang=user.lang or self.env.lang)
            contract_lang.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=contract.date_end,
                user_id=user.id,
                **contract_lang._prepare_expiry_reminder_vals(),
            )
            contract.expiry_reminder_date_end = contract.date_end

    def _prepare_expiry_reminder_vals(self):
        self.ensure_one()
        return {
            "summary": _(
                "Agency contract %(name)s ends on %(date)s",
                name=self.name,
                date=format_date(self.env, self.date_end),
            ),
            "note": _(
                "Renew the agreement with %(agent)s or let it expire.",
                agent=self.partner_id.name,
            ),
        }
