# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dealer's parts orders (配件订单) on the portal: its list, and a new order."""

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import AftersalesPortal

PAGE_SIZE = 20
CATALOGUE_SIZE = 80


class AftersalesPortalPartsOrders(AftersalesPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        self._aftersales_counter(
            values,
            counters,
            "aftersales_parts_order_count",
            "sale.order",
            self._aftersales_parts_order_domain(),
        )
        return values

    def _aftersales_parts_order_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [
            ("aftersales_is_parts_order", "=", True),
            ("partner_id", "child_of", partner.id),
            ("state", "!=", "cancel"),
        ]

    @http.route(
        ["/my/parts-orders", "/my/parts-orders/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_aftersales_parts_orders(self, page=1, message=None, **kw):
        self._aftersales_point()
        Order = request.env["sale.order"]
        domain = self._aftersales_parts_order_domain()
        pager = portal_pager(
            url="/my/parts-orders", total=Order.search_count(domain), page=page, step=PAGE_SIZE
        )
        orders = Order.search(
            domain, order="date_order desc, id desc", limit=PAGE_SIZE, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "orders": orders,
                "pager": pager,
                "page_name": "aftersales_parts_order",
                "message": message,
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_parts_orders", values)

    @http.route("/my/parts-orders/new", type="http", auth="user", website=True)
    def portal_aftersales_parts_order_new(self, search=None, error=None, **kw):
        self._aftersales_point()
        Order = request.env["sale.order"]
        domain = Order._portal_parts_catalogue_domain()
        if search:
            domain += ["|", ("default_code", "ilike", search), ("name", "ilike", search)]
        # the portal may not read products: the catalogue is read as superuser
        parts = (
            request.env["product.product"]
            .sudo()
            .search(domain, order="default_code, name", limit=CATALOGUE_SIZE)
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "parts": parts,
                "in_stock": Order._portal_parts_in_stock(parts),
                "search": search or "",
                "page_name": "aftersales_parts_order_new",
                "error": error,
                "message": None,
            }
        )
        return request.render("aftersales_service.portal_aftersales_parts_order_new", values)

    @http.route("/my/parts-orders/create", type="http", auth="user", website=True, methods=["POST"])
    def portal_aftersales_parts_order_create(self, urgent=None, note=None, **post):
        self._aftersales_point()
        quantities = {
            key[len("qty_") :]: value
            for key, value in post.items()
            if key.startswith("qty_") and value not in ("", None)
        }
        try:
            request.env["sale.order"]._portal_create_parts_order(
                quantities, urgent=bool(urgent), note=note
            )
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._aftersales_error_redirect("/my/parts-orders/new", error)
        return request.redirect("/my/parts-orders?message=ordered")
