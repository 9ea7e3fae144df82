# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _get_new_picking_values(self):
        """A replenishment of a service point (网点补货) is addressed to the point, who
        signs for it on delivery."""
        values = super()._get_new_picking_values()
        if not values.get("partner_id"):
            move = self[:1]
            point = move.location_dest_id.aftersales_point_ids[:1]
            if point and move.picking_type_id.aftersales_sign_on_delivery:
                values["partner_id"] = point.id
        return values
