# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import format_date, formatLang


class AftersalesUnitReturn(models.Model):
    """The refund amount (退货金额), as the regulations compute it:

    - within the policy's refund window (days from the sale): the full price;
    - household goods later in the period: the price less depreciation,
      price × daily rate × (days from invoice to return − days in repair);
    - family cars: the price less the reasonable-use fee, price × km ÷ 1,000 × n.

    Each figure is shown with its formula; the amounts are frozen once approved."""

    _inherit = "aftersales.unit.return"

    refund_days_of_use = fields.Integer(
        "Days of Use",
        compute="_compute_refund",
        store=True,
        precompute=True,
        help="Days from the invoice to the return, less the days in repair.",
    )
    refund_repair_days = fields.Integer(
        "Days in Repair", compute="_compute_refund", store=True, precompute=True
    )
    refund_in_window = fields.Boolean(
        "Within the Refund Window", compute="_compute_refund", store=True, precompute=True
    )
    refund_deduction = fields.Monetary(
        "Depreciation / Use Fee",
        compute="_compute_refund",
        store=True,
        precompute=True,
        help="What the customer's use of the unit costs: depreciation for household goods, "
        "the reasonable-use fee for family cars.",
    )
    refund_amount = fields.Monetary(
        compute="_compute_refund",
        store=True,
        precompute=True,
        tracking=True,
        help="What the customer gets back.",
    )
    refund_formula = fields.Text(
        "How It Is Computed", compute="_compute_refund", store=True, precompute=True
    )

    @api.depends(
        "kind",
        "state",
        "price",
        "return_date",
        "usage_reading",
        "lot_id.sale_date",
        "lot_id.repair_days_total",
        "lot_id.warranty_policy_id.refund_days",
        "lot_id.warranty_policy_id.refund_method",
        "lot_id.warranty_policy_id.depreciation_rate",
        "lot_id.warranty_policy_id.use_fee_rate",
    )
    def _compute_refund(self):
        engine = self.env["aftersales.entitlement"]
        to_compute = self.filtered(lambda order: order.state in (False, "draft"))
        for order in to_compute:
            if order.kind != "refund" or not (order.lot_id.sale_date and order.return_date):
                order.update(
                    {
                        "refund_days_of_use": 0,
                        "refund_repair_days": 0,
                        "refund_in_window": False,
                        "refund_deduction": 0.0,
                        "refund_amount": 0.0,
                        "refund_formula": False,
                    }
                )
                continue
            unit = order.lot_id._origin
            repair_days = engine._repair_history(unit, order.return_date)[unit.id]["days_total"]
            order.update(order._refund_figures(repair_days))

    def _refund_figures(self, repair_days):
        """The refund's figures and the lines of its formula."""
        self.ensure_one()
        policy, sold, returned = self.policy_id, self.lot_id.sale_date, self.return_date
        price, rnd = self.price, self.currency_id.round
        days = max((returned - sold).days, 0)
        days_of_use = max(days - repair_days, 0)
        lines = [
            self.env._(
                "Days of use: %(returned)s − %(sold)s = %(days)s days, less %(repair)s days "
                "in repair = %(use)s days",
                returned=format_date(self.env, returned),
                sold=format_date(self.env, sold),
                days=days,
                repair=repair_days,
                use=days_of_use,
            )
        ]
        in_window = bool(policy.refund_days) and returned <= sold + timedelta(
            days=policy.refund_days
        )
        method = policy.refund_method or "full"
        if in_window:
            deduction = 0.0
            lines.append(
                self.env._(
                    "Returned within the %(days)s-day refund window: the full price",
                    days=policy.refund_days,
                )
            )
        elif method == "depreciation":
            deduction = rnd(price * policy.depreciation_rate / 100 * days_of_use)
            lines.append(
                self.env._(
                    "Depreciation: %(price)s × %(rate)s %% × %(days)s days = %(amount)s",
                    price=self._money(price),
                    rate=policy.depreciation_rate,
                    days=days_of_use,
                    amount=self._money(deduction),
                )
            )
        elif method == "use_fee":
            deduction = rnd(price * self.usage_reading / 1000 * policy.use_fee_rate / 100)
            lines.append(
                self.env._(
                    "Reasonable-use fee: %(price)s × %(km)s km ÷ 1,000 × %(rate)s %% = %(amount)s",
                    price=self._money(price),
                    km=formatLang(self.env, self.usage_reading, digits=0),
                    rate=policy.use_fee_rate,
                    amount=self._money(deduction),
                )
            )
        else:
            deduction = 0.0
        deduction = min(deduction, price)
        refund = rnd(price - deduction)
        lines.append(
            self.env._(
                "Refund: %(price)s − %(deduction)s = %(refund)s",
                price=self._money(price),
                deduction=self._money(deduction),
                refund=self._money(refund),
            )
        )
        return {
            "refund_days_of_use": days_of_use,
            "refund_repair_days": repair_days,
            "refund_in_window": in_window,
            "refund_deduction": deduction,
            "refund_amount": refund,
            "refund_formula": "\n".join(lines),
        }

    def _money(self, amount):
        return formatLang(self.env, amount, digits=self.currency_id.decimal_places)
