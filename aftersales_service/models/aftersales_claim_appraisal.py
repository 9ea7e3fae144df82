# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

TECHNICIAN_GROUP = "aftersales_service.group_aftersales_technician"


class AftersalesClaim(models.Model):
    """The appraisal (鉴定) of a claim by the warranty technicians: each line approved,
    partly approved or rejected with a reason; the claim approved for what was approved,
    or returned to the service point for correction."""

    _inherit = "aftersales.claim"

    return_reason = fields.Text(
        "Correction Asked", copy=False, help="What the service point must correct (退回原因)."
    )
    can_be_appraised = fields.Boolean(compute="_compute_can_be_appraised")

    @api.depends("state")
    def _compute_can_be_appraised(self):
        for claim in self:
            claim.can_be_appraised = claim.state == "appraisal"

    def action_approve(self):
        """Close the appraisal: approved for what was approved, rejected when nothing was."""
        self._ensure_technician()
        self._ensure_can_be("can_be_appraised", _("approved"))
        problems = self._appraisal_problems()
        if problems:
            raise UserError("\n".join(problems))
        for claim in self:
            paid = claim.currency_id.compare_amounts(claim.amount_approved, 0) > 0
            claim.state = "approved" if paid else "rejected"
        self._move_appraised_old_parts()

    def action_return_for_correction(self):
        """Send the claim back to the service point with what to correct."""
        self._ensure_technician()
        self._ensure_can_be("can_be_appraised", _("returned"))
        without_reason = self.filtered(lambda claim: not (claim.return_reason or "").strip())
        if without_reason:
            raise UserError(
                _(
                    "Write what the service point must correct on %(claims)s before returning it.",
                    claims=", ".join(without_reason.mapped("name")),
                )
            )
        for claim in self:
            claim.message_post(
                body=_("Returned for correction: %(reason)s", reason=claim.return_reason)
            )
        self.write({"state": "returned"})

    def _appraisal_problems(self):
        problems = []
        for claim in self:
            if claim.pending_review_count:
                problems.append(
                    _(
                        "%(claim)s: clear its manual reviews first.",
                        claim=claim.name,
                    )
                )
            unappraised = claim.line_ids.filtered(lambda line: not line.appraisal)
            if unappraised:
                problems.append(
                    _(
                        "%(claim)s: appraise every line (%(count)s left).",
                        claim=claim.name,
                        count=len(unappraised),
                    )
                )
            without_reason = claim.line_ids.filtered(
                lambda line: line.appraisal in ("partial", "rejected") and not line.reject_reason_id
            )
            if without_reason:
                problems.append(
                    _(
                        "%(claim)s: give the reason of every line not fully approved.",
                        claim=claim.name,
                    )
                )
        return problems

    def _ensure_technician(self):
        if not self.env.user.has_group(TECHNICIAN_GROUP):
            raise AccessError(_("Only a warranty technician (三包技术员) appraises claims."))
