# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

#: fields that change what a sold unit is entitled to: once a policy version
#: covers sold units they are changed through a new version (action_new_version)
LEVER_FIELDS = {
    "product_category_ids",
    "product_ids",
    "version_date_from",
    "start_event",
    "refund_days",
    "refund_main_parts_only",
    "refund_days_after_exchange",
    "exchange_days",
    "sanbao_months",
    "sanbao_usage",
    "repair_months",
    "repair_usage",
    "usage_uom",
    "serious_fault_days",
    "serious_fault_usage",
    "serious_fault_remedy",
    "repeat_repair_count",
    "repeat_serious_only",
    "repeat_any_repair_count",
    "repair_days_limit",
    "repair_days_per_repair",
    "extend_by_repair_days",
    "restart_on_exchange",
    "registration_days",
    "holiday_rollover",
    "calendar_id",
    "part_ids",
    "company_id",
    "refund_method",
    "depreciation_rate",
    "use_fee_rate",
}

#: fields that decide which units a policy covers
SCOPE_FIELDS = {
    "product_category_ids",
    "product_ids",
    "version_date_from",
    "version_date_to",
    "company_id",
    "active",
}


#: days, months, usage and counts of a policy: none of them can be negative
COUNT_FIELDS = (
    "refund_days",
    "refund_days_after_exchange",
    "exchange_days",
    "sanbao_months",
    "sanbao_usage",
    "repair_months",
    "repair_usage",
    "serious_fault_days",
    "serious_fault_usage",
    "repeat_repair_count",
    "repeat_any_repair_count",
    "repair_days_limit",
    "registration_days",
)


