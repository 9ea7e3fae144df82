# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common_parts_stock import AftersalesPartsStockCommon


@tagged("post_install", "-at_install")
class TestAftersalesPartsStockCard(AftersalesPartsStockCommon):
    """账物卡 of the new-part store: the book (done moves), the physical count (the
    pending stocktake) and the bin card (the quant) side by side, differences listed."""

    def _stock_cards(self):
        action = (
            self.env["aftersales.old.part.reconciliation"]
            .with_user(self.user_warehouse)
            .action_open_new_parts()
        )
        lines = self.env["aftersales.old.part.reconciliation.line"].search(action["domain"])
        self.assertEqual(set(lines.mapped("store")), {"new"})
        return {(line.location_id, line.product_id): line for line in lines}

    def test_a_planted_difference_shows_on_the_new_part_store(self):
        self._receive(self.filter_part, 10, 50.0, location=self.new_store)
        self._receive(self.pump_part, 4, 200.0, location=self.new_store)
        # each part is put away in its class's bin of the store
        quant = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.filter_part.id),
                ("location_id", "child_of", self.new_store.id),
            ]
        )
        wear_bin = quant.location_id
        self.assertEqual(wear_bin.location_id, self.new_store)
        warranty_bin = (
            self.env["stock.quant"]
            .search(
                [
                    ("product_id", "=", self.pump_part.id),
                    ("location_id", "child_of", self.new_store.id),
                ]
            )
            .location_id
        )
        # the stocktake finds two filters missing, not yet applied
        quant.with_user(self.user_warehouse).with_context(inventory_mode=True).write(
            {"inventory_quantity": 8}
        )
        rows = self._stock_cards()
        filters = rows[wear_bin, self.filter_part]
        self.assertEqual(
            (filters.booked_qty, filters.on_hand_qty, filters.labelled_qty), (10, 8, 10)
        )
        self.assertTrue(filters.is_difference)
        self.assertEqual(filters.difference, "book and count differ")
        pumps = rows[warranty_bin, self.pump_part]
        self.assertEqual((pumps.booked_qty, pumps.on_hand_qty, pumps.labelled_qty), (4, 4, 4))
        self.assertFalse(pumps.is_difference)

        # applying the count books the loss: book, count and card agree again
        quant.with_user(self.user_warehouse).action_apply_inventory()
        filters = self._stock_cards()[wear_bin, self.filter_part]
        self.assertEqual((filters.booked_qty, filters.on_hand_qty, filters.labelled_qty), (8, 8, 8))
        self.assertFalse(filters.is_difference)
