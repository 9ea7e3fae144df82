# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    """A discontinued model (淘汰机型): the date its production stopped. Its service parts
    (服务配件清单) stay supplied for the company's parts-supply guarantee after that date."""

    _inherit = "product.template"

    aftersales_production_end_date = fields.Date(
        "Production Stopped",
        tracking=True,
        help="The date the production of this model stopped: its parts must stay "
        "available for the company's parts-supply guarantee after it (淘汰配件).",
    )
