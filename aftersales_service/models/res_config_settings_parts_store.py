# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_parts_guarantee_years = fields.Integer(
        related="company_id.aftersales_parts_guarantee_years", readonly=False
    )
