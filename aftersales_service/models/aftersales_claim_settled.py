# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models


class AftersalesClaim(models.Model):
    """What the settlement needs of a claim: when it was approved (in the company's
    local date) and the settlement that pays it."""

    _inherit = "aftersales.claim"

    approved_on = fields.Datetime(readonly=True, copy=False)
    approved_date = fields.Date(
        readonly=True,
        copy=False,
        index=True,
        help="The company's local date of the approval: the month it is settled in.",
    )
    # not tracked: the claim's chatter logs it settled when the settlement is posted
    settlement_id = fields.Many2one(
        "aftersales.claim.settlement", readonly=True, copy=False, index=True
    )
    deduction_ids = fields.One2many("aftersales.claim.deduction", "claim_id", "Deductions")

    def action_approve(self):
        result = super().action_approve()
        now = fields.Datetime.now()
        for company, claims in (
            self.filtered(lambda c: c.state == "approved").grouped("company_id").items()
        ):
            claims.write({"approved_on": now, "approved_date": company._aftersales_local_date(now)})
        return result

    def _fetch_for_settlement_lines(self):
        """What ``_settlement_line_vals`` reads, for all these claims at once: read claim
        by claim, each cache miss rescans the month's prefetch set (quadratic at 100,000
        claims)."""
        self.fetch(["name", "lot_id", "amount_claimed", "amount_approved"])
        self.lot_id.fetch(["name"])

    def _settlement_line_vals(self):
        self.ensure_one()
        return {
            "kind": "claim",
            "claim_id": self.id,
            "name": " ".join(filter(None, [self.name, self.lot_id.name])),
            "amount_claimed": self.amount_claimed,
            "amount": self.amount_approved,
        }

    def action_deduct_after_settlement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Deduction after Settlement"),
            "res_model": "aftersales.claim.deduction",
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_id": self.id},
        }
