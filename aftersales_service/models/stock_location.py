# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    aftersales_point_ids = fields.One2many(
        "res.partner",
        "aftersales_stock_location_id",
        "Service Point",
        help="The service point whose parts this location holds.",
    )
