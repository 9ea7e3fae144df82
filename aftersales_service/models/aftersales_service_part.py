# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesServicePart(models.Model):
    """A part of a product's service-part list (服务配件清单): the parts a 三包 claim may
    replace on that product, and how many one unit holds."""

    _name = "aftersales.service.part"
    _description = "Service Part of a Product"
    _order = "product_tmpl_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    product_tmpl_id = fields.Many2one(
        "product.template", "Product", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="product_tmpl_id.company_id", store=True)
    part_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        domain="[('aftersales_is_spare_part', '=', True)]",
    )
    quantity = fields.Float(
        "Quantity per Unit", default=1.0, required=True, digits="Product Unit of Measure"
    )

    _sql_constraints = [  # noqa: RUF012
        (
            "part_uniq",
            "unique(product_tmpl_id, part_id)",
            "A part is listed once per product.",
        ),
    ]

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(
                    _(
                        "%(part)s: the quantity per unit must be positive.",
                        part=line.part_id.display_name,
                    )
                )
