# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_parts_stock import AftersalesPartsStockCommon


@tagged("post_install", "-at_install")
class TestAftersalesPartsStocktake(AftersalesPartsStockCommon):
    """盘点 by class: the class's quants in the store location are marked to count,
    and applying a count with a difference writes Odoo's adjustment move."""

    def test_a_count_by_class_books_the_difference_as_an_adjustment(self):
        self._receive(self.filter_part, 10, 50.0, location=self.new_store)
        self._receive(self.pump_part, 4, 200.0, location=self.new_store)
        wizard = (
            self.env["aftersales.stocktake"]
            .with_user(self.user_warehouse)
            .create({"location_id": self.new_store.id, "part_class": "wear"})
        )
        action = wizard.action_start()
        quants = self.env["stock.quant"].search(action["domain"])
        self.assertEqual(
            quants.product_id.filtered("categ_id.aftersales_part_class").categ_id, self.wear_class
        )
        filters = quants.filtered(lambda q: q.product_id == self.filter_part)
        self.assertEqual(
            (filters.user_id, filters.inventory_date), (self.user_warehouse, wizard.inventory_date)
        )
        pumps = self.env["stock.quant"].search(
            [("product_id", "=", self.pump_part.id), ("location_id", "child_of", self.new_store.id)]
        )
        self.assertTrue(pumps)
        self.assertFalse(pumps & quants, "the warranty parts are not in a count of wear parts")

        filters.with_user(self.user_warehouse).with_context(inventory_mode=True).write(
            {"inventory_quantity": 7}
        )
        filters.with_user(self.user_warehouse).action_apply_inventory()
        move = self.env["stock.move"].search(
            [("product_id", "=", self.filter_part.id), ("is_inventory", "=", True)]
        )
        self.assertEqual(move.state, "done")
        # counted in the wear parts' bin of the store
        self.assertEqual(move.location_id, filters.location_id)
        self.assertEqual(move.location_id.location_id, self.new_store)
        self.assertEqual(move.location_dest_id.usage, "inventory")
        self.assertEqual(move.quantity, 3)
        self.assertEqual(self.filter_part.with_context(location=self.new_store.id).qty_available, 7)

    def test_a_class_with_nothing_in_the_location_is_refused(self):
        wizard = (
            self.env["aftersales.stocktake"]
            .with_user(self.user_warehouse)
            .create({"location_id": self.new_store.id, "part_class": "packaging"})
        )
        if wizard._quants_to_count():
            self.skipTest("the database holds packaging in the new-part store")
        with self.assertRaisesRegex(UserError, "holds no Packaging"):
            wizard.action_start()

    def test_only_the_warehouse_counts(self):
        with self.assertRaises(AccessError):
            self.env["aftersales.stocktake"].with_user(self.user_accountant).create(
                {"location_id": self.new_store.id, "part_class": "wear"}
            )
