# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesClaim(models.Model):
    """The product model of the claimed unit, stored: the quality figures and warnings
    group claims by it."""

    _inherit = "aftersales.claim"

    product_tmpl_id = fields.Many2one(
        related="lot_id.product_id.product_tmpl_id",
        string="Product Model",
        store=True,
        index="btree_not_null",
    )
