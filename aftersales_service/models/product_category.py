# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

PART_CLASSES = [
    ("transfer", "Transfer Part"),
    ("warranty", "Warranty Part"),
    ("wear", "Wear Part"),
    ("packaging", "Packaging"),
]


class ProductCategory(models.Model):
    """The classes of the after-sales parts store (调拨件, 三包件, 易损件, 包装物) are
    product categories: each keeps its own removal strategy and costing, and the
    store's reports group by it."""

    _inherit = "product.category"

    aftersales_part_class = fields.Selection(
        PART_CLASSES,
        "Part Class",
        compute="_compute_aftersales_part_class",
        store=True,
        recursive=True,
        readonly=False,
        help="The class of the after-sales parts store this category holds; a subcategory "
        "inherits its parent's class.",
    )

    @api.depends("parent_id.aftersales_part_class")
    def _compute_aftersales_part_class(self):
        for category in self:
            if category.parent_id.aftersales_part_class:
                category.aftersales_part_class = category.parent_id.aftersales_part_class
            elif not category.aftersales_part_class:
                category.aftersales_part_class = False

    @api.model
    def _aftersales_class_category(self, part_class):
        """The top category of a part class (a subcategory inherits it)."""
        categories = self.search([("aftersales_part_class", "=", part_class)], order="id")
        return categories.filtered(
            lambda category: category.parent_id.aftersales_part_class != part_class
        )[:1]
