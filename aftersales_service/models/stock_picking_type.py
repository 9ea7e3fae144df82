# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    aftersales_operation = fields.Boolean(
        "After-Sales Operation",
        help="An operation of the new- and old-part stores "
        "(旧件回收, 旧件鉴定, 旧件返供应商, 旧件报废).",
    )
