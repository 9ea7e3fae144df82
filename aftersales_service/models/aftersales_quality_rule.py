# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..report.aftersales_claim_rate import COUNTED_CLAIM_STATES

#: window -> days looked back from today
QUALITY_WINDOWS = {"month": 30, "quarter": 91, "year": 365}
QUALITY_SEVERITIES = [
    ("notice", "Notice"),
    ("serious", "Serious"),
    ("critical", "Critical"),
]


class AftersalesQualityRule(models.Model):
    """A 质量预警规则: a problem that recurs on a product model more often than the rule
    allows within its window raises a 质量预警.

    The problem is a fault code on a model, or, when the rule names a part, that part
    failing (a causal part line) on a model. The occurrences are the counted claims (filed,
    not rejected or cancelled; as the claim rate counts them) whose fault date falls in the
    window, after the last warning of the same problem was closed. A rule fires on a count
    (at least N occurrences) or on a rate (at least X occurrences per 1,000 units of the
    model in service), or on either when both are set."""

    _name = "aftersales.quality.rule"
    _description = "Quality Warning Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    product_tmpl_id = fields.Many2one(
        "product.template", "Product Model", help="Empty: every model (of the category)."
    )
    categ_id = fields.Many2one(
        "product.category", "Product Category", help="Empty: every category."
    )
    fault_code_id = fields.Many2one(
        "aftersales.fault.code", check_company=True, help="Empty: every fault."
    )
    part_id = fields.Many2one(
        "product.product",
        help="Set: the rule watches this part failing (a causal part line of the claims), "
        "whatever the fault code.",
    )
    window = fields.Selection(
        [("month", "Within a Month"), ("quarter", "Within a Quarter"), ("year", "Within a Year")],
        required=True,
        default="month",
        help="The occurrences counted: the last 30, 91 or 365 days.",
    )
    min_occurrences = fields.Integer(
        "At Least (Occurrences)", default=3, help="0: the count does not fire the rule."
    )
    min_rate = fields.Float(
        "At Least (per 1,000 Units in Service)",
        digits=(16, 2),
        help="0: the rate does not fire the rule. Units in service: sold, not returned.",
    )
    severity = fields.Selection(QUALITY_SEVERITIES, required=True, default="notice")
    urgent = fields.Boolean(
        help="The quality report is due in the urgent hours (3 working hours) instead of "
        "the report days (4 working days)."
    )
    user_id = fields.Many2one(
        "res.users",
        "Technical Support",
        domain="[('share', '=', False)]",
        help="Who analyses the warnings of this rule (技术支持); empty: the first after-sales "
        "manager.",
    )
    warning_ids = fields.One2many("aftersales.quality.warning", "rule_id", "Warnings")

    @api.constrains("min_occurrences", "min_rate")
    def _check_thresholds(self):
        for rule in self:
            if rule.min_occurrences < 0 or rule.min_rate < 0:
                raise ValidationError(_("A quality warning rule cannot have a negative threshold."))
            if not rule.min_occurrences and not rule.min_rate:
                raise ValidationError(
                    _(
                        "Quality warning rule %(rule)s needs a threshold: at least N occurrences, "
                        "or a rate per 1,000 units in service.",
                        rule=rule.name,
                    )
                )

    # ------------------------------------------------------------------
    # What the rule sees
    # ------------------------------------------------------------------
    def _window_start(self, today):
        return today - timedelta(days=QUALITY_WINDOWS[self.window] - 1)

    def _claim_domain(self, today):
        """The counted claims of the rule's scope with a fault in its window."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "in", COUNTED_CLAIM_STATES),
            ("repair_start", ">=", self._window_start(today)),
            ("repair_start", "<=", today),
            ("product_tmpl_id", "!=", False),
        ]
        if self.product_tmpl_id:
            domain.append(("product_tmpl_id", "=", self.product_tmpl_id.id))
        if self.categ_id:
            domain.append(("product_tmpl_id.categ_id", "child_of", self.categ_id.id))
        if self.part_id:
            domain += [
                ("line_ids.product_id", "=", self.part_id.id),
                ("line_ids.part_role", "=", "causal"),
            ]
        else:
            domain.append(("fault_code_id", "!=", False))
            if self.fault_code_id:
                domain.append(("fault_code_id", "=", self.fault_code_id.id))
        return domain

    def _problems(self, today):
        """{(model, fault code or False): claims} in the window, per problem the rule
        watches (a part rule has one problem per model)."""
        self.ensure_one()
        groupby = ["product_tmpl_id"] if self.part_id else ["product_tmpl_id", "fault_code_id"]
        Claim = self.env["aftersales.claim"]
        problems = {}
        for *keys, claims in Claim._read_group(
            self._claim_domain(today), groupby, ["id:recordset"]
        ):
            model, fault = (keys[0], keys[1]) if len(keys) == 2 else (keys[0], Claim.fault_code_id)
            problems[(model, fault)] = claims
        return problems

    def _units_in_service(self, models):
        """{model: units sold and not returned}, for the rate."""
        groups = self.env["stock.lot"]._read_group(
            [
                ("product_id.product_tmpl_id", "in", models.ids),
                ("sale_date", "!=", False),
                ("returned_date", "=", False),
            ],
            ["product_id"],
            ["__count"],
        )
        units = dict.fromkeys(models, 0)
        for product, count in groups:
            units[product.product_tmpl_id] += count
        return units

    def _fires(self, occurrences, units):
        """True when ``occurrences`` out of ``units`` in service reach a threshold."""
        self.ensure_one()
        if self.min_occurrences and occurrences >= self.min_occurrences:
            return True
        return bool(self.min_rate and units and occurrences * 1000.0 / units >= self.min_rate)
