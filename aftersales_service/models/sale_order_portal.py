# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A dealer places its parts order (配件订单) on the portal; the company confirms it."""

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError

#: at most this many lines in one order placed on the portal
PORTAL_MAX_LINES = 50


class SaleOrder(models.Model):
    _inherit = "sale.order"

    aftersales_portal_shipping = fields.Char(
        "Shipping",
        compute="_compute_aftersales_portal_shipping",
        help="What the dealer sees of the deliveries: shipped or not, and the tracking "
        "references (运单号).",
    )

    def _compute_aftersales_portal_shipping(self):
        for order in self:
            pickings = order.sudo().picking_ids.filtered(
                lambda picking: picking.picking_type_code == "outgoing"
                and picking.state != "cancel"
            )
            refs = [ref for ref in pickings.mapped("aftersales_tracking_ref") if ref]
            if not pickings:
                status = ""
            elif all(picking.state == "done" for picking in pickings):
                status = _("Shipped")
            elif any(picking.state == "done" for picking in pickings):
                status = _("Partly shipped")
            else:
                status = _("Not shipped yet")
            if refs:
                status = _("%(status)s, tracking %(refs)s", status=status, refs=", ".join(refs))
            order.aftersales_portal_shipping = status

    @api.model
    def _portal_parts_catalogue_domain(self):
        """The parts a dealer may order: saleable parts of the new-part store's classes."""
        return [
            ("sale_ok", "=", True),
            ("categ_id", "child_of", self.env.ref("aftersales_service.product_category_parts").id),
            ("company_id", "in", (False, self.env.company.id)),
        ]

    @api.model
    def _portal_parts_in_stock(self, parts):
        """{part id: whether the new-part store can ship it now} (free quantity, that is
        on hand and not reserved); the dealer sees in stock or not, not the quantities."""
        warehouse = self.env.company.sudo()._aftersales_warehouse()
        store = warehouse.aftersales_new_parts_location_id
        parts = parts.sudo().with_context(location=store.id)
        return {part.id: part.free_qty > 0 for part in parts}

    @api.model
    def _portal_create_parts_order(self, quantities, urgent=False, note=None):
        """The dealer's parts order as a quotation for the company to confirm.

        ``quantities``: {product id: quantity}. Created as superuser for the user's own
        commercial partner only; returns the order (as superuser)."""
        point = self.env.user.partner_id.commercial_partner_id
        if not (point.is_dealer or point.is_service_point):
            raise AccessError(_("This page is for the company's dealers and service points."))
        wanted = {}
        for product_id, quantity in (quantities or {}).items():
            try:
                product_id, quantity = int(product_id), float(quantity or 0)
            except (TypeError, ValueError) as error:
                raise UserError(_("Give each quantity as a number.")) from error
            if quantity < 0:
                raise UserError(_("A quantity cannot be negative."))
            if quantity:
                wanted[product_id] = quantity
        if not wanted:
            raise UserError(_("Give the quantity of at least one part."))
        if len(wanted) > PORTAL_MAX_LINES:
            raise UserError(_("Order at most %(count)s parts at once.", count=PORTAL_MAX_LINES))
        Product = self.env["product.product"].sudo()
        products = Product.search(
            [*self._portal_parts_catalogue_domain(), ("id", "in", list(wanted))]
        )
        if len(products) != len(wanted):
            raise UserError(_("One of the parts cannot be ordered: reload the catalogue."))
        order = self.sudo().create(
            {
                "partner_id": point.id,
                "company_id": self.env.company.id,
                "aftersales_urgent": bool(urgent),
                "note": (note or "").strip() or False,
                "origin": _("Dealer portal"),
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": wanted[product.id]}
                    )
                    for product in products.sorted("default_code")
                ],
            }
        )
        order.message_subscribe(partner_ids=(point | self.env.user.partner_id).ids)
        order.message_post(
            body=_("Parts order placed on the dealer portal."),
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return order
