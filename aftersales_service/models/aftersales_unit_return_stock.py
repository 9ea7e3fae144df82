# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

DISPOSITIONS = [
    ("refurbish", "Repair and Resell as Refurbished"),
    ("supplier", "Return to the Supplier"),
    ("scrap", "Scrap"),
]
DISPOSITION_STATES = [
    ("none", "Not Received"),
    ("to_decide", "Awaiting Disposition"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
]


class AftersalesUnitReturn(models.Model):
    """The units of an exchange / refund order as real stock: the returned unit comes in
    to the returned-units store (退换机库), the replacement leaves stock with its own
    serial; when both are done the order completes. Then every returned unit gets a
    disposition (处置) — refurbished, back to the supplier or scrapped — followed by its
    own transfer or scrap until done."""

    _inherit = "aftersales.unit.return"

    picking_ids = fields.One2many("stock.picking", "aftersales_unit_return_id", "Transfers")
    picking_count = fields.Integer(compute="_compute_picking_count")
    receipt_picking_id = fields.Many2one("stock.picking", "Receipt", readonly=True, copy=False)
    delivery_picking_id = fields.Many2one(
        "stock.picking", "Replacement Delivery", readonly=True, copy=False
    )
    disposition = fields.Selection(
        DISPOSITIONS,
        tracking=True,
        help="What becomes of the returned unit (退换机处置): repaired and sold as a "
        "refurbished unit, returned to the supplier who made it, or scrapped.",
    )
    disposition_partner_id = fields.Many2one(
        "res.partner",
        "Supplier",
        tracking=True,
        compute="_compute_disposition_partner_id",
        store=True,
        readonly=False,
        help="Who takes the unit back when it returns to its supplier.",
    )
    disposition_picking_id = fields.Many2one(
        "stock.picking", "Disposition Transfer", readonly=True, copy=False
    )
    disposition_scrap_id = fields.Many2one("stock.scrap", "Scrap Order", readonly=True, copy=False)
    disposition_state = fields.Selection(
        DISPOSITION_STATES,
        compute="_compute_disposition_state",
        store=True,
        index=True,
        help="Not Received: the unit is not in the store yet. Awaiting Disposition: in the "
        "store without a disposition under way. In Progress: its transfer is not done. Done.",
    )
    age_days = fields.Integer(
        "Days in Store",
        compute="_compute_age_days",
        help="Days since the returned unit came in, until its disposition is done.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("picking_ids")
    def _compute_picking_count(self):
        for order in self:
            order.picking_count = len(order.picking_ids)

    @api.depends("disposition", "product_id")
    def _compute_disposition_partner_id(self):
        for order in self:
            if order.disposition == "supplier" and not order.disposition_partner_id:
                order.disposition_partner_id = order.product_id.seller_ids[:1].partner_id

    @api.depends(
        "receipt_picking_id.state", "disposition_picking_id.state", "disposition_scrap_id.state"
    )
    def _compute_disposition_state(self):
        for order in self:
            done = order.disposition_picking_id.state == "done" or (
                order.disposition_scrap_id.state == "done"
            )
            if order.receipt_picking_id.state != "done":
                order.disposition_state = "none"
            elif done:
                order.disposition_state = "done"
            elif order.disposition_picking_id or order.disposition_scrap_id:
                order.disposition_state = "in_progress"
            else:
                order.disposition_state = "to_decide"

    @api.depends("receipt_picking_id.date_done", "disposition_state")
    def _compute_age_days(self):
        today = fields.Date.context_today(self)
        for order in self:
            received = order.receipt_picking_id.date_done
            if received and order.disposition_state in ("to_decide", "in_progress"):
                order.age_days = (today - fields.Date.context_today(order, received)).days
            else:
                order.age_days = 0

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_receive_unit(self):
        """The warehouse takes the returned unit in (validates the receipt)."""
        self._ensure_state(("approved",), _("received"))
        self.receipt_picking_id._aftersales_validate_unit_transfer()

    def action_deliver_replacement(self):
        """The warehouse hands the replacement out (validates the delivery)."""
        self._ensure_state(("approved",), _("delivered"))
        self.delivery_picking_id._aftersales_validate_unit_transfer()

    def action_dispose(self):
        """Start the returned unit's disposition: its transfer, or its scrap."""
        for order in self:
            if order.disposition_state != "to_decide":
                raise UserError(
                    _(
                        "%(order)s: only a returned unit in the store without a disposition "
                        "under way can be disposed of.",
                        order=order.name,
                    )
                )
            if not order.disposition:
                raise UserError(
                    _(
                        "%(order)s: choose the disposition of the returned unit first.",
                        order=order.name,
                    )
                )
            if order.disposition == "scrap":
                order._scrap_returned_unit()
            else:
                order._create_disposition_picking()

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("id", "in", self.picking_ids.ids)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _stock_problems(self):
        """What keeps an exchange from going out: the replacement must be in stock."""
        self.ensure_one()
        own_stock = not self.dealer_id  # a dealer exchanges from its own stock
        if (
            own_stock
            and self.kind == "exchange"
            and self.replacement_lot_id
            and not self._replacement_quant()
        ):
            return [
                _(
                    "the replacement unit %(unit)s is not in stock",
                    unit=self.replacement_lot_id.name,
                )
            ]
        return []

    def _replacement_quant(self):
        return self.replacement_lot_id.quant_ids.filtered(
            lambda quant: quant.location_id.usage == "internal"
            and quant.quantity > 0
            and quant.company_id == self.company_id
        )[:1]

    def _create_pickings(self):
        for order in self:
            warehouse = order.company_id._aftersales_warehouse()
            order.receipt_picking_id = order._new_picking(
                warehouse.aftersales_return_in_type_id,
                order._customers_location(),
                warehouse.aftersales_returned_location_id,
                order.lot_id,
                order.dealer_id or order.partner_id,
            )
            quant = order.kind == "exchange" and order._replacement_quant()
            if quant:
                order.delivery_picking_id = order._new_picking(
                    warehouse.aftersales_exchange_out_type_id,
                    quant.location_id,
                    order._customers_location(),
                    order.replacement_lot_id,
                    order.partner_id,
                )

    def _create_disposition_picking(self):
        self.ensure_one()
        warehouse = self.company_id._aftersales_warehouse()
        if self.disposition == "refurbish":
            operation = warehouse.aftersales_refurbish_type_id
            destination, partner = warehouse.aftersales_refurbished_location_id, False
        else:
            if not self.disposition_partner_id:
                raise UserError(
                    _("%(order)s: choose the supplier the unit goes back to.", order=self.name)
                )
            operation = warehouse.aftersales_return_supplier_type_id
            destination = self.env.ref("stock.stock_location_suppliers")
            partner = self.disposition_partner_id
        self.disposition_picking_id = self._new_picking(
            operation, warehouse.aftersales_returned_location_id, destination, self.lot_id, partner
        )

    def _scrap_returned_unit(self):
        self.ensure_one()
        warehouse = self.company_id._aftersales_warehouse()
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.product_id.id,
                "lot_id": self.lot_id.id,
                "scrap_qty": 1.0,
                "location_id": warehouse.aftersales_returned_location_id.id,
                "company_id": self.company_id.id,
                "origin": self.name,
            }
        )
        scrap.action_validate()
        self.disposition_scrap_id = scrap

    def _new_picking(self, operation, source, destination, lot, partner):
        return self.env["stock.picking"]._aftersales_unit_transfer(
            operation,
            source,
            destination,
            lot,
            partner or self.env["res.partner"],
            origin=self.name,
            aftersales_unit_return_id=self.id,
        )

    def _cancel_pickings(self):
        done = self.picking_ids.filtered(lambda picking: picking.state == "done")
        if done:
            raise UserError(
                _(
                    "Transfer %(pickings)s is done: return it from Inventory before "
                    "cancelling the order.",
                    pickings=", ".join(done.mapped("name")),
                )
            )
        self.picking_ids.filtered(lambda picking: picking.state != "cancel").action_cancel()

    def _customers_location(self):
        return self.env.ref("stock.stock_location_customers")

    def _complete_when_moved(self):
        """Called when a transfer is done: an approved order whose unit came in and whose
        replacement went out is complete."""
        for order in self.filtered(lambda order: order.state == "approved"):
            pickings = order.receipt_picking_id | order.delivery_picking_id
            if all(picking.state == "done" for picking in pickings):
                order._complete()
