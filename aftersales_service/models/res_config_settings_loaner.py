# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_loaner_days = fields.Integer(
        related="company_id.aftersales_loaner_days", readonly=False
    )
    aftersales_loaner_hours = fields.Integer(
        related="company_id.aftersales_loaner_hours", readonly=False
    )
    aftersales_spare_car_days = fields.Integer(
        related="company_id.aftersales_spare_car_days", readonly=False
    )
