# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common_parts_store import AftersalesPartsStoreCommon


@tagged("post_install", "-at_install")
class TestAftersalesPartsStore(AftersalesPartsStoreCommon):
    """新件库: its bins and putaway by part class, its operations, FIFO issue and cost."""

    def test_store_has_a_bin_per_class_with_barcode(self):
        code = self.warehouse.code
        for part_class, suffix in (
            ("transfer", "TR"),
            ("warranty", "WA"),
            ("wear", "WE"),
            ("packaging", "PK"),
        ):
            bin_location = self._bin(part_class)
            self.assertEqual(len(bin_location), 1, part_class)
            self.assertEqual(bin_location.barcode, f"{code}-NP-{suffix}")
            self.assertEqual(bin_location.usage, "internal")

    def test_store_operations(self):
        receipt = self.warehouse.aftersales_new_parts_receipt_type_id
        supply = self.warehouse.aftersales_point_supply_type_id
        self.assertEqual(receipt.code, "incoming")
        self.assertEqual(receipt.sequence_code, "NPR")
        self.assertEqual(receipt.default_location_dest_id, self.store)
        self.assertEqual(supply.code, "internal")
        self.assertEqual(supply.sequence_code, "NPS")
        self.assertEqual(supply.default_location_src_id, self.store)
        self.assertTrue(supply.aftersales_sign_on_delivery)

    def test_receipt_is_put_away_in_the_bin_of_its_class(self):
        """A wear part lands in the 易损件 bin, a warranty part in the 三包件 bin, a part
        of a subcategory of 易损件 in the 易损件 bin too."""
        seals = self.env["product.category"].create(
            {"name": "Test seals", "parent_id": self.wear_class.id}
        )
        seal = self._create_part("Test seal", seals)
        for product, part_class in (
            (self.element, "wear"),
            (self.valve, "warranty"),
            (seal, "wear"),
        ):
            picking = self._receive(product, 4, 10.0)
            self.assertEqual(picking.state, "done")
            self.assertEqual(picking.move_line_ids.location_dest_id, self._bin(part_class))
            self.assertEqual(product.with_context(location=self.store.id).qty_available, 4)

    def test_issue_is_first_in_first_out_at_fifo_cost(self):
        """Three receipts at 12.35, 13.20 and 14.05: an issue of 15 costs the first ten and
        five of the second (189.50), the next issue of 10 the other five of the second and
        five of the third (136.25); 5 at 14.05 (70.25) stay in stock."""
        self._use_perpetual_valuation(self.warranty_class)
        for unit_cost in (12.35, 13.20, 14.05):
            self._receive(self.valve, 10, unit_cost)
        first = self._issue(self.valve, 15)
        self.assertEqual(first.state, "done")
        self.assertAlmostEqual(first.move_ids.quantity, 15)
        layers = first.move_ids.stock_valuation_layer_ids
        self.assertAlmostEqual(layers.quantity, -15)
        self.assertEqual(self.env.company.currency_id.round(-layers.value), 189.50)
        self.assertEqual(self._cost_of_goods_sold(first), 189.50)
        second = self._issue(self.valve, 10)
        layers = second.move_ids.stock_valuation_layer_ids
        self.assertEqual(self.env.company.currency_id.round(-layers.value), 136.25)
        self.assertEqual(self._cost_of_goods_sold(second), 136.25)
        receipts = self.env["stock.valuation.layer"].search(
            [("product_id", "=", self.valve.id), ("quantity", ">", 0)], order="id"
        )
        self.assertEqual(receipts.mapped("remaining_qty"), [0.0, 0.0, 5.0])
        self.assertEqual(receipts.mapped("remaining_value"), [0.0, 0.0, 70.25])
        self.assertAlmostEqual(self.valve.qty_available, 5)
        self.assertEqual(self.env.company.currency_id.round(self.valve.value_svl), 70.25)

    def _cost_of_goods_sold(self, picking):
        """The stock valuation account's credit of the issue's journal entry."""
        valuation = self.warranty_class.property_stock_valuation_account_id
        lines = picking.move_ids.account_move_ids.line_ids
        self.assertTrue(valuation and lines, "the issue booked no journal entry")
        return sum(lines.filtered(lambda line: line.account_id == valuation).mapped("credit"))

    def _use_perpetual_valuation(self, category):
        """Automated valuation on the class: 1405 库存商品 valued, 1402 在途物资 on receipt,
        6401 主营业务成本 on issue, in the stock journal."""

        def account(code):
            return self.env["account.account"].search(
                [("code", "=", code), ("company_ids", "in", self.env.company.id)], limit=1
            )

        category.write(
            {
                "property_stock_valuation_account_id": account("140500").id,
                "property_stock_account_input_categ_id": account("140200").id,
                "property_stock_account_output_categ_id": account("640100").id,
                "property_stock_journal": self.env["account.journal"]
                .search([("code", "=", "STJ"), ("company_id", "=", self.env.company.id)])
                .id,
                "property_valuation": "real_time",
            }
        )

    def test_new_warehouse_gets_the_parts_store(self):
        warehouse = self.env["stock.warehouse"].create(
            {"name": "Test parts warehouse", "code": "TPW"}
        )
        self.assertTrue(warehouse.aftersales_new_parts_receipt_type_id)
        self.assertTrue(warehouse.aftersales_point_supply_type_id)
        bins = self.env["stock.location"].search(
            [("location_id", "=", warehouse.aftersales_new_parts_location_id.id)]
        )
        self.assertEqual(
            sorted(bins.mapped("barcode")), ["TPW-NP-PK", "TPW-NP-TR", "TPW-NP-WA", "TPW-NP-WE"]
        )
        rules = warehouse.aftersales_parts_route_id.rule_ids
        self.assertEqual(sorted(rules.mapped("action")), ["buy", "pull"])
        # Run again (an upgrade): nothing is made twice.
        warehouse._aftersales_install_parts_store()
        self.assertEqual(
            self.env["stock.putaway.rule"].search_count(
                [("location_in_id", "=", warehouse.aftersales_new_parts_location_id.id)]
            ),
            4,
        )
