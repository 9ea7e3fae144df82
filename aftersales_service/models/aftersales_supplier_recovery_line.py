# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools.misc import formatLang


class AftersalesSupplierRecoveryLine(models.Model):
    """What one causal part of one claim costs its supplier, and how it was computed."""

    _name = "aftersales.supplier.recovery.line"
    _description = "Supplier Recovery Line"
    _order = "recovery_id, id"

    recovery_id = fields.Many2one(
        "aftersales.supplier.recovery", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="recovery_id.company_id", store=True)
    currency_id = fields.Many2one(related="recovery_id.currency_id")
    claim_line_id = fields.Many2one(
        "aftersales.claim.line", "Causal Part", required=True, index=True, readonly=True
    )
    claim_id = fields.Many2one(related="claim_line_id.claim_id", store=True)
    product_id = fields.Many2one(related="claim_line_id.product_id", string="Product")
    part_amount = fields.Monetary("Part", readonly=True)
    labour_amount = fields.Monetary("Labour", readonly=True)
    consequential_amount = fields.Monetary("Consequential Parts", readonly=True)
    travel_amount = fields.Monetary("Travel", readonly=True)
    fee_amount = fields.Monetary("Fee", readonly=True)
    amount = fields.Monetary("Recoverable", readonly=True)
    amount_accepted = fields.Monetary("Accepted")
    explanation = fields.Char("Computed As", readonly=True)

    def _vals_for(self, claim_line, agreement):
        """The amounts of ``claim_line`` under ``agreement``: part × coefficient + its
        labour × coefficient + its consequential parts + the travel share + the fee,
        capped per claim. The claim's labour, consequential parts and travel are shared
        by its causal parts of suppliers."""
        claim = claim_line.claim_id
        causal = claim.line_ids.filtered(lambda line: line._recoverable_from_supplier())
        share = 1.0 / (len(causal) or 1)
        if agreement.price_basis == "cost":
            basis = claim_line.product_id.standard_price * claim_line.quantity
        else:
            basis = claim_line.amount_approved
        approved = claim.line_ids.filtered(lambda line: line.appraisal in ("approved", "partial"))
        labour = sum(
            approved.filtered(lambda line: line.line_type == "labour").mapped("amount_approved")
        )
        consequential = sum(
            approved.filtered(
                lambda line: line.line_type == "part" and line.part_role == "consequential"
            ).mapped("amount_approved")
        )
        travel = sum(
            approved.filtered(lambda line: line.line_type == "travel").mapped("amount_approved")
        )
        currency = claim.currency_id
        values = {
            "part_amount": currency.round(basis * agreement.part_coefficient),
            "labour_amount": currency.round(labour * share * agreement.labour_coefficient),
            "consequential_amount": currency.round(consequential * share),
            "travel_amount": currency.round(travel * share * agreement.travel_share / 100),
            "fee_amount": currency.round(agreement.fee_per_part * claim_line.quantity),
        }
        total = sum(values.values())
        capped = (
            agreement.cap_per_claim and currency.compare_amounts(total, agreement.cap_per_claim) > 0
        )
        amount = agreement.cap_per_claim if capped else total
        explanation = (
            " + ".join(
                [
                    f"{formatLang(self.env, basis)} × {agreement.part_coefficient:g}",
                    f"{formatLang(self.env, labour * share)} × {agreement.labour_coefficient:g}",
                    formatLang(self.env, values["consequential_amount"]),
                    formatLang(self.env, values["travel_amount"]),
                    formatLang(self.env, values["fee_amount"]),
                ]
            )
            + f" = {formatLang(self.env, total)}"
        )
        if capped:
            explanation += f" → {formatLang(self.env, amount)}"
        return {
            **values,
            "claim_line_id": claim_line.id,
            "amount": amount,
            "amount_accepted": amount,
            "explanation": explanation,
        }
