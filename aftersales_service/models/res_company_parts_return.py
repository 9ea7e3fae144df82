# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    """Dealers' returns of parts: goods delivered longer ago than two seasons are
    deemed sold and come back no more; the freight of a return is charged through
    the freight service product."""

    _inherit = "res.company"

    aftersales_return_max_months = fields.Integer(
        "Dealer Returns Accepted For (Months)",
        default=6,
        help="Parts delivered to a dealer or service point longer ago than this many "
        "months are deemed sold (two seasons) and cannot be returned.",
    )
    aftersales_freight_product_id = fields.Many2one(
        "product.product",
        "Freight Product",
        domain=[("type", "=", "service")],
        default=lambda self: self.env.ref(
            "aftersales_service.product_aftersales_freight", raise_if_not_found=False
        ),
        help="The service that charges a return's freight to the dealer on the credit note.",
    )
