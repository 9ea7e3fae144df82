# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        res = super()._action_done()
        self._aftersales_register_sold_units()
        return res

    def _aftersales_register_sold_units(self):
        """A delivery to a customer tells who bought each serial-numbered unit
        and when: fill the units' customer, sale date and reference when empty."""
        deliveries = self.filtered(
            lambda p: p.state == "done"
            and p.picking_type_code == "outgoing"
            and p.location_dest_id.usage == "customer"
        )
        for picking in deliveries:
            lots = picking.move_line_ids.lot_id.filtered(
                lambda lot: lot.product_id.tracking == "serial"
            )
            sale_date = fields.Date.context_today(picking, picking.date_done)
            lots.filtered(lambda lot: not lot.customer_id).customer_id = picking.partner_id
            lots.filtered(lambda lot: not lot.sale_date).sale_date = sale_date
            lots.filtered(lambda lot: not lot.sale_reference).sale_reference = (
                picking.origin or picking.name
            )
