# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form
from odoo.tools.safe_eval import safe_eval

from .common_parts_order import AftersalesPartsOrderCommon


class TestAftersalesPartsOrder(AftersalesPartsOrderCommon):
    """Dealer parts orders (配件订单): shipped from the new-part store, payment before
    goods (先款后货), the manager's release (放行), who validates."""

    def _validate(self, delivery, user=None):
        return delivery.with_user(user or self.user_warehouse).button_validate()

    def test_a_network_partners_order_is_a_parts_order_shipped_from_the_store(self):
        order = self._order()
        self.assertTrue(order.aftersales_is_parts_order)
        delivery = order.picking_ids
        self.assertEqual(len(delivery), 1)
        self.assertEqual(delivery.location_id, self.store)
        self.assertEqual(delivery.move_ids.location_id, self.store)
        self.assertEqual(delivery.state, "assigned")
        self.assertTrue(delivery.aftersales_is_parts_order)

    def test_only_a_manager_makes_a_dealers_order_an_ordinary_sale(self):
        order = self._order(confirm=False).with_user(self.user_clerk)
        with self.assertRaisesRegex(UserError, "Only an after-sales manager"):
            order.aftersales_is_parts_order = False
            order.flush_recordset()
        order.with_user(self.user_manager).aftersales_is_parts_order = False
        self.assertFalse(order.aftersales_is_parts_order)

    def test_a_customers_order_is_no_parts_order_and_ships_from_stock(self):
        customer = self.env["res.partner"].create({"name": "王先生"})
        order = self._order(partner=customer)
        self.assertFalse(order.aftersales_is_parts_order)
        self.assertEqual(order.picking_ids.location_id, self.warehouse.lot_stock_id)

    def test_the_stores_menu_lists_parts_orders_and_their_deliveries(self):
        order = self._order()
        self._order(partner=self.env["res.partner"].create({"name": "王先生"}))
        action = self.env.ref("aftersales_service.aftersales_parts_order_action")
        orders = self.env["sale.order"].with_user(self.user_clerk).search(safe_eval(action.domain))
        self.assertIn(order, orders)
        self.assertTrue(all(orders.mapped("aftersales_is_parts_order")))
        action = self.env.ref("aftersales_service.aftersales_parts_order_delivery_action")
        deliveries = (
            self.env["stock.picking"]
            .with_user(self.user_warehouse)
            .search(safe_eval(action.domain))
        )
        self.assertIn(order.picking_ids, deliveries)
        self.assertEqual(set(deliveries.mapped("picking_type_code")), {"outgoing"})

    def test_the_delivery_is_blocked_before_payment_with_the_missing_amount(self):
        order = self._order()
        delivery = order.picking_ids
        self.assertEqual(delivery.aftersales_amount_missing, 300.0)
        with self.assertRaisesRegex(UserError, r"not paid, ¥\s?300\.00 is missing") as caught:
            self._validate(delivery)
        self.assertIn(order.name, str(caught.exception))
        self.assertIn("release", str(caught.exception))
        self.assertEqual(delivery.state, "assigned")
        # the lower-level _action_done is guarded too
        with self.assertRaises(UserError):
            delivery.with_user(self.user_warehouse)._action_done()

    def test_a_partly_paid_invoice_leaves_the_rest_missing_then_paid_it_ships(self):
        order = self._order()
        invoice = self._invoice(order)
        self._pay_invoice(invoice, 100.0)
        delivery = order.picking_ids
        with self.assertRaisesRegex(UserError, r"¥\s?200\.00 is missing"):
            self._validate(delivery)
        self._pay_invoice(invoice, 200.0)
        self.assertEqual(invoice.amount_residual, 0.0)
        self.assertEqual(order.aftersales_amount_missing, 0.0)
        self._validate(delivery)
        self.assertEqual(delivery.state, "done")
        self.assertEqual(order.order_line.qty_delivered, 2.0)
        self.assertEqual(self.part.with_context(location=self.store.id).qty_available, 8.0)

    def test_the_dealers_advance_payment_covers_the_order(self):
        self._advance_payment(250.0)
        order = self._order()
        delivery = order.picking_ids
        with self.assertRaisesRegex(UserError, r"¥\s?50\.00 is missing"):
            self._validate(delivery)
        self._advance_payment(50.0)
        self._validate(delivery)
        self.assertEqual(delivery.state, "done")

    def test_an_advance_payment_used_by_another_open_invoice_does_not_cover_twice(self):
        self._advance_payment(300.0)
        first = self._order(qty=1)
        self._invoice(first)  # 150.00 open: it takes half of the advance payment
        second = self._order()
        with self.assertRaisesRegex(UserError, r"¥\s?150\.00 is missing"):
            self._validate(second.picking_ids)
        self._validate(first.picking_ids)
        self.assertEqual(first.picking_ids.state, "done")

    def test_an_advance_payment_matched_to_the_invoice_still_covers_the_order(self):
        self._advance_payment(300.0)
        order = self._order()
        invoice = self._invoice(order)
        credit = invoice.invoice_outstanding_credits_debits_widget["content"][0]
        invoice.js_assign_outstanding_line(credit["id"])
        self.assertEqual(invoice.amount_residual, 0.0)
        self._validate(order.picking_ids)
        self.assertEqual(order.picking_ids.state, "done")

    def test_the_manager_releases_an_unpaid_delivery_with_a_reason(self):
        order = self._order()
        delivery = order.picking_ids
        self._flush_tracking()  # changes in the creating transaction are not tracked
        action = delivery.with_user(self.user_manager).action_aftersales_open_release()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.user_manager)
            .with_context(**action["context"])
            .create({"reason": "Long-standing dealer, pays at month end"})
        )
        self.assertEqual(wizard.amount_missing, 300.0)
        wizard.action_release()
        self.assertTrue(delivery.aftersales_released)
        self.assertEqual(delivery.aftersales_released_by_id, self.user_manager)
        self.assertEqual(delivery.aftersales_amount_missing, 0.0)
        note = delivery.message_ids.filtered(
            lambda message: "Long-standing dealer, pays at month end" in (message.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertIn("300.00", note.body)
        self._flush_tracking()
        tracked = delivery.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "aftersales_release_reason"
        )
        self.assertEqual(tracked.new_value_text, "Long-standing dealer, pays at month end")
        self._validate(delivery)
        self.assertEqual(delivery.state, "done")
        # nothing left to release
        with self.assertRaises(UserError):
            delivery._aftersales_release("again")

    def test_the_rest_of_a_released_delivery_stays_released(self):
        order = self._order(qty=3)
        delivery = order.picking_ids
        delivery.with_user(self.user_manager)._aftersales_release("Pays at month end")
        delivery.move_ids.quantity = 1
        action = self._validate(delivery)
        backorder_wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_warehouse)
            .with_context(**action["context"])
        ).save()
        backorder_wizard.process()
        rest = order.picking_ids - delivery
        self.assertEqual(delivery.state, "done")
        self.assertEqual(rest.move_ids.product_uom_qty, 2)
        self.assertTrue(rest.aftersales_released)
        self.assertEqual(rest.aftersales_released_by_id, self.user_manager)
        self.assertIn("Pays at month end", rest.message_ids[0].body)
        self._validate(rest)
        self.assertEqual(rest.state, "done")

    def test_a_clerk_cannot_release(self):
        delivery = self._order().picking_ids
        with self.assertRaises(AccessError):
            self.env["aftersales.parts.release.wizard"].with_user(self.user_clerk).create(
                {"picking_id": delivery.id, "reason": "please"}
            ).action_release()
        self.assertFalse(delivery.aftersales_released)

    def test_a_clerk_cannot_validate_a_parts_order_delivery(self):
        order = self._order()
        self._advance_payment(300.0)
        delivery = order.picking_ids
        with self.assertRaisesRegex(UserError, "Only the parts store's warehouse staff"):
            self._validate(delivery, self.user_clerk)
        self.assertEqual(delivery.state, "assigned")
        self._validate(delivery, self.user_warehouse)
        self.assertEqual(delivery.state, "done")

    def test_shipping_method_carrier_and_tracking_reference_are_tracked(self):
        carrier = self.env["res.partner"].create({"name": "顺丰速运", "is_company": True})
        delivery = self._order().picking_ids.with_user(self.user_warehouse)
        self._flush_tracking()  # changes in the creating transaction are not tracked
        delivery.write(
            {
                "aftersales_shipping_method": "express",
                "aftersales_carrier_id": carrier.id,
                "aftersales_tracking_ref": "SF1234567890",
            }
        )
        self._flush_tracking()
        tracked = delivery.sudo().message_ids.tracking_value_ids.mapped("field_id.name")
        for name in (
            "aftersales_shipping_method",
            "aftersales_carrier_id",
            "aftersales_tracking_ref",
        ):
            self.assertIn(name, tracked)
        found = self.env["stock.picking"].search([("aftersales_tracking_ref", "=", "SF1234567890")])
        self.assertEqual(found, delivery)
