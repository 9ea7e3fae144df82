# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from .common_job import AftersalesJobCommon


class AftersalesPartsStoreCommon(AftersalesJobCommon):
    """The company's new-part store (新件库) with its bins, a part of each class used in
    the tests, and helpers to receive parts at a cost and issue them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env.company._aftersales_warehouse()
        cls.store = cls.warehouse.aftersales_new_parts_location_id
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.suppliers = cls.env.ref("stock.stock_location_suppliers")
        cls.supplier = cls.env["res.partner"].create({"name": "Test parts supplier"})
        Category = cls.env["product.category"]
        cls.warranty_class = Category._aftersales_class_category("warranty")
        cls.wear_class = Category._aftersales_class_category("wear")
        # A plain storable part of the 三包件 class: FIFO removal and FIFO costing.
        cls.valve = cls._create_part("Test valve", cls.warranty_class)
        cls.element.write({"categ_id": cls.wear_class.id, "aftersales_is_spare_part": True})

    @classmethod
    def _create_part(cls, name, category, **vals):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "is_storable": True,
                "categ_id": category.id,
                "aftersales_is_spare_part": True,
                **vals,
            }
        )

    def _bin(self, part_class):
        return self.env["stock.location"].search(
            [("location_id", "=", self.store.id), ("aftersales_part_class", "=", part_class)]
        )

    def _receive(self, product, quantity, unit_cost, user=None):
        """新件入库: a receipt into 新件库 at ``unit_cost``, validated by the warehouse."""
        user = user or self.user_warehouse
        picking = (
            self.env["stock.picking"]
            .with_user(user)
            .create(
                {
                    "picking_type_id": self.warehouse.aftersales_new_parts_receipt_type_id.id,
                    "partner_id": self.supplier.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom_qty": quantity,
                                "product_uom": product.uom_id.id,
                                "price_unit": unit_cost,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.move_ids.quantity = quantity
        picking.move_ids.picked = True
        picking.button_validate()
        return picking

    def _issue(self, product, quantity, source=None, user=None):
        """An issue of ``quantity`` from 新件库 to a customer (a dealer's delivery)."""
        user = user or self.user_warehouse
        picking = (
            self.env["stock.picking"]
            .with_user(user)
            .create(
                {
                    "picking_type_id": self.warehouse.out_type_id.id,
                    "location_id": (source or self.store).id,
                    "location_dest_id": self.customers.id,
                    "partner_id": self.customer.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom_qty": quantity,
                                "product_uom": product.uom_id.id,
                                "location_id": (source or self.store).id,
                                "location_dest_id": self.customers.id,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        return picking
