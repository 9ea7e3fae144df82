# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: the legal range of the family-car use-fee coefficient n, in % (43号令 第三十二条)
USE_FEE_RANGE = (0.5, 0.8)

REFUND_METHODS = [
    ("depreciation", "Price less depreciation (household goods)"),
    ("use_fee", "Price less the reasonable-use fee (family cars)"),
    ("full", "Full price"),
]


class AftersalesWarrantyPolicy(models.Model):
    """What a refund in the 三包 period pays back (退货金额): the regulation's formulas and
    their figures. The computation itself is on the exchange / refund order
    (``aftersales_unit_return_refund.py``)."""

    _inherit = "aftersales.warranty.policy"

    refund_method = fields.Selection(
        REFUND_METHODS,
        default="depreciation",
        required=True,
        tracking=True,
        help="After the refund window, what the customer gets back: household goods the "
        "price less depreciation for the days of use (days in repair not counted); family "
        "cars the price less the reasonable-use fee for the kilometres driven. Within the "
        "refund window always the full price.",
    )
    depreciation_rate = fields.Float(
        "Daily Depreciation Rate (%)",
        default=0.1,
        digits=(6, 3),
        aggregator=None,
        tracking=True,
        help="Per day of use, in % of the price (the catalogue: 0.05 %–0.1 %).",
    )
    use_fee_rate = fields.Float(
        "Use Fee Coefficient n (%)",
        default=0.5,
        digits=(6, 3),
        aggregator=None,
        tracking=True,
        help="The reasonable-use fee is price × km ÷ 1,000 × n; the maker sets n between "
        "0.5 % and 0.8 %.",
    )

    @api.constrains("refund_method", "depreciation_rate", "use_fee_rate")
    def _check_refund_rates(self):
        low, high = USE_FEE_RANGE
        for policy in self:
            if not 0 <= policy.depreciation_rate <= 100:
                raise ValidationError(
                    _(
                        "Policy %(policy)s: the daily depreciation rate is a percentage "
                        "between 0 and 100.",
                        policy=policy.display_name,
                    )
                )
            if policy.refund_method == "use_fee" and not low <= policy.use_fee_rate <= high:
                raise ValidationError(
                    _(
                        "Policy %(policy)s: the use fee coefficient n must lie between "
                        "%(low)s %% and %(high)s %% (the family-car rules).",
                        policy=policy.display_name,
                        low=low,
                        high=high,
                    )
                )
