# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: the parts-supply guarantee after a model's production stopped, in years
GUARANTEE_YEARS = (3, 5)


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_parts_guarantee_years = fields.Integer(
        "Parts-Supply Guarantee (Years)",
        default=5,
        help="How many years after a model's production stopped its parts stay supplied (3 to 5).",
    )

    @api.constrains("aftersales_parts_guarantee_years")
    def _check_aftersales_parts_guarantee_years(self):
        low, high = GUARANTEE_YEARS
        for company in self:
            if not low <= company.aftersales_parts_guarantee_years <= high:
                raise ValidationError(
                    _(
                        "The parts-supply guarantee is %(low)s to %(high)s years, not %(years)s.",
                        low=low,
                        high=high,
                        years=company.aftersales_parts_guarantee_years,
                    )
                )
