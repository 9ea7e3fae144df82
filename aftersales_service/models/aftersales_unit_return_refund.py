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
        "How It Is Computed",
        compute="_compute_refund_formula",
        help="Each figure of the refund with its formula, in the reader's language.",
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
        for order in self.filtered(lambda order: order.state in (False, "draft")):
            if not order._is_refund_computable():
                order.update(
                    {
                        "refund_days_of_use": 0,
                        "refund_repair_days": 0,
                        "refund_in_window": False,
                        "refund_deduction": 0.0,
                        "refund_amount": 0.0,
                    }
                )
                continue
            unit = order.lot_id._origin
            repair_days = engine._repair_history(unit, order.return_date)[unit.id]["days_total"]
            order.update(order._refund_figures(repair_days))

    def _is_refund_computable(self):
        return self.kind == "refund" and bool(self.lot_id.sale_date and self.return_date)

    def _refund_figures(self, repair_days):
        """The refund's figures, by the policy's method."""
        self.ensure_one()
        policy, sold, returned = self.policy_id, self.lot_id.sale_date, self.return_date
        price, rnd = self.price, self.currency_id.round
        days_of_use = max((returned - sold).days - repair_days, 0)
        in_window = bool(policy.refund_days) and returned <= sold + timedelta(
            days=policy.refund_days
        )
        if in_window:
            deduction = 0.0
        elif policy.refund_method == "depreciation":
            deduction = rnd(price * policy.depreciation_rate / 100 * days_of_use)
        elif policy.refund_method == "use_fee":
            deduction = rnd(price * self.usage_reading / 1000 * policy.use_fee_rate / 100)
        else:
            deduction = 0.0
        deduction = min(deduction, price)
        return {
            "refund_days_of_use": days_of_use,
            "refund_repair_days": repair_days,
            "refund_in_window": in_window,
            "refund_deduction": deduction,
            "refund_amount": rnd(price - deduction),
        }

    @api.depends(
        "refund_amount", "refund_deduction", "refund_days_of_use", "refund_in_window", "price"
    )
    def _compute_refund_formula(self):
        for order in self:
            lines = order._refund_formula_lines() if order._is_refund_computable() else []
            order.refund_formula = "\n".join(lines) or False

    def _refund_formula_lines(self):
        """The lines of the formula, from the stored figures."""
        self.ensure_one()
        env, policy = self.env, self.policy_id
        sold, returned = self.lot_id.sale_date, self.return_date
        lines = [
            env._(
                "Days of use: %(returned)s − %(sold)s = %(days)s days, less %(repair)s days "
                "in repair = %(use)s days",
                returned=format_date(env, returned),
                sold=format_date(env, sold),
                days=max((returned - sold).days, 0),
                repair=self.refund_repair_days,
                use=self.refund_days_of_use,
            )
        ]
        if self.refund_in_window:
            lines.append(
                env._(
                    "Returned within the %(days)s-day refund window: the full price",
                    days=policy.refund_days,
                )
            )
        elif policy.refund_method == "depreciation":
            lines.append(
                env._(
                    "Depreciation: %(price)s × %(rate)s %% × %(days)s days = %(amount)s",
                    price=self._money(self.price),
                    rate=policy.depreciation_rate,
                    days=self.refund_days_of_use,
                    amount=self._money(self.refund_deduction),
                )
            )
        elif policy.refund_method == "use_fee":
            lines.append(
                env._(
                    "Reasonable-use fee: %(price)s × %(km)s km ÷ 1,000 × %(rate)s %% = %(amount)s",
                    price=self._money(self.price),
                    km=formatLang(env, self.usage_reading, digits=0),
                    rate=policy.use_fee_rate,
                    amount=self._money(self.refund_deduction),
                )
            )
        lines.append(
            env._(
                "Refund: %(price)s − %(deduction)s = %(refund)s",
                price=self._money(self.price),
                deduction=self._money(self.refund_deduction),
                refund=self._money(self.refund_amount),
            )
        )
        return lines

    def _money(self, amount):
        return formatLang(self.env, amount, digits=self.currency_id.decimal_places)
