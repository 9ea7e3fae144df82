# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_urgent_answer_hours = fields.Float(
        related="company_id.aftersales_urgent_answer_hours", readonly=False
    )
    aftersales_scarce_answer_days = fields.Float(
        related="company_id.aftersales_scarce_answer_days", readonly=False
    )
