# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AftersalesClaimSettlementLine(models.Model):
    """One approved claim paid by a settlement, or a deduction found after an earlier
    settlement carried into this one (二次抵扣, a negative amount)."""

    _name = "aftersales.claim.settlement.line"
    _description = "三包 Claim Settlement Line"
    _order = "settlement_id, kind, id"

    settlement_id = fields.Many2one(
        "aftersales.claim.settlement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="settlement_id.company_id", store=True)
    # computed rather than related: for a related currency, Monetary's insert builds a new
    # record per amount to round it (1.4 of the 2.3 s of building 5,000 lines); the amounts
    # come already rounded from the claims and deductions
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    kind = fields.Selection(
        [("claim", "Claim"), ("deduction", "Carried Deduction")], required=True, default="claim"
    )
    claim_id = fields.Many2one("aftersales.claim", index=True, readonly=True)
    deduction_id = fields.Many2one("aftersales.claim.deduction", index=True, readonly=True)
    name = fields.Char("Description", required=True)
    amount_claimed = fields.Monetary("Claimed", readonly=True)
    amount = fields.Monetary(required=True, readonly=True)

    @api.depends("settlement_id.currency_id")
    def _compute_currency_id(self):
        for line in self:
            line.currency_id = line.settlement_id.currency_id

    def _account(self, expense):
        """The account the line is booked to: the 三包 expense."""
        return expense

    def _taxes(self, tax):
        """The taxes of the line on a dealer's bill."""
        return tax

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.settlement_id._ensure_editable()
        return lines

    def write(self, vals):
        self.settlement_id._ensure_editable()
        return super().write(vals)

    def unlink(self):
        self.settlement_id._ensure_editable()
        self.claim_id.sudo().write({"settlement_id": False})
        self.deduction_id.write({"settlement_line_id": False})
        return super().unlink()
