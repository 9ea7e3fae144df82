# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from .common import AftersalesCommon


class AftersalesPartsStockCommon(AftersalesCommon):
    """A dealer, a service point and FIFO parts of two classes received into the
    new-part store; helpers to sell and deliver parts to the dealer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.warehouse = cls.company._aftersales_warehouse()
        cls.new_store = cls.warehouse.aftersales_new_parts_location_id
        cls.dealer = cls.env["res.partner"].create(
            {"name": "Test parts dealer", "is_company": True, "is_dealer": True}
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {"name": "Test parts prices", "currency_id": cls.company.currency_id.id}
        )
        cls.wear_class = cls.env.ref("aftersales_service.product_category_parts_wear")
        cls.warranty_class = cls.env.ref("aftersales_service.product_category_parts_warranty")
        cls.filter_part = cls._make_part("Test oil filter", cls.wear_class, 120.0)
        cls.pump_part = cls._make_part("Test water pump", cls.warranty_class, 300.0)

    @classmethod
    def _make_part(cls, name, category, price):
        return cls.env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "categ_id": category.id,
                "list_price": price,
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _receive(cls, product, quantity, cost, location=None):
        """A done receipt of ``quantity`` at ``cost`` a unit (its FIFO layer)."""
        location = location or cls.warehouse.lot_stock_id
        move = cls.env["stock.move"].create(
            {
                "name": product.display_name,
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": quantity,
                "price_unit": cost,
                "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": location.id,
                "picking_type_id": cls.warehouse.in_type_id.id,
                "company_id": cls.company.id,
            }
        )
        move._action_confirm()
        move.quantity = quantity
        move.picked = True
        move._action_done()
        return move

    def _sell_and_deliver(self, lines, partner=None):
        """A confirmed sale order of ``lines`` [(product, quantity, price)] to the dealer,
        its delivery validated by the warehouse. Not flagged as a parts order: it ships
        from the warehouse's stock, where these tests receive the parts, without waiting
        for the payment (test_aftersales_parts_order* cover parts orders)."""
        order = self.env["sale.order"].create(
            {
                "partner_id": (partner or self.dealer).id,
                "aftersales_is_parts_order": False,
                "pricelist_id": self.pricelist.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": quantity,
                            "price_unit": price,
                            "tax_id": [Command.clear()],
                        }
                    )
                    for product, quantity, price in lines
                ],
            }
        )
        order.action_confirm()
        picking = order.picking_ids
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        picking.with_user(self.user_warehouse).button_validate()
        self.assertEqual(picking.state, "done")
        return order, picking
