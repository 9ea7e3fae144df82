# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import TransactionCase


class TestAftersalesPartsOrderDemo(TransactionCase):
    """The demo has dealer parts orders in every state."""

    def _demo(self, name):
        order = self.env.ref(f"aftersales_service.sale_order_parts_{name}_demo", False)
        if not order:
            self.skipTest("installed without demo data")
        return order

    def test_demo_parts_orders_in_every_state(self):
        draft = self._demo("draft")
        self.assertEqual(draft.state, "draft")
        self.assertTrue(draft.aftersales_is_parts_order)

        urgent = self._demo("urgent")
        self.assertTrue(urgent.aftersales_urgent)
        self.assertTrue(urgent.aftersales_answer_deadline)

        unpaid = self._demo("unpaid")
        self.assertEqual(unpaid.state, "sale")
        delivery = unpaid.picking_ids
        self.assertEqual(
            delivery.location_id, self.env.ref("stock.warehouse0").aftersales_new_parts_location_id
        )
        self.assertEqual(delivery.aftersales_amount_missing, unpaid.amount_total)
        warehouse_user = self.env.ref("aftersales_service.user_warehouse_demo")
        # the demo's warehouse works in Chinese: 尚欠 = is missing
        with self.assertRaisesRegex(UserError, "尚欠"):
            delivery.with_user(warehouse_user).with_context(skip_sms=True).button_validate()

        delivered = self._demo("delivered")
        self.assertEqual(delivered.picking_ids.state, "done")
        self.assertEqual(delivered.picking_ids.aftersales_shipping_method, "express")
        self.assertEqual(delivered.invoice_ids.payment_state, "paid")
