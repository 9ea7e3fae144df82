# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import format_date

from .aftersales_entitlement import EXCLUSION_REASONS

UNIT_STATUSES = [
    ("in_sanbao", "In 三包 Period"),
    ("in_repair_warranty", "In Repair Warranty"),
    ("expired", "Out of Warranty"),
    ("returned", "Returned"),
    ("exchanged", "Exchanged"),
]


class StockLot(models.Model):
    """A serial number sold to a customer is an installed unit (机器档案)."""

    _inherit = "stock.lot"

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    customer_id = fields.Many2one("res.partner", tracking=True, index="btree_not_null")
    dealer_id = fields.Many2one(
        "res.partner", "Selling Dealer", tracking=True, index="btree_not_null"
    )
    sale_date = fields.Date(tracking=True, help="The day the unit was sold (invoice date).")
    sale_reference = fields.Char("Receipt / Invoice", tracking=True)
    installation_date = fields.Date(tracking=True)
    acceptance_date = fields.Date(tracking=True)
    usage_reading = fields.Float(tracking=True, help="Odometer (km) or hour-meter reading.")
    usage_date = fields.Date("Reading Date", tracking=True)
    registration_card_date = fields.Date(
        "Registration Card Received",
        tracking=True,
        help="The day the 三包回执卡 reached the company.",
    )
    aftersales_exclusion = fields.Selection(
        EXCLUSION_REASONS,
        "三包 Exclusion",
        tracking=True,
        help="A reason that excludes the whole unit from 三包 (e.g. altered serial number).",
    )
    returned_date = fields.Date(
        "Returned On", tracking=True, help="The day the unit was taken back and refunded."
    )
    warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        compute="_compute_warranty_policy_id",
        store=True,
        index="btree_not_null",
        help="The policy in force for the product on the sale date.",
    )
    warranty_start_date = fields.Date(
        "Warranty Start", compute="_compute_warranty_start_date", store=True, recursive=True
    )
    sanbao_end_date = fields.Date("三包 Period End", compute="_compute_period_ends", store=True)
    repair_end_date = fields.Date("Repair Warranty End", compute="_compute_period_ends", store=True)
    part_period_summary = fields.Text("Part Periods", compute="_compute_part_period_summary")
    aftersales_repair_ids = fields.One2many("aftersales.unit.repair", "lot_id", "Repair History")
    repair_days_total = fields.Integer(
        "Days in Repair", compute="_compute_repair_days_total", store=True
    )
    repair_count_summary = fields.Char("Repairs per Fault", compute="_compute_repair_count_summary")
    replaces_lot_id = fields.Many2one(
        "stock.lot",
        "Replaces",
        tracking=True,
        index="btree_not_null",
        help="The unit this one replaced in an exchange.",
    )
    replacement_lot_ids = fields.One2many("stock.lot", "replaces_lot_id", "Replacements")
    replaced_by_lot_id = fields.Many2one(
        "stock.lot",
        "Replaced By",
        compute="_compute_replaced_by_lot_id",
        store=True,
        help="The unit given to the customer in exchange for this one.",
    )
    aftersales_status = fields.Selection(
        UNIT_STATUSES,
        "Warranty Status",
        compute="_compute_aftersales_status",
        search="_search_aftersales_status",
        help="As of today: returned and exchanged units first, then the periods "
        "by time (usage limits are checked by the 三包 decision).",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("product_id", "product_id.categ_id", "sale_date", "company_id")
    def _compute_warranty_policy_id(self):
        policies = self.env["aftersales.warranty.policy"]._match_units(self)
        for lot in self:
            lot.warranty_policy_id = policies[lot.id]

    @api.depends(
        "sale_date",
        "installation_date",
        "acceptance_date",
        "warranty_policy_id.start_event",
        "warranty_policy_id.restart_on_exchange",
        "replaces_lot_id.warranty_start_date",
    )
    def _compute_warranty_start_date(self):
        engine = self.env["aftersales.entitlement"]
        for lot in self:
            lot.warranty_start_date = engine._start_date(lot, lot.warranty_policy_id)

    @api.depends(
        "warranty_start_date",
        "repair_days_total",
        "warranty_policy_id.sanbao_months",
        "warranty_policy_id.repair_months",
        "warranty_policy_id.extend_by_repair_days",
        "warranty_policy_id.holiday_rollover",
        "warranty_policy_id.calendar_id",
    )
    def _compute_period_ends(self):
        summary = self.env["aftersales.entitlement"]._period_summary(self)
        for lot in self:
            lot.sanbao_end_date = summary[lot.id]["sanbao_end"]
            lot.repair_end_date = summary[lot.id]["repair_end"]

    def _compute_part_period_summary(self):
        summary = self.env["aftersales.entitlement"]._period_summary(self)
        for lot in self:
            lot.part_period_summary = "\n".join(
                _(
                    "%(part)s: %(end)s",
                    part=line.product_id.display_name or line.categ_id.display_name,
                    end=format_date(self.env, end),
                )
                for line, end in summary[lot.id]["parts"]
            )

    @api.depends("aftersales_repair_ids.days", "aftersales_repair_ids.date_end")
    def _compute_repair_days_total(self):
        totals = dict(
            self.env["aftersales.unit.repair"]._read_group(
                [("lot_id", "in", self.ids), ("date_end", "!=", False)],
                ["lot_id"],
                ["days:sum"],
            )
        )
        for lot in self:
            lot.repair_days_total = totals.get(lot, 0)

    def _compute_repair_count_summary(self):
        counts = self.env["aftersales.unit.repair"]._read_group(
            [("lot_id", "in", self.ids), ("remedy", "=", "repair")],
            ["lot_id", "fault_key"],
            ["__count"],
        )
        by_lot = {}
        for lot, fault_key, count in counts:
            by_lot.setdefault(lot.id, []).append(f"{fault_key or '-'} ×{count}")
        for lot in self:
            lot.repair_count_summary = ", ".join(by_lot.get(lot.id, []))

    @api.depends("replacement_lot_ids")
    def _compute_replaced_by_lot_id(self):
        for lot in self:
            lot.replaced_by_lot_id = lot.replacement_lot_ids[:1]

    @api.depends(
        "sale_date", "returned_date", "replaced_by_lot_id", "sanbao_end_date", "repair_end_date"
    )
    def _compute_aftersales_status(self):
        today = fields.Date.context_today(self)
        for lot in self:
            lot.aftersales_status = lot._status_on(today)

    def _status_on(self, day):
        self.ensure_one()
        if self.returned_date:
            return "returned"
        if self.replaced_by_lot_id:
            return "exchanged"
        if not (self.sale_date and self.warranty_policy_id):
            return False
        if self.sanbao_end_date and day <= self.sanbao_end_date:
            return "in_sanbao"
        if self.repair_end_date and day <= self.repair_end_date:
            return "in_repair_warranty"
        return "expired"

    def _search_aftersales_status(self, operator, value):
        if operator not in ("=", "in"):
            raise NotImplementedError(_("Search the warranty status with = or in only."))
        statuses = [value] if operator == "=" else list(value)
        today = fields.Date.context_today(self)
        live = [
            ("returned_date", "=", False),
            ("replaced_by_lot_id", "=", False),
            ("sale_date", "!=", False),
            ("warranty_policy_id", "!=", False),
        ]
        domains = {
            "returned": [("returned_date", "!=", False)],
            "exchanged": [("returned_date", "=", False), ("replaced_by_lot_id", "!=", False)],
            "in_sanbao": [*live, ("sanbao_end_date", ">=", today)],
            "in_repair_warranty": [
                *live,
                ("sanbao_end_date", "<", today),
                ("repair_end_date", ">=", today),
            ],
            "expired": [*live, ("repair_end_date", "<", today)],
        }
        return expression.OR(
            [domains[status] for status in statuses if status in domains] or [[("id", "=", 0)]]
        )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("replaces_lot_id")
    def _check_replaces_lot_id(self):
        for lot in self:
            if lot.replaces_lot_id == lot or lot in lot.replaces_lot_id._replaced_chain():
                raise ValidationError(
                    _("Unit %(unit)s cannot replace itself.", unit=lot.display_name)
                )
            if len(lot.replaces_lot_id.replacement_lot_ids) > 1:
                raise ValidationError(
                    _(
                        "Unit %(unit)s has already been replaced by %(other)s.",
                        unit=lot.replaces_lot_id.display_name,
                        other=(lot.replaces_lot_id.replacement_lot_ids - lot)[:1].display_name,
                    )
                )

    @api.model
    def _aftersales_check_owned_by(self, documents, partner_field):
        """Refuse documents pairing a customer with a unit registered to another one."""
        wrong = documents.filtered(
            lambda doc: doc.lot_id.customer_id
            and doc[partner_field]
            and doc.lot_id.customer_id.commercial_partner_id
            != doc[partner_field].commercial_partner_id
        )
        if wrong:
            raise ValidationError(
                "\n".join(
                    doc.lot_id._aftersales_owner_mismatch_text(doc[partner_field]) for doc in wrong
                )
            )

    def _aftersales_owner_mismatch_text(self, customer):
        self.ensure_one()
        return _(
            "Unit %(unit)s belongs to %(owner)s, not to %(customer)s: choose one of the "
            "customer's units, or correct the unit's customer in its archive.",
            unit=self.name,
            owner=self.customer_id.display_name,
            customer=customer.display_name,
        )

    def _replaced_chain(self):
        """The units this one replaced, oldest last."""
        chain, lot = self.browse(), self.replaces_lot_id
        while lot and lot not in chain:
            chain |= lot
            lot = lot.replaces_lot_id
        return chain

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_aftersales_entitlement(self):
        """Open the 三包判定 wizard on the unit."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("三包 Decision"),
            "res_model": "aftersales.entitlement.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lot_id": self.id},
        }

    # ------------------------------------------------------------------
    # Business methods (public, callable over RPC)
    # ------------------------------------------------------------------
    def aftersales_entitlement(
        self,
        fault_date,
        part_id=False,
        usage=False,
        serious=False,
        fault_key=False,
        exclusion=False,
    ):
        """What the consumer of this unit is entitled to for a fault on ``fault_date``.

        :param fault_date: date (or 'YYYY-MM-DD') of the fault
        :param part_id: id (or record) of the failed part, for part periods
        :param usage: km or engine hours at the fault; False: the unit's last reading
        :param serious: the fault is one of the policy's named serious faults
        :param fault_key: the fault's key, to count earlier repairs of the same
            fault; False: the most repaired fault counts
        :param exclusion: an exclusion reason found for this fault (misuse...)
        :return: dict with ``decision`` (refund / exchange / free_repair /
            paid_repair / not_covered), ``rule``, ``explanation``,
            ``period_end``, ``repair_period_end``, ``part_period_end``,
            ``warranty_start``, ``policy_id``, ``lot_id`` and ``warnings``
            (list of {code, text}). See ``aftersales.entitlement._decide``.
        """
        self.ensure_one()
        return self.aftersales_entitlements(
            fault_date, part_id, usage, serious, fault_key, exclusion
        )[0]

    def aftersales_entitlements(
        self,
        fault_date,
        part_id=False,
        usage=False,
        serious=False,
        fault_key=False,
        exclusion=False,
    ):
        """Batch form of :meth:`aftersales_entitlement`: one result per unit, in
        the order of ``self``, with a constant number of queries."""
        part = (
            part_id
            if isinstance(part_id, models.BaseModel)
            else self.env["product.product"].browse(part_id or [])
        )
        results = self.env["aftersales.entitlement"]._decide(
            self, fault_date, part, usage, serious, fault_key, exclusion
        )
        return [results[lot.id] for lot in self]
