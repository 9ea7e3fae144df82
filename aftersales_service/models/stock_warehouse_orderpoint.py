# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class StockWarehouseOrderpoint(models.Model):
    """Safety stock (安全库存) of the new-part store and of the service points: a
    reordering rule on 新件库 is filled by purchase, one on a point's location by 网点补货
    from 新件库 — both through the warehouse's parts store route."""

    _inherit = "stock.warehouse.orderpoint"

    @api.model_create_multi
    def create(self, vals_list):
        orderpoints = super().create(vals_list)
        orderpoints.filtered(lambda orderpoint: not orderpoint.route_id)._aftersales_set_route()
        return orderpoints

    def _aftersales_set_route(self):
        for orderpoint in self:
            warehouse = orderpoint._aftersales_parts_warehouse()
            if warehouse.aftersales_parts_route_id:
                orderpoint.route_id = warehouse.aftersales_parts_route_id

    def _aftersales_parts_warehouse(self):
        """The warehouse whose parts store replenishes this rule's location, if any."""
        self.ensure_one()
        location = self.location_id
        company = self.company_id
        if location.aftersales_point_ids or (
            company.aftersales_point_location_id
            and location.parent_path.startswith(company.aftersales_point_location_id.parent_path)
        ):
            return (
                self.warehouse_id.aftersales_parts_route_id
                and self.warehouse_id
                or (company._aftersales_warehouse())
            )
        return self.env["stock.warehouse"].search(
            [("aftersales_new_parts_location_id", "parent_of", location.id)], limit=1
        )
