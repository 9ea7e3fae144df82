# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_factory_repair_days = fields.Integer(
        related="company_id.aftersales_factory_repair_days", readonly=False
    )
