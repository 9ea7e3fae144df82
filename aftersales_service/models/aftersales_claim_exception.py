# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class AftersalesClaim(models.Model):
    """The exceptions a manager approves on a claim, each with its reason: labour above
    the fault's norm, a late registration card. The checks then let them pass."""

    _inherit = "aftersales.claim"

    card_waived_by = fields.Many2one(
        "res.users",
        "Late Card Accepted By",
        readonly=True,
        copy=False,
        tracking=True,
        help="The manager who accepted the claim although its registration card "
        "(三包回执卡) came late or never.",
    )
    card_waiver_reason = fields.Text("Why the Late Card Is Accepted", readonly=True, copy=False)
    can_approve_overrun = fields.Boolean(compute="_compute_can_approve")
    can_waive_card = fields.Boolean(compute="_compute_can_approve")

    @api.depends("state", "line_ids.quantity", "line_ids.overrun_approved_by", "current_check_ids")
    def _compute_can_approve(self):
        for claim in self:
            editable = claim.can_be_edited
            claim.can_approve_overrun = editable and bool(claim._labour_over_norm())
            claim.can_waive_card = (
                editable
                and not claim.card_waived_by
                and bool(
                    claim.current_check_ids.filtered(
                        lambda result: result.rule_id.code == "registration_card"
                        and result.outcome != "pass"
                    )
                )
            )

    def _labour_over_norm(self):
        """The labour lines above their norm that no manager approved yet."""
        return self.line_ids.filtered(
            lambda line: line.line_type == "labour"
            and line.norm_hours
            and line.quantity > line.norm_hours
            and not line.overrun_approved_by
        )

    def action_approve_overrun(self):
        return self._approval_wizard_action("overrun", _("Approve Labour Above the Norm"))

    def action_waive_card(self):
        return self._approval_wizard_action("card", _("Accept the Late Registration Card"))

    def _approval_wizard_action(self, approval, title):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "aftersales.claim.approval.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_id": self.id, "default_approval": approval},
        }
