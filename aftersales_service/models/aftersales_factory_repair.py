# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from .aftersales_cron_batch import process_batch

FACTORY_REPAIR_STATES = [
    ("draft", "Registered"),
    ("received", "Received"),
    ("in_repair", "In Repair"),
    ("repaired", "Repaired"),
    ("shipped", "Shipped Back"),
    ("cancelled", "Cancelled"),
]
# The unit is at the factory: the turnaround clock runs.
AT_FACTORY_STATES = ("received", "in_repair", "repaired")
FACTORY_REPAIR_BREACH_BATCH = 200
CUSTOMER_TEMPLATE = "aftersales_service.mail_template_factory_repair_shipped"


class AftersalesFactoryRepair(models.Model):
    """A 返厂维修单: a customer's unit taken back to the factory for repair.

    Registered (登记), received into the 返厂维修库 store by a validated 返厂收货
    receipt, repaired, then shipped back (发还) to the customer by a validated 修复发还
    delivery, the customer told with the shipping reference (运单号). The turnaround
    promise is counted in working days of the company's calendar from the receipt,
    as the service levels of a request are (``aftersales.sla.rule``); a repair not
    shipped back by its promise is flagged once by a cron.
    """

    _name = "aftersales.factory.repair"
    _description = "Factory Repair"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.numbered.mixin"]
    _aftersales_sequence_code = "aftersales.factory.repair"
    _order = "id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        FACTORY_REPAIR_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
        help="Registered: the take-back is recorded, the unit is not at the factory yet.\n"
        "Received: the unit is in the factory repair store.\n"
        "In Repair: the factory is repairing it.\n"
        "Repaired: ready to ship back.\n"
        "Shipped Back: delivered back to the customer, who was told.\n"
        "Cancelled: not repaired at the factory.",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        "Service Request",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        tracking=True,
        check_company=True,
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        precompute=True,
    )
    lot_id = fields.Many2one(
        "stock.lot",
        "Unit",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
        domain="[('product_id.tracking', '=', 'serial')]",
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        precompute=True,
    )
    product_id = fields.Many2one(related="lot_id.product_id", string="Product")
    fault_description = fields.Text()
    received_at = fields.Datetime(
        "Received On",
        copy=False,
        tracking=True,
        help="When the unit reached the factory; set by Receive when empty. The "
        "turnaround promise is counted from it.",
    )
    repair_started_at = fields.Datetime("Repair Started On", readonly=True, copy=False)
    repaired_at = fields.Datetime("Repaired On", readonly=True, copy=False)
    shipped_at = fields.Datetime("Shipped Back On", readonly=True, copy=False, tracking=True)
    shipping_reference = fields.Char(
        copy=False, tracking=True, help="The carrier's waybill number."
    )
    repair_note = fields.Text(help="What the factory found and did.")
    promised_at = fields.Datetime(
        "Promised By",
        compute="_compute_promised_at",
        store=True,
        help="The receipt plus the factory turnaround of the After-Sales settings, in "
        "working days of the company's working hours (public holidays skipped).",
    )
    is_late = fields.Boolean(
        "Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Not shipped back by its promise, or shipped back after it.",
    )
    is_shipped_late = fields.Boolean(
        "Shipped Back Late", compute="_compute_is_shipped_late", store=True
    )
    late_flagged = fields.Boolean(
        "Lateness Recorded",
        readonly=True,
        copy=False,
        help="The manager was told the promise was missed (once).",
    )
    turnaround_days = fields.Float(
        "Turnaround (Working Days)",
        compute="_compute_turnaround_days",
        store=True,
        aggregator="avg",
        help="Working days from the receipt to the shipment back.",
    )
    picking_ids = fields.One2many(
        "stock.picking", "aftersales_factory_repair_id", "Transfers", readonly=True
    )
    picking_count = fields.Integer("Transfers Count", compute="_compute_picking_count")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("ticket_id")
    def _compute_from_ticket(self):
        for repair in self:
            if repair.ticket_id.partner_id:
                repair.partner_id = repair.ticket_id.partner_id
            if repair.ticket_id.lot_id:
                repair.lot_id = repair.ticket_id.lot_id

    @api.depends(
        "received_at",
        "company_id.resource_calendar_id",
        "company_id.aftersales_factory_repair_days",
    )
    def _compute_promised_at(self):
        for repair in self:
            repair.promised_at = repair._aftersales_working_clock()._add_working_days(
                repair.received_at, repair.company_id.aftersales_factory_repair_days
            )

    @api.depends("promised_at", "shipped_at", "state")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for repair in self:
            end = repair.shipped_at or now
            repair.is_late = bool(
                repair.promised_at and repair.state != "cancelled" and end > repair.promised_at
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search the late factory repairs with Late is set or not set."))
        now = fields.Datetime.now()
        late = [
            ("promised_at", "!=", False),
            ("state", "!=", "cancelled"),
            "|",
            "&",
            ("shipped_at", "=", False),
            ("promised_at", "<", now),
            "&",
            ("shipped_at", "!=", False),
            ("is_shipped_late", "=", True),
        ]
        ids = self._search(late)
        if (operator == "=") == value:
            return [("id", "in", ids)]
        return [("id", "not in", ids)]

    @api.depends("promised_at", "shipped_at")
    def _compute_is_shipped_late(self):
        for repair in self:
            repair.is_shipped_late = bool(
                repair.promised_at and repair.shipped_at and repair.shipped_at > repair.promised_at
            )

    @api.depends("received_at", "shipped_at", "company_id.resource_calendar_id")
    def _compute_turnaround_days(self):
        for repair in self:
            days = 0.0
            clock = repair._aftersales_working_clock()
            if repair.received_at and repair.shipped_at and clock.calendar_id.hours_per_day:
                hours = clock._working_hours_between(repair.received_at, repair.shipped_at)
                days = hours / clock.calendar_id.hours_per_day
            repair.turnaround_days = days

    def _compute_picking_count(self):
        for repair in self:
            repair.picking_count = len(repair.picking_ids)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("lot_id", "partner_id")
    def _check_unit_owner(self):
        self.env["stock.lot"]._aftersales_check_owned_by(self, "partner_id")

    # ------------------------------------------------------------------
    # Actions: 登记 → 收货 → 在修 → 已修复 → 发还
    # ------------------------------------------------------------------
    def action_receive(self):
        """收货登记: the unit arrived; a validated 返厂收货 receipt moves its serial
        into the factory repair store and the turnaround clock starts."""
        self._aftersales_ensure_state(
            ("draft",),
            _("%(repair)s is %(state)s: only a registered factory repair can be received."),
        )
        now = fields.Datetime.now()
        for repair in self:
            warehouse = repair.company_id._aftersales_warehouse()
            repair._aftersales_move_unit(
                warehouse.aftersales_factory_receipt_type_id,
                warehouse._aftersales_customers(),
                warehouse.aftersales_factory_repair_location_id,
            )
            repair.write({"state": "received", "received_at": repair.received_at or now})

    def action_start_repair(self):
        self._aftersales_ensure_state(
            ("received",),
            _("%(repair)s is %(state)s: only a received unit can go into repair."),
        )
        self.write({"state": "in_repair", "repair_started_at": fields.Datetime.now()})

    def action_mark_repaired(self):
        self._aftersales_ensure_state(
            ("in_repair",),
            _("%(repair)s is %(state)s: only a unit in repair can be marked repaired."),
        )
        self.write({"state": "repaired", "repaired_at": fields.Datetime.now()})

    def action_ship_back(self):
        """发还: a validated 修复发还 delivery takes the unit back to the customer, who
        is told with the shipping reference."""
        self._aftersales_ensure_state(
            ("repaired",),
            _("%(repair)s is %(state)s: only a repaired unit can be shipped back."),
        )
        missing = self.filtered(lambda repair: not repair.shipping_reference)
        if missing:
            raise UserError(
                _(
                    "Enter the shipping reference of %(repairs)s before shipping it back: "
                    "the customer is told it to follow the parcel.",
                    repairs=", ".join(missing.mapped("name")),
                )
            )
        for repair in self:
            repair._aftersales_ship_unit()
            repair.write({"state": "shipped", "shipped_at": fields.Datetime.now()})
            repair._aftersales_tell_customer()

    def action_cancel(self):
        """Not repaired at the factory. A unit already received goes back to the
        customer as it is, by a validated 修复发还 delivery."""
        self._aftersales_ensure_state(
            ("draft", *AT_FACTORY_STATES),
            _(
                "%(repair)s is %(state)s: only a factory repair not shipped back yet "
                "can be cancelled."
            ),
        )
        for repair in self:
            if repair.state in AT_FACTORY_STATES:
                repair._aftersales_ship_unit()
            repair.state = "cancelled"

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("aftersales_factory_repair_id", "=", self.id)]
        action["context"] = {"create": False}
        if len(self.picking_ids) == 1:
            action["views"] = [(False, "form")]
            action["res_id"] = self.picking_ids.id
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _aftersales_ensure_state(self, states, message):
        """Refuse the button when a repair is not in one of ``states``; ``message``
        is translated already, with %(repair)s and %(state)s."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for repair in self:
            if repair.state not in states:
                raise UserError(message % {"repair": repair.name, "state": labels[repair.state]})

    def _aftersales_working_clock(self):
        """A service level rule in memory on the company's calendar: all working-time
        arithmetic goes through ``aftersales.sla.rule``."""
        self.ensure_one()
        calendar = self.company_id.resource_calendar_id
        return self.env["aftersales.sla.rule"].sudo().new({"calendar_id": calendar.id})

    def _aftersales_ship_unit(self):
        self.ensure_one()
        warehouse = self.company_id._aftersales_warehouse()
        return self._aftersales_move_unit(
            warehouse.aftersales_factory_return_type_id,
            warehouse.aftersales_factory_repair_location_id,
            warehouse._aftersales_customers(),
        )

    def _aftersales_move_unit(self, operation, source, destination):
        """Move the unit's serial from ``source`` to ``destination`` by a validated
        transfer of ``operation``, linked to the repair and its request."""
        self.ensure_one()
        picking = self.env["stock.picking"]._aftersales_unit_transfer(
            operation,
            source,
            destination,
            self.lot_id,
            self.partner_id,
            origin=self.name,
            aftersales_factory_repair_id=self.id,
            aftersales_ticket_id=self.ticket_id.id,
        )
        picking._aftersales_validate_unit_transfer()
        return picking

    def _aftersales_tell_customer(self):
        """The customer is told the unit is on its way back, with the shipping reference."""
        for repair in self:
            repair.message_post_with_source(
                CUSTOMER_TEMPLATE,
                partner_ids=repair.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    # ------------------------------------------------------------------
    # Cron: the turnaround promises missed
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_breach_domain(self, now):
        return [
            ("state", "in", AT_FACTORY_STATES),
            ("promised_at", "<", now),
            ("late_flagged", "=", False),
        ]

    def _aftersales_flag_late(self):
        """Tell the company's first after-sales manager once that the promise is missed."""
        for repair in self:
            tz = repair.company_id.resource_calendar_id.tz
            body = _(
                "Factory turnaround missed: %(repair)s was promised back to %(customer)s "
                "by %(promised)s and is still at the factory.",
                repair=repair.name,
                customer=repair.partner_id.display_name,
                promised=format_datetime(self.env, repair.promised_at, tz=tz),
            )
            repair.message_post(body=body, subtype_xmlid="mail.mt_note")
            manager = repair.company_id._aftersales_first_manager()
            if manager:
                repair.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Factory repair overdue"),
                    note=body,
                    user_id=manager.id,
                )
        self.late_flagged = True

    @api.model
    def _cron_aftersales_factory_repair_breach(self, batch_size=FACTORY_REPAIR_BREACH_BATCH):
        """Flag the factory repairs past their promise, one batch per call; the cron
        runner calls again while some remain."""
        now = fields.Datetime.now()
        process_batch(
            self,
            self._aftersales_breach_domain(now),
            batch_size,
            lambda repairs: repairs._aftersales_flag_late(),
        )
