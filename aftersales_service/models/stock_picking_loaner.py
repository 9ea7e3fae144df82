# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _aftersales_register_sold_units(self):
        """A loaner (备用机借出) is lent, not sold: it gets no customer nor sale date."""
        return super(
            StockPicking,
            self.filtered(
                lambda picking: picking.picking_type_id
                != picking.picking_type_id.warehouse_id.aftersales_loaner_out_type_id
            ),
        )._aftersales_register_sold_units()
