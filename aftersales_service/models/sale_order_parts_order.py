# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    """A dealer's parts order (配件订单): a sale order of a dealer or service point of the
    network, shipped from the warehouse's 新件库, paid before the goods go (先款后货).

    What is paid comes from accounting only: the order's posted invoices less what is
    still due on them, and the dealer's receivable credit not reconciled yet (advance
    payments, credit notes) less its other invoices still open, so that one advance
    payment does not cover two orders once the first is invoiced."""

    _inherit = "sale.order"

    aftersales_is_parts_order = fields.Boolean(
        "Parts Order",
        compute="_compute_aftersales_is_parts_order",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="An order of a dealer or service point of the after-sales network: it ships "
        "from the new-part store, and only once paid.",
    )
    aftersales_amount_missing = fields.Monetary(
        "Payment Missing",
        compute="_compute_aftersales_amount_missing",
        help="What the dealer still has to pay before the goods are shipped, after its "
        "paid invoices and unreconciled advance payments.",
    )

    @api.depends("partner_id")
    def _compute_aftersales_is_parts_order(self):
        for order in self:
            partner = order.partner_id.commercial_partner_id
            order.aftersales_is_parts_order = bool(partner.is_dealer or partner.is_service_point)

    @api.constrains("aftersales_is_parts_order", "partner_id")
    def _check_aftersales_parts_order_kept(self):
        """A network partner's order leaves payment before goods only by a manager's hand."""
        if self.env.su or self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            return
        for order in self:
            partner = order.partner_id.commercial_partner_id
            if not order.aftersales_is_parts_order and (
                partner.is_dealer or partner.is_service_point
            ):
                raise UserError(
                    _(
                        "%(partner)s is a dealer or service point of the network: its order "
                        "%(order)s is a parts order, paid before goods. Only an after-sales "
                        "manager can make it an ordinary sale.",
                        partner=partner.name,
                        order=order.name,
                    )
                )

    @api.depends("amount_total", "invoice_ids.amount_residual", "invoice_ids.state")
    def _compute_aftersales_amount_missing(self):
        for order in self:
            order.aftersales_amount_missing = (
                order._aftersales_payment_missing() if order.aftersales_is_parts_order else 0.0
            )

    # ------------------------------------------------------------------
    # Payment before goods (先款后货)
    # ------------------------------------------------------------------
    def _aftersales_payment_missing(self):
        """The amount, in the order's currency, not covered by payments yet."""
        self.ensure_one()
        order = self.sudo()
        currency = order.currency_id
        due = order.amount_total - order._aftersales_invoices_paid()
        missing = due - order._aftersales_dealer_credit()
        return currency.round(max(missing, 0.0))

    def _aftersales_invoices_paid(self):
        """What was paid on the order's posted customer invoices, in its currency."""
        invoices = self.invoice_ids.filtered(
            lambda move: move.state == "posted" and move.move_type == "out_invoice"
        )
        return sum(
            move.currency_id._convert(
                move.amount_total - move.amount_residual,
                self.currency_id,
                self.company_id,
                move.invoice_date or fields.Date.context_today(self),
            )
            for move in invoices
        )

    def _aftersales_dealer_credit(self):
        """What the dealer has to its credit for this order, in the order's currency: its
        unreconciled receivable items outside this order's invoices (advance payments and
        credit notes not used yet, less other invoices still open), when in credit."""
        lines = self.env["account.move.line"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
                ("account_id.account_type", "=", "asset_receivable"),
                ("parent_state", "=", "posted"),
                ("reconciled", "=", False),
                ("move_id", "not in", self.invoice_ids.ids),
            ]
        )
        credit = max(-sum(lines.mapped("amount_residual")), 0.0)
        return self.company_id.currency_id._convert(
            credit, self.currency_id, self.company_id, fields.Date.context_today(self)
        )
