# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .product_category import PART_CLASSES

#: the code of each part class in the barcodes of its bin (WH-NP-TR)
BIN_CODES = {"transfer": "TR", "warranty": "WA", "wear": "WE", "packaging": "PK"}


class StockWarehouse(models.Model):
    """The new-part store (新件库) of a warehouse: a bin per part class with its barcode,
    putaway rules that send a receipt of a class into its bin, the operations 新件入库
    (receipt from a supplier) and 网点补货 (a service point's replenishment), and the route
    that fills the service points from the store and the store by purchase (采购计划 is
    Odoo's replenishment over the reordering rules)."""

    _inherit = "stock.warehouse"

    aftersales_new_parts_receipt_type_id = fields.Many2one(
        "stock.picking.type", "New-Part Receipt Operation", check_company=True, copy=False
    )
    aftersales_point_supply_type_id = fields.Many2one(
        "stock.picking.type",
        "Service Point Replenishment Operation",
        check_company=True,
        copy=False,
    )
    aftersales_parts_route_id = fields.Many2one(
        "stock.route",
        "Parts Store Replenishment",
        check_company=True,
        copy=False,
        help="Fills the service points' stock from the new-part store and the store by "
        "purchase: the route of the reordering rules on both.",
    )

    # ------------------------------------------------------------------
    # The after-sales stores
    # ------------------------------------------------------------------
    def _aftersales_operations(self, env):
        return {
            **super()._aftersales_operations(env),
            "aftersales_new_parts_receipt_type_id": (
                env._("New-Part Receipts"),
                "incoming",
                self.env.ref("stock.stock_location_suppliers"),
                self.aftersales_new_parts_location_id,
            ),
            "aftersales_point_supply_type_id": (
                env._("Service Point Replenishment"),
                "internal",
                self.aftersales_new_parts_location_id,
                self.company_id._aftersales_point_parent_location(),
            ),
        }

    def _aftersales_operation_codes(self):
        return {
            **super()._aftersales_operation_codes(),
            "aftersales_new_parts_receipt_type_id": "NPR",
            "aftersales_point_supply_type_id": "NPS",
        }

    def _get_picking_type_create_values(self, max_sequence):
        """The service point signs for a replenishment on delivery."""
        data, next_sequence = super()._get_picking_type_create_values(max_sequence)
        data["aftersales_point_supply_type_id"]["aftersales_sign_on_delivery"] = True
        return data, next_sequence

    @api.model_create_multi
    def create(self, vals_list):
        warehouses = super().create(vals_list)
        warehouses._aftersales_install_parts_store()
        return warehouses

    def _aftersales_missing_stores(self):
        missing = super()._aftersales_missing_stores()
        return missing | self.filtered(lambda warehouse: not warehouse.aftersales_parts_route_id)

    def _aftersales_install_stores(self):
        res = super()._aftersales_install_stores()
        self._aftersales_install_parts_store()
        return res

    @api.model
    def _aftersales_install_all_stores(self):
        """On install and upgrade: every warehouse gets the stores it lacks."""
        self.with_context(active_test=False).search([])._aftersales_install_stores()

    # ------------------------------------------------------------------
    # The new-part store: bins, putaway, route
    # ------------------------------------------------------------------
    def _aftersales_install_parts_store(self):
        for warehouse in self.filtered("aftersales_new_parts_location_id"):
            warehouse._aftersales_install_bins()
            if (
                not warehouse.aftersales_parts_route_id
                and warehouse.aftersales_point_supply_type_id
            ):
                warehouse.aftersales_parts_route_id = warehouse._aftersales_create_parts_route()

    def _aftersales_install_bins(self):
        """A bin per part class under 新件库, and the putaway rule sending the class there."""
        self.ensure_one()
        store = self.aftersales_new_parts_location_id
        Location = self.env["stock.location"].with_context(lang=self._aftersales_lang())
        labels = dict(
            Location._fields["aftersales_part_class"]._description_selection(Location.env)
        )
        for part_class, _label in PART_CLASSES:
            bin_location = Location.search(
                [("location_id", "=", store.id), ("aftersales_part_class", "=", part_class)],
                limit=1,
            )
            category = self.env["product.category"]._aftersales_class_category(part_class)
            if not bin_location:
                bin_location = Location.create(
                    {
                        "name": category.name or labels[part_class],
                        "usage": "internal",
                        "location_id": store.id,
                        "company_id": self.company_id.id,
                        "barcode": f"{self.code}-NP-{BIN_CODES[part_class]}",
                        "aftersales_part_class": part_class,
                    }
                )
            self._aftersales_ensure_putaway(store, bin_location, category)

    def _aftersales_ensure_putaway(self, store, bin_location, category):
        if not category:
            return
        Rule = self.env["stock.putaway.rule"]
        if Rule.search_count(
            [("location_in_id", "=", store.id), ("category_id", "=", category.id)], limit=1
        ):
            return
        Rule.create(
            {
                "location_in_id": store.id,
                "category_id": category.id,
                "location_out_id": bin_location.id,
                "company_id": self.company_id.id,
            }
        )

    def _aftersales_create_parts_route(self):
        self.ensure_one()
        env = self.with_context(lang=self._aftersales_lang()).env
        store = self.aftersales_new_parts_location_id
        points = self.company_id._aftersales_point_parent_location()
        name = env._("%(warehouse)s: Parts Store Replenishment", warehouse=self.name)
        rule_common = {"company_id": self.company_id.id, "warehouse_id": self.id}
        return self.env["stock.route"].create(
            {
                "name": name,
                "company_id": self.company_id.id,
                "product_selectable": True,
                "warehouse_selectable": False,
                "sequence": 50,
                "rule_ids": [
                    fields.Command.create(
                        {
                            **rule_common,
                            "name": env._("%(store)s: Purchase", store=store.display_name),
                            "action": "buy",
                            "location_src_id": self.env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": store.id,
                            "picking_type_id": self.aftersales_new_parts_receipt_type_id.id,
                            "group_propagation_option": "none",
                        }
                    ),
                    fields.Command.create(
                        {
                            **rule_common,
                            "name": env._("%(store)s → Service Points", store=store.display_name),
                            "action": "pull",
                            "procure_method": "make_to_stock",
                            "location_src_id": store.id,
                            "location_dest_id": points.id,
                            "picking_type_id": self.aftersales_point_supply_type_id.id,
                        }
                    ),
                ],
            }
        )
