# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    aftersales_is_spare_part = fields.Boolean(
        "Spare Part",
        help="A part kept in the after-sales stores and fitted by technicians (配件).",
    )
    aftersales_old_part_required = fields.Boolean(
        "Old Part Returned on Claims",
        help="A claim for this part is approved only when the faulty part comes back (旧件返回).",
    )
    aftersales_service_part_ids = fields.One2many(
        "aftersales.service.part",
        "product_tmpl_id",
        "Service Parts",
        help="The parts a 三包 claim may replace on this product, with the quantity one "
        "unit holds. Empty: any part.",
    )
