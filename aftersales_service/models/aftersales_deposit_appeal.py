# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .aftersales_deposit_move import MANAGER_GROUP


class AftersalesDepositAppeal(models.Model):
    """申诉: the dealer contests a posted deduction within the appeal days, with its grounds
    and evidence. The deduction goes back to the manager who approved it; an upheld
    appeal reverses it with its own entry, a dismissed one keeps it with the answer."""

    _name = "aftersales.deposit.appeal"
    _description = "Deduction Appeal"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.portal.mixin"]
    _order = "id desc"
    _check_company_auto = True

    deduction_id = fields.Many2one(
        "aftersales.deposit.move",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        domain="[('move_type', '=', 'deduction'), ('state', '=', 'posted')]",
    )
    company_id = fields.Many2one(related="deduction_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="deduction_id.partner_id", string="Dealer", store=True)
    amount = fields.Monetary(related="deduction_id.amount")
    appeal_deadline = fields.Date(related="deduction_id.appeal_deadline")
    grounds = fields.Text(required=True, tracking=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    state = fields.Selection(
        [("open", "Under Review"), ("upheld", "Upheld"), ("dismissed", "Dismissed")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    answer = fields.Text(tracking=True, help="The manager's answer to the dealer.")
    answered_by_id = fields.Many2one("res.users", readonly=True)
    answered_on = fields.Date(readonly=True)

    @api.depends("deduction_id")
    def _compute_display_name(self):
        for appeal in self:
            appeal.display_name = _(
                "Appeal against %(deduction)s", deduction=appeal.deduction_id.name
            )

    @api.model_create_multi
    def create(self, vals_list):
        appeals = super().create(vals_list)
        for appeal in appeals:
            appeal._check_can_appeal()
            appeal._send_to_review()
        return appeals

    def _check_can_appeal(self):
        deduction = self.deduction_id
        if deduction.move_type != "deduction" or deduction.state != "posted":
            raise UserError(
                _("Only a posted deduction can be appealed; %(move)s is not.", move=deduction.name)
            )
        today = fields.Date.context_today(self)
        if not deduction.appeal_deadline or today > deduction.appeal_deadline:
            raise UserError(
                _(
                    "The appeal period of %(move)s ended on %(deadline)s: it can no longer be "
                    "appealed.",
                    move=deduction.name,
                    deadline=deduction.appeal_deadline,
                )
            )
        if len(deduction.appeal_ids.filtered(lambda appeal: appeal.state == "open")) > 1:
            raise UserError(_("%(move)s is already under appeal.", move=deduction.name))

    def _send_to_review(self):
        """The deduction back to its approver (or any manager) for review."""
        deduction = self.deduction_id
        reviewer = (
            deduction.approved_by_id
            or self.env.ref("aftersales_service.group_aftersales_manager").users[:1]
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_("Review the appeal against %(move)s", move=deduction.name),
            user_id=reviewer.id or self.env.uid,
        )
        deduction.message_post(body=_("Appealed by the dealer: %(grounds)s", grounds=self.grounds))

    def action_uphold(self):
        """The dealer is right: the deduction is reversed with its own entry."""
        self._ensure_open_for_manager()
        for appeal in self:
            appeal.deduction_id.action_reverse()
        self._answer("upheld")

    def action_dismiss(self):
        self._ensure_open_for_manager()
        without_answer = self.filtered(lambda appeal: not (appeal.answer or "").strip())
        if without_answer:
            raise UserError(_("Write the answer to the dealer before dismissing the appeal."))
        self._answer("dismissed")

    def _answer(self, state):
        self.write(
            {
                "state": state,
                "answered_by_id": self.env.uid,
                "answered_on": fields.Date.context_today(self),
            }
        )
        self.activity_ids.action_done()
        for appeal in self:
            appeal.message_post(
                body=_(
                    "Appeal %(state)s. %(answer)s",
                    state=dict(self._fields["state"]._description_selection(self.env))[state],
                    answer=appeal.answer or "",
                ),
                partner_ids=appeal.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _ensure_open_for_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_("Only an after-sales manager decides an appeal."))
        if any(appeal.state != "open" for appeal in self):
            raise UserError(_("This appeal is already decided."))
