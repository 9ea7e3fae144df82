# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import formatLang

BREACHES = [
    ("callback_late", "Callback Deadline Breached"),
    ("onsite_late", "On-Site Deadline Breached"),
    ("old_part_late", "Old Part Not Returned in Time"),
    ("false_claim", "Claim Rejected as False"),
    ("complaint_upheld", "Complaint Upheld"),
    ("manual", "Manual"),
]
AMOUNT_TYPES = [
    ("fixed", "Fixed Amount"),
    ("per_hour", "Per Working Hour Late"),
    ("line_amount", "The Claim Line's Amount"),
    ("percent", "Percentage of the Claim"),
]
#: the amount types each breach can use
BREACH_AMOUNT_TYPES = {
    "callback_late": ("fixed", "per_hour"),
    "onsite_late": ("fixed", "per_hour"),
    "old_part_late": ("fixed", "line_amount"),
    "false_claim": ("fixed", "percent"),
    "complaint_upheld": ("fixed",),
    "manual": ("fixed",),
}


class AftersalesPenaltyRule(models.Model):
    """What a breach costs the dealer responsible (扣款规则): the monthly cron turns every
    breach of an active rule into one draft deduction for the manager to approve or waive
    (``aftersales_penalty_rule_breaches.py`` finds them)."""

    _name = "aftersales.penalty.rule"
    _description = "Penalty Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    breach = fields.Selection(BREACHES, required=True, default="manual")
    amount_type = fields.Selection(AMOUNT_TYPES, required=True, default="fixed")
    amount = fields.Monetary(
        help="Fixed amount: what one breach costs. Per working hour late: the amount of "
        "each hour past the deadline."
    )
    percent = fields.Float(help="Percentage of the claim: the share of the claimed amount.")
    note = fields.Text(
        translate=True, help="The clause of the service agreement, shown on the deduction notice."
    )

    @api.constrains("breach", "amount_type", "amount", "percent")
    def _check_amount(self):
        labels = dict(self._fields["amount_type"]._description_selection(self.env))
        for rule in self:
            if rule.amount_type not in BREACH_AMOUNT_TYPES[rule.breach]:
                raise ValidationError(
                    _(
                        "%(rule)s cannot use %(type)s: choose %(allowed)s.",
                        rule=rule.name,
                        type=labels[rule.amount_type],
                        allowed=" / ".join(labels[t] for t in BREACH_AMOUNT_TYPES[rule.breach]),
                    )
                )
            if rule.currency_id.compare_amounts(rule.amount, 0) < 0 or rule.percent < 0:
                raise ValidationError(
                    _("The amount of %(rule)s cannot be negative.", rule=rule.name)
                )

    def _deduction_amount(self, basis):
        """What one breach costs: ``basis`` is the hours late, the claim line's amount or
        the claim's amount, as the amount type needs."""
        self.ensure_one()
        currency = self.currency_id
        if self.amount_type == "per_hour":
            return currency.round(self.amount * basis)
        if self.amount_type == "line_amount":
            return currency.round(basis)
        if self.amount_type == "percent":
            return currency.round(basis * self.percent / 100)
        return self.amount

    def _explain(self, basis):
        """How the amount was computed, in the user's words (for the deduction's reason)."""
        money = self._format
        amount = self._deduction_amount(basis)
        if self.amount_type == "per_hour":
            return _(
                "%(hours).1f working hours late × %(rate)s = %(amount)s",
                hours=basis,
                rate=money(self.amount),
                amount=money(amount),
            )
        if self.amount_type == "percent":
            percent = f"{self.percent:g}"
            return _(
                "%(percent)s %% of %(claimed)s = %(amount)s",
                percent=percent,
                claimed=money(basis),
                amount=money(amount),
            )
        return money(amount)

    def _format(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)
