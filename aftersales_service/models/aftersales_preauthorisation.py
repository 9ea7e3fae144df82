# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError

PREAUTH_STATES = [
    ("draft", "Draft"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("refused", "Refused"),
]


class AftersalesPreauthorisation(models.Model):
    """A pre-authorisation (预授权): the manager agrees beforehand to pay a goodwill repair,
    or any claim above its type's amount, for one unit at one service point."""

    _name = "aftersales.preauthorisation"
    _description = "Claim Pre-Authorisation"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.numbered.mixin"]
    _aftersales_sequence_code = "aftersales.preauthorisation"
    _order = "id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        PREAUTH_STATES, default="draft", required=True, readonly=True, tracking=True, copy=False
    )
    service_point_id = fields.Many2one(
        "res.partner",
        required=True,
        tracking=True,
        check_company=True,
        domain="[('is_service_point', '=', True)]",
    )
    lot_id = fields.Many2one("stock.lot", "Unit", required=True, tracking=True, check_company=True)
    claim_type_id = fields.Many2one("aftersales.claim.type", required=True, check_company=True)
    amount = fields.Monetary("Authorised Amount", required=True, tracking=True)
    reason = fields.Text(required=True)
    approved_by = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False)

    def action_request(self):
        if self.filtered(lambda preauth: preauth.state != "draft"):
            raise UserError(_("Only a draft pre-authorisation is requested."))
        self.state = "requested"
        for preauth in self:
            manager = preauth.company_id._aftersales_first_manager()
            if manager:
                preauth.with_context(lang=manager.lang).activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Decide on pre-authorisation %(name)s", name=preauth.name),
                    user_id=manager.id,
                )

    def action_approve(self):
        self._ensure_manager()
        if self.filtered(lambda preauth: preauth.state != "requested"):
            raise UserError(_("Only a requested pre-authorisation is approved."))
        self.write(
            {"state": "approved", "approved_by": self.env.uid, "approved_on": fields.Datetime.now()}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_refuse(self):
        self._ensure_manager()
        if self.filtered(lambda preauth: preauth.state != "requested"):
            raise UserError(_("Only a requested pre-authorisation is refused."))
        self.state = "refused"
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def _ensure_manager(self):
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise AccessError(_("Only an after-sales manager decides on a pre-authorisation."))
