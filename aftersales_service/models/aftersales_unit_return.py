# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount

MANAGER_GROUP = "aftersales_service.group_aftersales_manager"

RETURN_KINDS = [("exchange", "Exchange"), ("refund", "Refund")]
RETURN_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting for Manager"),
    ("approved", "Approved"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
#: the 三包 decisions that entitle the customer to each kind of order
ENTITLING_DECISIONS = {"exchange": ("exchange", "refund"), "refund": ("refund",)}


class AftersalesUnitReturn(models.Model):
    """An exchange or refund order (退换机单): the customer's unit comes back to the
    returned-units store (退换机库); on an exchange a new unit goes out and is linked as
    the replacement of the old one; on a refund the customer gets the amount the
    regulation allows back.

    Where the rules live: the refund amount in ``aftersales_unit_return_refund.py``, the
    stock (receipt, replacement delivery, disposition) in ``aftersales_unit_return_stock.py``,
    the money (credit note or the dealer's 三包冲账 claim) in
    ``aftersales_unit_return_money.py``.
    """

    _name = "aftersales.unit.return"
    _description = "Exchange / Refund Order"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.entitlement.snapshot",
        "aftersales.numbered.mixin",
        "aftersales.state.guard",
    ]
    _aftersales_sequence_code = "aftersales.unit.return"
    _order = "id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(RETURN_KINDS, required=True, default="exchange", tracking=True)
    state = fields.Selection(
        RETURN_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket", "Service Request", tracking=True, index="btree_not_null"
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        tracking=True,
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        precompute=True,
    )
    lot_id = fields.Many2one(
        "stock.lot",
        "Returned Unit",
        required=True,
        tracking=True,
        index=True,
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('product_id.tracking', '=', 'serial')]",
    )
    product_id = fields.Many2one(related="lot_id.product_id", string="Product")
    policy_id = fields.Many2one(related="lot_id.warranty_policy_id", string="Warranty Policy")
    sale_date = fields.Date(related="lot_id.sale_date")
    dealer_id = fields.Many2one(
        "res.partner",
        "Taken Back by Dealer",
        tracking=True,
        domain="[('is_service_point', '=', True)]",
        help="The dealer who exchanged or refunded from its own stock: it is paid back "
        "by a 三包冲账 claim settled with its month's claims. Empty: the company takes the "
        "unit back itself and refunds the customer with a credit note.",
    )
    return_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The day the customer returns the unit: the refund counts the days of use "
        "up to it, and an exchanged unit's new period starts on it.",
    )
    reason = fields.Text(
        tracking=True,
        help="Why the unit is exchanged or refunded; required when the 三包 decision does "
        "not entitle the customer to it (a goodwill decision).",
    )
    price = fields.Monetary(
        "Invoice Price",
        tracking=True,
        compute="_compute_price",
        store=True,
        readonly=False,
        precompute=True,
        help="What the customer paid for the unit (its invoice); the product's sales price "
        "until corrected.",
    )
    usage_reading = fields.Float(
        "Reading at Return",
        tracking=True,
        compute="_compute_usage_reading",
        store=True,
        readonly=False,
        precompute=True,
        help="Kilometres (family cars) at the return: the reasonable-use fee counts them.",
    )
    replacement_lot_id = fields.Many2one(
        "stock.lot",
        "Replacement Unit",
        tracking=True,
        check_company=True,
        domain="[('product_id', '=', product_id), ('customer_id', '=', False), "
        "('id', '!=', lot_id)]",
        help="The new unit the customer gets, with its own serial number, from stock.",
    )
    approval_amount = fields.Monetary(
        compute="_compute_approval",
        help="What the order is worth: the refund, or the unit's price for an exchange.",
    )
    needs_manager = fields.Boolean(
        "Manager's Approval Needed",
        compute="_compute_approval",
        help="Worth more than the approval limit of the settings.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False)
    done_on = fields.Date("Completed On", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("ticket_id")
    def _compute_from_ticket(self):
        for order in self.filtered("ticket_id"):
            order.partner_id = order.ticket_id.partner_id.commercial_partner_id or order.partner_id
            order.lot_id = order.ticket_id.lot_id or order.lot_id

    @api.depends("lot_id")
    def _compute_price(self):
        for order in self:
            if order.state in (False, "draft"):
                order.price = order.lot_id.product_id.lst_price

    @api.depends("lot_id")
    def _compute_usage_reading(self):
        for order in self:
            if order.state in (False, "draft"):
                order.usage_reading = order.lot_id.usage_reading

    @api.depends("kind", "price", "refund_amount", "company_id.aftersales_return_approval_limit")
    def _compute_approval(self):
        for order in self:
            worth = order.refund_amount if order.kind == "refund" else order.price
            order.approval_amount = worth
            limit = order.company_id.aftersales_return_approval_limit
            order.needs_manager = order.currency_id.compare_amounts(worth, limit) > 0

    # the 三包 decision of the returned unit on the return day, frozen once approved
    def _entitlement_depends(self):
        return ["lot_id", "return_date"]

    def _entitlement_fault_date(self):
        return self.return_date or fields.Date.context_today(self)

    def _entitlement_is_open(self):
        return self.state in (False, "draft")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("partner_id", "lot_id")
    def _check_owner(self):
        self.env["stock.lot"]._aftersales_check_owned_by(self, "partner_id")

    @api.constrains("price")
    def _check_price(self):
        for order in self:
            if order.currency_id.compare_amounts(order.price, 0) < 0:
                raise ValidationError(
                    _("%(order)s: the invoice price cannot be negative.", order=order.name)
                )

    @api.constrains("lot_id", "state")
    def _check_one_open_order_per_unit(self):
        open_states = ("draft", "to_approve", "approved", "done")
        for order in self.filtered(lambda order: order.state in open_states):
            other = self.search(
                [
                    ("id", "!=", order.id),
                    ("lot_id", "=", order.lot_id.id),
                    ("state", "in", open_states),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    _(
                        "Unit %(unit)s is already on exchange / refund order %(other)s: "
                        "open that one, or cancel it first.",
                        unit=order.lot_id.name,
                        other=other.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_approve(self):
        """Approve: a clerk up to the settings' limit, the manager above it (an order
        above the limit a clerk approves waits for the manager). Approval freezes the
        decision and the amounts and prepares the pickings."""
        self._ensure_state(("draft", "to_approve"), _("approved"))
        self._check_ready_for_approval()
        is_manager = self.env.user.has_group(MANAGER_GROUP)
        waiting = self.filtered(lambda order: order.needs_manager and not is_manager)
        if waiting.filtered(lambda order: order.state == "to_approve"):
            raise AccessError(
                _(
                    "Only an after-sales manager approves an exchange or refund worth more "
                    "than %(limit)s.",
                    limit=waiting[:1]._format_amount(
                        waiting[:1].company_id.aftersales_return_approval_limit
                    ),
                )
            )
        waiting._ask_manager()
        approved = self - waiting
        approved.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_on": fields.Datetime.now(),
            }
        )
        approved.activity_feedback(["mail.mail_activity_data_todo"])
        approved._create_pickings()

    def action_cancel(self):
        self._ensure_state(("draft", "to_approve", "approved"), _("cancelled"))
        self._cancel_pickings()
        self.write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_reset_to_draft(self):
        self._ensure_state(("cancel",), _("reset to draft"))
        self.write({"state": "draft", "approved_by_id": False, "approved_on": False})

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_ready_for_approval(self):
        for order in self:
            problems = order._approval_problems()
            if problems:
                raise UserError(
                    _(
                        "%(order)s cannot be approved yet: %(problems)s.",
                        order=order.name,
                        problems="; ".join(problems),
                    )
                )

    def _approval_problems(self):
        self.ensure_one()
        problems = []
        entitled = self.entitlement_decision in ENTITLING_DECISIONS[self.kind]
        if not entitled and not (self.reason or "").strip():
            decisions = dict(self._fields["entitlement_decision"]._description_selection(self.env))
            problems.append(
                _(
                    "the 三包 decision is %(decision)s, write the reason for this order",
                    decision=decisions.get(self.entitlement_decision, _("none")),
                )
            )
        if self.currency_id.is_zero(self.price):
            problems.append(_("enter the invoice price of the unit"))
        if self.kind == "exchange" and not self.replacement_lot_id:
            problems.append(_("choose the replacement unit"))
        if self.kind == "refund" and not self.sale_date:
            problems.append(_("the unit has no sale date to count the days of use from"))
        return problems + self._stock_problems()

    def _ask_manager(self):
        self.write({"state": "to_approve"})
        for order in self:
            manager = order.company_id._aftersales_first_manager()
            if manager:
                order.with_context(lang=manager.lang).activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=order.env._("Approve exchange / refund %(name)s", name=order.name),
                    user_id=manager.id,
                )

    def _format_amount(self, amount):
        return format_amount(self.env, amount, self.currency_id)
