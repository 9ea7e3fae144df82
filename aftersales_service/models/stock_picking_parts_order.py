# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

SHIPPING_METHODS = [
    ("own_vehicle", "Own Vehicle"),
    ("logistics", "Logistics"),
    ("express", "Express"),
]
WAREHOUSE_GROUP = "aftersales_service.group_aftersales_warehouse"


class StockPicking(models.Model):
    """The delivery of a dealer's parts order: shipped by own vehicle, logistics or
    express with the carrier's tracking reference; validated by the parts store's
    warehouse staff only once the order is paid (先款后货), or released by an
    after-sales manager with a reason (放行)."""

    _inherit = "stock.picking"

    aftersales_is_parts_order = fields.Boolean(
        "Parts Order Delivery", related="sale_id.aftersales_is_parts_order", store=True
    )
    aftersales_shipping_method = fields.Selection(
        SHIPPING_METHODS, "Shipping Method", tracking=True
    )
    aftersales_carrier_id = fields.Many2one(
        "res.partner",
        "Carrier",
        tracking=True,
        help="The logistics or express company carrying the goods.",
    )
    aftersales_tracking_ref = fields.Char("Tracking Reference", tracking=True, copy=False)
    aftersales_released = fields.Boolean(
        "Released Unpaid",
        readonly=True,
        copy=False,
        tracking=True,
        help="An after-sales manager let this delivery go before the order was paid.",
    )
    aftersales_release_reason = fields.Text(
        "Release Reason", readonly=True, copy=False, tracking=True
    )
    aftersales_released_by_id = fields.Many2one(
        "res.users", "Released by", readonly=True, copy=False, tracking=True
    )
    aftersales_amount_missing = fields.Monetary(
        "Payment Missing",
        compute="_compute_aftersales_amount_missing",
        currency_field="aftersales_order_currency_id",
    )
    aftersales_order_currency_id = fields.Many2one(
        "res.currency", related="sale_id.currency_id", string="Order Currency"
    )

    @api.depends("sale_id", "aftersales_released", "state")
    def _compute_aftersales_amount_missing(self):
        for picking in self:
            missing = 0.0
            if picking._aftersales_waits_for_payment():
                missing = picking.sale_id.sudo()._aftersales_payment_missing()
            picking.aftersales_amount_missing = missing

    # ------------------------------------------------------------------
    # Validation: payment before goods
    # ------------------------------------------------------------------
    def button_validate(self):
        self._aftersales_check_parts_order_deliveries()
        return super().button_validate()

    def _action_done(self):
        self._aftersales_check_parts_order_deliveries()
        return super()._action_done()

    def _create_backorder(self, backorder_moves=None):
        """The rest of a released delivery stays released: the manager let the order's
        goods go, not only what was on hand that day."""
        backorders = super()._create_backorder(backorder_moves=backorder_moves)
        for backorder in backorders.filtered("backorder_id.aftersales_released"):
            released = backorder.backorder_id
            backorder.write(
                {
                    "aftersales_released": True,
                    "aftersales_release_reason": released.aftersales_release_reason,
                    "aftersales_released_by_id": released.aftersales_released_by_id.id,
                }
            )
            backorder.message_post(
                body=_(
                    "Released with %(delivery)s: %(reason)s",
                    delivery=released.name,
                    reason=released.aftersales_release_reason,
                )
            )
        return backorders

    def _aftersales_is_parts_order_delivery(self):
        self.ensure_one()
        return self.picking_type_code == "outgoing" and bool(
            self.sudo().sale_id.aftersales_is_parts_order
        )

    def _aftersales_waits_for_payment(self):
        self.ensure_one()
        return (
            self._aftersales_is_parts_order_delivery()
            and not self.aftersales_released
            and self.state not in ("done", "cancel")
        )

    def _aftersales_check_parts_order_deliveries(self):
        deliveries = self.filtered(lambda picking: picking._aftersales_is_parts_order_delivery())
        if not deliveries:
            return
        if not self.env.su and not self.env.user.has_group(WAREHOUSE_GROUP):
            raise UserError(
                _(
                    "Only the parts store's warehouse staff validate the delivery of a parts "
                    "order (%(deliveries)s): ask a warehouse user.",
                    deliveries=", ".join(deliveries.mapped("name")),
                )
            )
        for delivery in deliveries.filtered(lambda picking: not picking.aftersales_released):
            delivery._aftersales_check_paid()

    def _aftersales_check_paid(self):
        self.ensure_one()
        order = self.sudo().sale_id
        missing = order._aftersales_payment_missing()
        if not order.currency_id.is_zero(missing):
            raise UserError(
                _(
                    "Payment before goods: the parts order %(order)s is not paid, "
                    "%(missing)s is missing. Register the dealer's payment, or ask an "
                    "after-sales manager to release %(delivery)s.",
                    order=order.name,
                    missing=format_amount(self.env, missing, order.currency_id),
                    delivery=self.name,
                )
            )

    # ------------------------------------------------------------------
    # Release (放行)
    # ------------------------------------------------------------------
    def action_aftersales_open_release(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Release Unpaid Delivery"),
            "res_model": "aftersales.parts.release.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_picking_id": self.id},
        }

    def _aftersales_release(self, reason):
        """Let the unpaid deliveries go (the caller checked the manager's right)."""
        for picking in self:
            if not picking._aftersales_waits_for_payment():
                raise UserError(
                    _(
                        "%(delivery)s is not an unpaid parts-order delivery waiting to be "
                        "validated: there is nothing to release.",
                        delivery=picking.name,
                    )
                )
            missing = format_amount(
                self.env, picking.aftersales_amount_missing, picking.aftersales_order_currency_id
            )
            picking.write(
                {
                    "aftersales_released": True,
                    "aftersales_release_reason": reason,
                    "aftersales_released_by_id": self.env.uid,
                }
            )
            picking.message_post(
                body=_(
                    "Released before payment (%(missing)s missing): %(reason)s",
                    missing=missing,
                    reason=reason,
                )
            )
