# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .product_category import PART_CLASSES


class StockLocation(models.Model):
    _inherit = "stock.location"

    aftersales_part_class = fields.Selection(
        PART_CLASSES,
        "Part Class",
        help="The bin of the new-part store receiving this class of parts.",
    )
