# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import AccessError


class AftersalesPartsReleaseWizard(models.TransientModel):
    """An after-sales manager lets a parts order's delivery go before the order is paid
    (放行), with the reason kept in the delivery's chatter."""

    _name = "aftersales.parts.release.wizard"
    _description = "Release of an Unpaid Parts-Order Delivery"

    picking_id = fields.Many2one("stock.picking", "Delivery", required=True, ondelete="cascade")
    amount_missing = fields.Monetary(related="picking_id.aftersales_amount_missing")
    currency_id = fields.Many2one(related="picking_id.aftersales_order_currency_id")
    reason = fields.Text(required=True)

    def action_release(self):
        self.ensure_one()
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise AccessError(_("Only an after-sales manager releases an unpaid delivery."))
        self.picking_id._aftersales_release(self.reason)
        return {"type": "ir.actions.act_window_close"}
