# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_return_max_months = fields.Integer(
        related="company_id.aftersales_return_max_months", readonly=False
    )
    aftersales_freight_product_id = fields.Many2one(
        related="company_id.aftersales_freight_product_id", readonly=False
    )
