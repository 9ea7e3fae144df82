# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesClaimRejectReason(models.Model):
    """Why a claim line is not (fully) approved: a list the technicians choose from."""

    _name = "aftersales.claim.reject.reason"
    _description = "Claim Rejection Reason"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    false_claim = fields.Boolean(
        help="A claim rejected for this reason was false (虚假索赔): the false-claim penalty "
        "rule deducts from the dealer's deposit."
    )
    misjudged = fields.Boolean(
        help="The part was fine: the supplier is not at fault, supplier recovery skips the line."
    )