class AftersalesWarrantyPolicy(models.Model):
    _name = "aftersales.warranty.policy"
    _description = "Warranty Policy"
    _inherit = "mail.thread"
    _order = "code, version_date_from desc, id desc"

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Stable code shared by every version of the policy.",
    )
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        tracking=True,
        help="Leave empty for a policy of every company.",
    )
    version_date_from = fields.Date(
        "Valid From",
        tracking=True,
        help="First sale date this version applies to (empty: since always).",
    )
    version_date_to = fields.Date(
        "Valid To",
        tracking=True,
        help="Last sale date this version applies to (empty: until further notice).",
    )
    # scope
    product_category_ids = fields.Many2many(
        "product.category",
        string="Product Categories",
        tracking=True,
        help="Products of these categories and their sub-categories.",
    )
    product_ids = fields.Many2many(
        "product.product",
        string="Products",
        tracking=True,
        help="Named products: a product named here takes this policy before a "
        "policy of its category.",
    )
    # start and windows
    start_event = fields.Selection(
        [
            ("sale", "Sale / invoice date"),
            ("installation", "Installation date"),
            ("acceptance", "Acceptance date"),
        ],
        required=True,
        default="sale",
        tracking=True,
        help="The day periods are counted from (that day itself is not counted).",
    )
    refund_days = fields.Integer(
        "Refund Window (days)",
        aggregator=None,
        tracking=True,
        help="A fault within these days: refund, exchange or repair (0: none).",
    )
    refund_main_parts_only = fields.Boolean(
        "Refund Only for Main Parts",
        tracking=True,
        help="The refund window applies only when a main part fails "
        "(family cars: engine, transmission, battery, motor).",
    )
    refund_days_after_exchange = fields.Integer(
        "Refund Window after Exchange (days)",
        aggregator=None,
        tracking=True,
        help="A replacement unit failing within these days of the exchange "
        "may be refunded (agricultural machinery: 15).",
    )
    exchange_days = fields.Integer(
        "Exchange Window (days)",
        aggregator=None,
        tracking=True,
        help="A fault within these days: exchange or repair (0: none).",
    )
    # periods
    sanbao_months = fields.Integer(
        "三包 Period (months)",
        aggregator=None,
        tracking=True,
        help="三包有效期: repair free of charge, exchange after repeated repairs.",
    )
    sanbao_usage = fields.Float(
        "三包 Usage Limit",
        aggregator=None,
        tracking=True,
        help="The 三包 period also ends at this reading, whichever comes first (0: none).",
    )
    repair_months = fields.Integer(
        "Repair Warranty (months)",
        aggregator=None,
        tracking=True,
        help="包修期: free repair only; may be longer than the 三包 period.",
    )
    repair_usage = fields.Float(
        "Repair Warranty Usage Limit",
        aggregator=None,
        tracking=True,
        help="The repair warranty also ends at this reading (0: none).",
    )
    usage_uom = fields.Selection(
        [("km", "Kilometres"), ("hour", "Engine hours")],
        "Usage Unit",
        tracking=True,
    )
    serious_fault_days = fields.Integer(
        "Serious Fault Window (days)",
        aggregator=None,
        tracking=True,
        help="A named serious fault within these days (cars: 60) gives the remedy below.",
    )
    serious_fault_usage = fields.Float(
        "Serious Fault Usage Limit",
        aggregator=None,
        tracking=True,
        help="...and within this reading (cars: 3,000 km; 0: none).",
    )
    serious_fault_remedy = fields.Selection(
        [("refund", "Refund"), ("exchange", "Exchange")],
        default="exchange",
        required=True,
        tracking=True,
    )
    serious_fault_names = fields.Text(
        "Named Serious Faults",
        translate=True,
        help="The faults the serious-fault rules apply to.",
    )
    # repeat rules
    repeat_repair_count = fields.Integer(
        "Exchange after Repairs of the Same Fault",
        aggregator=None,
        tracking=True,
        help="After this many repairs of the same fault in the 三包 period, the "
        "next failure gives an exchange (household goods: 2; 0: none).",
    )
    repeat_serious_only = fields.Boolean(
        "Only Serious Faults",
        tracking=True,
        help="Count only repairs of serious faults for the rule above (family cars).",
    )
    repeat_any_repair_count = fields.Integer(
        "Exchange after Repairs of Any Same Problem",
        aggregator=None,
        tracking=True,
        help="Second counter over every fault, serious or not (family cars 2021: 4; 0: none).",
    )
    repair_days_limit = fields.Integer(
        "Exchange after Days in Repair",
        aggregator=None,
        tracking=True,
        help="More days in repair than this in the 三包 period gives an exchange (0: none).",
    )
    repair_days_per_repair = fields.Boolean(
        "Days Counted per Repair",
        tracking=True,
        help="Apply the limit to each repair (not repaired within N days) "
        "instead of the total of all repairs.",
    )
    extend_by_repair_days = fields.Boolean(
        "Extend by Days in Repair",
        tracking=True,
        help="Days in repair are added to the periods.",
    )
    restart_on_exchange = fields.Boolean(
        "Exchange Restarts the Period",
        default=True,
        tracking=True,
        help="A replacement unit's periods start on the exchange day; "
        "otherwise it keeps the replaced unit's start.",
    )
    # registration and calendar
    registration_days = fields.Integer(
        "Registration Card Deadline (days)",
        aggregator=None,
        default=20,
        tracking=True,
        help="The 三包回执卡 is due within these days of the sale; a late card is "
        "a warning, not a loss of the consumer's rights.",
    )
    holiday_rollover = fields.Boolean(
        default=True,
        tracking=True,
        help="A period ending on a non-working day of the calendar ends on the "
        "next working day (民法典 第203条).",
    )
    calendar_id = fields.Many2one(
        "resource.calendar",
        "Working Calendar",
        default=lambda self: self.env.company.resource_calendar_id,
        tracking=True,
    )
    part_ids = fields.One2many(
        "aftersales.warranty.policy.part",
        "policy_id",
        "Part Periods",
        copy=True,
    )
    note = fields.Text(translate=True, help="Regulation and article numbers.")
    unit_count = fields.Integer("Units", compute="_compute_unit_count")

    _sql_constraints = [
        (
            "code_version_uniq",
            "unique(code, version_date_from, company_id)",
            "A policy code has one version per start date and company.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _compute_unit_count(self):
        counts = dict(
            self.env["stock.lot"]._read_group(
                [("warranty_policy_id", "in", self.ids)],
                ["warranty_policy_id"],
                ["__count"],
            )
        )
        for policy in self:
            policy.unit_count = counts.get(policy, 0)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("version_date_from", "version_date_to")
    def _check_version_dates(self):
        for policy in self:
            if (
                policy.version_date_from
                and policy.version_date_to
                and policy.version_date_to < policy.version_date_from
            ):
                raise ValidationError(
                    _(
                        "Policy %(name)s ends before it starts: its Valid To date must "
                        "be on or after its Valid From date.",
                        name=policy.display_name,
                    )
                )

    @api.constrains(*COUNT_FIELDS)
    def _check_non_negative(self):
        for policy in self:
            fields_ = self._fields
            negative = [
                fields_[name].get_description(self.env)["string"]
                for name in COUNT_FIELDS
                if policy[name] < 0
            ]
            if negative:
                raise ValidationError(
                    _(
                        "Policy %(name)s: these numbers cannot be negative: %(fields)s.",
                        name=policy.display_name,
                        fields=", ".join(negative),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        policies = super().create(vals_list)
        self._recompute_units(policies._covered_units())
        return policies

    def write(self, vals):
        if LEVER_FIELDS & set(vals):
            self._check_no_sold_units()
        units = self._covered_units() if SCOPE_FIELDS & set(vals) else None
        res = super().write(vals)
        if units is not None:
            self._recompute_units(units | self._covered_units())
        return res

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if not (default or {}).get("name"):
            for policy, vals in zip(self, vals_list, strict=True):
                vals["name"] = _("%(name)s (copy)", name=policy.name)
                vals.setdefault("code", _("%(code)s-copy", code=policy.code))
        return vals_list

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_new_version(self, date_from=None):
        """Copy the policy into a new version valid from ``date_from``
        (default today) and close this one the day before. Units sold before
        keep this version's numbers."""
        self.ensure_one()
        date_from = fields.Date.to_date(date_from) or fields.Date.context_today(self)
        later_units = self.env["stock.lot"].search_count(
            [("warranty_policy_id", "=", self.id), ("sale_date", ">=", date_from)]
        )
        if later_units or (self.version_date_from and date_from <= self.version_date_from):
            raise UserError(
                _(
                    "A new version of %(name)s cannot start on %(date)s: units were sold "
                    "under this version on or after that day, or this version starts "
                    "later. Choose a later start date.",
                    name=self.display_name,
                    date=date_from,
                )
            )
        new_policy = self.copy(
            {
                "name": self.name,
                "code": self.code,
                "version_date_from": date_from,
                "version_date_to": self.version_date_to,
            }
        )
        self.version_date_to = date_from - timedelta(days=1)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new_policy.id,
            "view_mode": "form",
        }

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "aftersales_service.aftersales_installed_unit_action"
        )
        action["domain"] = [("warranty_policy_id", "=", self.id)]
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_no_sold_units(self):
        policies = self.env["stock.lot"]._read_group(
            [("warranty_policy_id", "in", self.ids)], ["warranty_policy_id"]
        )
        if policies:
            raise UserError(
                _(
                    "Policy %(names)s already covers sold units: changing its rules would "
                    "rewrite their warranty. Use New Version to change the rules for units "
                    "sold from a given date.",
                    names=", ".join(policy.display_name for (policy,) in policies),
                )
            )

    def _covered_units(self):
        """The units these policies cover, or may cover by their scope."""
        if not self:
            return self.env["stock.lot"]
        domain = [
            ("product_id.tracking", "=", "serial"),
            "|",
            "|",
            ("warranty_policy_id", "in", self.ids),
            ("product_id", "in", self.product_ids.ids),
            ("product_id.categ_id", "child_of", self.product_category_ids.ids),
        ]
        return self.env["stock.lot"].sudo().with_context(active_test=False).search(domain)

    @api.model
    def _recompute_units(self, lots):
        """Ask ``lots`` to look their policy up again."""
        if lots:
            self.env.add_to_compute(lots._fields["warranty_policy_id"], lots)

    @api.model
    def _match_units(self, lots):
        """Return {lot id: policy} for the policy in force at each unit's sale
        date: a policy naming the product wins over one of its category, a
        closer category over a parent one, then the latest version."""
        policies = self.sudo().search([])
        result = {}
        for lot in lots:
            best, best_key = self.browse(), None
            if not lot.sale_date:
                result[lot.id] = best
                continue
            for policy in policies:
                key = policy._match_key(lot)
                if key and (best_key is None or key > best_key):
                    best, best_key = policy, key
            result[lot.id] = best
        return result

    def _match_key(self, lot):
        """A sortable key of how specifically this policy covers ``lot``, or None."""
        self.ensure_one()
        # A lot shared between companies (no company) is covered by any company's policy.
        if self.company_id and lot.company_id and self.company_id != lot.company_id:
            return None
        if self.version_date_from and lot.sale_date < self.version_date_from:
            return None
        if self.version_date_to and lot.sale_date > self.version_date_to:
            return None
        version = (self.version_date_from or fields.Date.to_date("1900-01-01"), self.id)
        if lot.product_id in self.product_ids:
            return (2, 0, *version)
        ancestors = [int(x) for x in (lot.product_id.categ_id.parent_path or "").split("/") if x]
        depth = max(
            (
                ancestors.index(categ.id)
                for categ in self.product_category_ids
                if categ.id in ancestors
            ),
            default=None,
        )
        if depth is None:
            return None
        return (1, depth, *version)

    def _part_line(self, part):
        """The part period line of this policy for ``part`` (product before category)."""
        self.ensure_one()
        if not part:
            return self.env["aftersales.warranty.policy.part"]
        ancestors = [int(x) for x in (part.categ_id.parent_path or "").split("/") if x]
        best, best_key = self.env["aftersales.warranty.policy.part"], None
        for line in self.part_ids:
            if line.product_id:
                key = (2, 0) if line.product_id == part else None
            elif line.categ_id.id in ancestors:
                key = (1, ancestors.index(line.categ_id.id))
            else:
                key = None
            if key and (best_key is None or key > best_key):
                best, best_key = line, key
        return best
