# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    aftersales_sign_on_delivery = fields.Boolean(
        "Signed on Delivery",
        help="The receiving service point signs each transfer of this operation (网点补货) "
        "before it is validated.",
    )
