# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesWarrantyPolicyPart(models.Model):
    _name = "aftersales.warranty.policy.part"
    _description = "Warranty Policy Part Period"
    _order = "policy_id, sequence, id"

    sequence = fields.Integer(default=10)
    policy_id = fields.Many2one(
        "aftersales.warranty.policy", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one(
        "product.product", "Part", help="The part; leave empty to cover a whole category."
    )
    categ_id = fields.Many2one(
        "product.category", "Part Category", help="Parts of this category and its sub-categories."
    )
    months = fields.Integer("Period (months)", required=True)
    usage_limit = fields.Float(help="The part's period also ends at this reading (0: none).")
    is_main_part = fields.Boolean(
        "Main Part", help="主要部件: listed on the 三包 voucher; opens main-part rules."
    )

    @api.constrains("product_id", "categ_id", "months", "usage_limit")
    def _check_part(self):
        for line in self:
            if not (line.product_id or line.categ_id):
                raise ValidationError(_("A part period needs a part or a part category."))
            if line.months < 0 or line.usage_limit < 0:
                raise ValidationError(_("A part period cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.policy_id._check_no_sold_units()
        return lines

    def write(self, vals):
        self.policy_id._check_no_sold_units()
        return super().write(vals)

    def unlink(self):
        self.policy_id._check_no_sold_units()
        return super().unlink()
