# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from .aftersales_cron_batch import process_batch

ANSWER_BREACH_BATCH = 200


class SaleOrder(models.Model):
    """The answer deadline of an urgent parts order, or of one asking for a part out of
    stock in the new-part store (紧缺配件): counted in the company's working time from
    the request, as the service levels are; a breach cron gives the salesperson an
    activity once."""

    _inherit = "sale.order"

    aftersales_urgent = fields.Boolean(
        "Urgent Order",
        tracking=True,
        help="The dealer needs the parts urgently: the order is answered within the "
        "company's urgent-order hours.",
    )
    aftersales_scarce = fields.Boolean(
        "Scarce Parts",
        compute="_compute_aftersales_scarce",
        store=True,
        tracking=True,
        help="A part of the order was out of stock in the new-part store when ordered: "
        "the order is answered within the company's scarce-part days.",
    )
    aftersales_requested_at = fields.Datetime(
        "Requested On", default=fields.Datetime.now, readonly=True, copy=False
    )
    aftersales_answer_deadline = fields.Datetime(
        "Answer by",
        compute="_compute_aftersales_answer_deadline",
        store=True,
        tracking=True,
        help="When the dealer must have an answer (delivery date or alternative), in the "
        "company's working time.",
    )
    aftersales_answered_at = fields.Datetime(
        "Answered On", readonly=True, copy=False, tracking=True
    )
    aftersales_answer_breached = fields.Boolean(
        "Answer Deadline Missed", readonly=True, copy=False, tracking=True
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends(
        "aftersales_is_parts_order",
        "warehouse_id",
        "order_line.product_id",
        "order_line.product_uom_qty",
    )
    def _compute_aftersales_scarce(self):
        """The free stock of the store when the lines are entered counts, not what it
        became since (the order's own reservation included)."""
        for order in self:
            order.aftersales_scarce = (
                order.aftersales_is_parts_order and order._aftersales_has_part_out_of_stock()
            )

    def _aftersales_has_part_out_of_stock(self):
        self.ensure_one()
        store = self.warehouse_id.aftersales_new_parts_location_id
        lines = self.order_line.filtered(lambda line: line.product_id.is_storable)
        if not store or not lines:
            return False
        free = {
            product.id: product.free_qty
            for product in lines.product_id.sudo().with_context(location=store.id)
        }
        return any(
            line.product_uom._compute_quantity(line.product_uom_qty, line.product_id.uom_id)
            > free[line.product_id.id]
            for line in lines
        )

    @api.depends("aftersales_urgent", "aftersales_scarce", "aftersales_requested_at")
    def _compute_aftersales_answer_deadline(self):
        """In the company's settings and calendar of the time: changing them later does not
        move the deadlines already promised (as a service level rule's targets)."""
        rules = self.env["aftersales.sla.rule"].sudo()
        for order in self:
            company = order.company_id
            calendar = company.resource_calendar_id
            start = order.aftersales_requested_at
            deadlines = []
            if calendar and start:
                # The working time is counted in one place, the service-level rule model.
                rule = rules.new({"calendar_id": calendar.id})
                if order.aftersales_urgent and company.aftersales_urgent_answer_hours > 0:
                    deadlines.append(
                        rule._add_working_hours(start, company.aftersales_urgent_answer_hours)
                    )
                if order.aftersales_scarce and company.aftersales_scarce_answer_days > 0:
                    deadlines.append(
                        rule._add_working_days(start, company.aftersales_scarce_answer_days)
                    )
            order.aftersales_answer_deadline = min(filter(None, deadlines), default=False)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_confirm(self):
        # Judge scarcity on the stock before this order reserves its own parts.
        self.mapped("aftersales_answer_deadline")
        return super().action_confirm()

    def action_aftersales_answer(self):
        """The clerk answered the dealer (delivery date, alternative part)."""
        unanswerable = self.filtered(
            lambda order: not order.aftersales_answer_deadline or order.aftersales_answered_at
        )
        if unanswerable:
            raise UserError(
                _(
                    "%(orders)s have no answer deadline or are answered already.",
                    orders=", ".join(unanswerable.mapped("name")),
                )
            )
        now = fields.Datetime.now()
        for order in self:
            vals = {"aftersales_answered_at": now}
            if now > order.aftersales_answer_deadline:
                vals["aftersales_answer_breached"] = True
            order.write(vals)

    # ------------------------------------------------------------------
    # Breach cron
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_answer_breach_domain(self, now):
        return [
            ("aftersales_answer_deadline", "<", now),
            ("aftersales_answered_at", "=", False),
            ("aftersales_answer_breached", "=", False),
            ("state", "!=", "cancel"),
        ]

    @api.model
    def _cron_aftersales_parts_answer_breach(self, batch_size=ANSWER_BREACH_BATCH):
        """Mark the parts orders not answered by their deadline, one batch per call;
        the cron runner calls again while some remain."""
        now = fields.Datetime.now()
        process_batch(
            self,
            self._aftersales_answer_breach_domain(now),
            batch_size,
            lambda orders: orders._aftersales_answer_breach(),
        )

    def _aftersales_answer_breach(self):
        for order in self:
            order.aftersales_answer_breached = True
            tz = order.company_id.resource_calendar_id.tz
            body = _(
                "Answer deadline missed on the parts order %(order)s: due %(deadline)s.",
                order=order.name,
                deadline=format_datetime(self.env, order.aftersales_answer_deadline, tz=tz),
            )
            order.message_post(body=body, subtype_xmlid="mail.mt_note")
            if order.user_id:
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Answer the dealer's parts order"),
                    note=body,
                    user_id=order.user_id.id,
                )
