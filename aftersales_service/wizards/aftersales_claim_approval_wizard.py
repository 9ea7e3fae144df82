# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

APPROVALS = [
    ("overrun", "Labour Above the Norm"),
    ("card", "Late Registration Card"),
]


class AftersalesClaimApprovalWizard(models.TransientModel):
    """A manager's exception on a claim, with its reason: more labour hours than the
    fault's norm, or a registration card (三包回执卡) that came late or never."""

    _name = "aftersales.claim.approval.wizard"
    _description = "Manager's Approval of a Claim Exception"

    claim_id = fields.Many2one("aftersales.claim", required=True, ondelete="cascade")
    approval = fields.Selection(APPROVALS, required=True)
    overrun_line_ids = fields.Many2many(
        "aftersales.claim.line", string="Labour Lines", compute="_compute_overrun_line_ids"
    )
    reason = fields.Text(required=True)

    @api.depends("claim_id", "approval")
    def _compute_overrun_line_ids(self):
        for wizard in self:
            wizard.overrun_line_ids = (
                wizard.claim_id._labour_over_norm() if wizard.approval == "overrun" else False
            )

    def action_approve(self):
        self.ensure_one()
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise AccessError(_("Only an after-sales manager approves a claim exception."))
        claim = self.claim_id
        claim._ensure_can_be("can_be_edited", _("approved for an exception"))
        if self.approval == "overrun":
            lines = claim._labour_over_norm()
            if not lines:
                raise UserError(
                    _("No labour line of %(claim)s is above its norm.", claim=claim.name)
                )
            lines.write({"overrun_approved_by": self.env.uid, "overrun_reason": self.reason})
            body = _("Labour above the norm approved: %(reason)s", reason=self.reason)
        else:
            claim.write({"card_waived_by": self.env.uid, "card_waiver_reason": self.reason})
            body = _("Late registration card accepted: %(reason)s", reason=self.reason)
        claim.message_post(body=body)
        return {"type": "ir.actions.act_window_close"}
