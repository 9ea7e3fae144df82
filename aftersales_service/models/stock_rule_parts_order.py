# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockRule(models.Model):
    """A parts order's goods leave from the warehouse's new-part store (新件库), not
    from its main stock: the rule taking from the stock takes from the store."""

    _inherit = "stock.rule"

    def _get_stock_move_values(
        self,
        product_id,
        product_qty,
        product_uom,
        location_dest_id,
        name,
        origin,
        company_id,
        values,
    ):
        move_values = super()._get_stock_move_values(
            product_id, product_qty, product_uom, location_dest_id, name, origin, company_id, values
        )
        store = self._aftersales_parts_order_store(values)
        if store:
            move_values["location_id"] = store.id
        return move_values

    def _aftersales_parts_order_store(self, values):
        """The new-part store to ship a parts order's line from, or False."""
        line = self.env["sale.order.line"].browse(values.get("sale_line_id")).sudo()
        if not line or not line.order_id.aftersales_is_parts_order:
            return False
        warehouse = self.warehouse_id or line.order_id.warehouse_id
        if self.location_src_id != warehouse.lot_stock_id:
            return False
        return warehouse.aftersales_new_parts_location_id
