# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AftersalesClaim(models.Model):
    """Running the checks on submission, and what their outcomes do."""

    _inherit = "aftersales.claim"

    check_result_ids = fields.One2many("aftersales.claim.check.result", "claim_id", "Checks")
    current_check_ids = fields.One2many(
        "aftersales.claim.check.result",
        "claim_id",
        "Checks of the Last Submission",
        domain=[("is_current", "=", True)],
    )
    pending_review_count = fields.Integer(
        compute="_compute_pending_review_count",
        help="Manual reviews of the last submission not cleared by a technician yet.",
    )

    @api.depends("current_check_ids.outcome", "current_check_ids.cleared_by")
    def _compute_pending_review_count(self):
        for claim in self:
            claim.pending_review_count = len(
                claim.current_check_ids.filtered(
                    lambda r: r.outcome == "manual" and not r.cleared_by
                )
            )

    def _run_checks(self):
        """Run every active check of each claim's company on the claims, in batch,
        and keep every result (passed ones too)."""
        Result = self.env["aftersales.claim.check.result"]
        self.current_check_ids.sudo().write({"is_current": False})
        vals_list = []
        for company, claims in self.grouped("company_id").items():
            for rule in self.env["aftersales.claim.check.rule"]._rules_of(company):
                failures = rule._evaluate(claims)
                for claim in claims:
                    outcome, message = failures.get(claim.id, ("pass", False))
                    vals_list.append(
                        {
                            "claim_id": claim.id,
                            "version": claim.version,
                            "rule_id": rule.id,
                            "sequence": rule.sequence,
                            "outcome": outcome,
                            "message": message,
                        }
                    )
        return Result.create(vals_list)

    def _apply_check_outcomes(self):
        """Reject when a check rejects, return to the service point when one asks for a
        correction, else on to the old parts or the appraisal; tell the chatter. One write
        per state and one batch of chatter notes, whatever the number of claims."""
        by_state = {}
        for claim in self:
            outcomes = set(claim.current_check_ids.mapped("outcome"))
            if "reject" in outcomes:
                state = "rejected"
            elif "return" in outcomes:
                state = "returned"
            elif claim.line_ids.filtered("old_part_required"):
                state = "waiting_parts"
            else:
                state = "appraisal"
            by_state.setdefault(state, []).append(claim.id)
        for state, ids in by_state.items():
            self.browse(ids).write({"state": state})
        self._post_check_summaries()

    def _post_check_summaries(self):
        """One internal note per claim with what its last submission's checks raised,
        logged in one batch (an internal note notifies no follower: the same note as
        ``message_post`` would write, without its per-message recipient queries)."""
        outcomes = dict(
            self.env["aftersales.claim.check.result"]
            ._fields["outcome"]
            ._description_selection(self.env)
        )
        bodies = {}
        for claim in self:
            failed = claim.current_check_ids.filtered(lambda r: r.outcome != "pass")
            items = Markup("").join(
                Markup("<li>%s — %s: %s</li>")
                % (outcomes[result.outcome], result.rule_id.name, escape(result.message or ""))
                for result in failed
            )
            body = _(
                "Submission %(version)s checked: %(count)s of %(total)s checks raised something.",
                version=claim.version,
                count=len(failed),
                total=len(claim.current_check_ids),
            )
            bodies[claim.id] = (
                Markup("<p>%s</p><ul>%s</ul>") % (body, items) if failed else escape(body)
            )
        self._message_log_batch(bodies)

    def action_clear_reviews(self):
        """A warranty technician clears the manual reviews of the last submission."""
        if not self.env.user.has_group("aftersales_service.group_aftersales_technician"):
            raise UserError(_("Only a warranty technician clears a manual review."))
        pending = self.current_check_ids.filtered(
            lambda r: r.outcome == "manual" and not r.cleared_by
        )
        without_note = pending.filtered(lambda r: not r.cleared_note)
        if without_note:
            raise UserError(
                _(
                    "Write why the review of %(checks)s is cleared.",
                    checks=", ".join(without_note.mapped("rule_id.name")),
                )
            )
        pending.write({"cleared_by": self.env.uid})
