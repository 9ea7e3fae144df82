# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

CLAIM_KINDS = [
    ("warranty", "三包 Repair"),
    ("goodwill", "Goodwill Repair"),
    ("campaign", "Recall or Service Campaign"),
    ("pdi", "Pre-Delivery Inspection"),
    ("first_service", "First Free Maintenance"),
    ("exchange_offset", "三包冲账 (Exchange or Refund by a Dealer)"),
]


class AftersalesClaimType(models.Model):
    """What a claim is for: its kind decides which checks apply (goodwill needs a
    pre-authorisation, a campaign its list of serials, a PDI an unsold unit...)."""

    _name = "aftersales.claim.type"
    _description = "Claim Type"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(CLAIM_KINDS, required=True, default="warranty")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    preauth_amount = fields.Monetary(
        "Pre-Authorisation Above",
        help="A claim of this type above this amount needs an approved pre-authorisation "
        "(goodwill: any amount when 0).",
    )
    first_service_days = fields.Integer(
        "First Maintenance Window (Days)",
        help="First free maintenance: within these days of the sale.",
    )
    note = fields.Text()

    _sql_constraints = [  # noqa: RUF012
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A claim type with this name already exists in this company.",
        ),
    ]
