# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_parts_stock import AftersalesPartsStockCommon


@tagged("post_install", "-at_install")
class TestAftersalesPartsDealerReturn(AftersalesPartsStockCommon):
    """A dealer's return: the type decides who bears the freight, the credit note
    credits the returned parts at the sold price, and goods older than two seasons
    are deemed sold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.filter_part, 10, 50.0)
        cls._receive(cls.pump_part, 5, 200.0)

    def _return(self, picking, return_type, freight, quantities, user=None):
        wizard = (
            self.env["stock.return.picking"]
            .with_user(user or self.user_warehouse)
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({"aftersales_return_type": return_type, "aftersales_freight_amount": freight})
        )
        self.assertTrue(wizard.aftersales_is_dealer_return)
        for line in wizard.product_return_moves:
            line.quantity = quantities.get(line.product_id, 0.0)
        action = wizard.action_create_returns()
        back = self.env["stock.picking"].browse(action["res_id"])
        for move in back.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        back.with_user(self.user_warehouse).button_validate()
        self.assertEqual(back.state, "done")
        return back

    def test_quality_defect_credits_the_parts_and_the_company_bears_the_freight(self):
        order, delivery = self._sell_and_deliver(
            [(self.filter_part, 4, 120.0), (self.pump_part, 2, 310.5)]
        )
        back = self._return(delivery, "quality", 35.0, {self.pump_part: 1})
        self.assertEqual(back.aftersales_freight_payer, "company")
        self.assertEqual(back.aftersales_freight_amount, 35.0)
        credit = back.aftersales_credit_note_id
        self.assertEqual((credit.move_type, credit.state), ("out_refund", "draft"))
        self.assertEqual(credit.partner_id, self.dealer)
        self.assertEqual(credit.invoice_line_ids.product_id, self.pump_part)
        self.assertEqual(credit.invoice_line_ids.quantity, 1)
        self.assertAlmostEqual(credit.amount_total, 310.5, places=2)
        self.assertFalse(credit.invoice_line_ids.filtered(lambda line: line.price_unit < 0))
        note = credit.message_ids.mapped("body")[0]
        self.assertIn("The company bears the return freight", note)
        self.assertIn("35.00", note)
        self.assertEqual(credit.invoice_line_ids.sale_line_ids.order_id, order)
        pump_line = order.order_line.filtered(lambda line: line.product_id == self.pump_part)
        self.assertEqual(pump_line.qty_delivered, 1)

    def test_disassembled_by_the_dealer_charges_the_freight_on_the_credit_note(self):
        _order, delivery = self._sell_and_deliver([(self.filter_part, 4, 120.0)])
        back = self._return(delivery, "disassembled", 18.6, {self.filter_part: 3})
        self.assertEqual(back.aftersales_freight_payer, "dealer")
        credit = back.aftersales_credit_note_id
        freight = credit.invoice_line_ids.filtered(
            lambda line: line.product_id == self.company.aftersales_freight_product_id
        )
        self.assertEqual(freight.price_subtotal, -18.6)
        parts = credit.invoice_line_ids - freight
        self.assertEqual(
            (parts.product_id, parts.quantity, parts.price_unit), (self.filter_part, 3, 120.0)
        )
        self.assertAlmostEqual(credit.amount_total, 3 * 120.0 - 18.6, places=2)
        self.assertEqual(
            self.filter_part.with_context(location=self.warehouse.lot_stock_id.id).qty_available, 9
        )

    def test_parts_delivered_more_than_two_seasons_ago_are_deemed_sold(self):
        _order, delivery = self._sell_and_deliver([(self.filter_part, 2, 120.0)])
        delivery.date_done = fields.Datetime.now() - relativedelta(months=7)
        with self.assertRaisesRegex(UserError, "deemed sold"):
            self._return(delivery, "quality", 0.0, {self.filter_part: 1})
        self.company.aftersales_return_max_months = 8
        back = self._return(delivery, "quality", 0.0, {self.filter_part: 1})
        self.assertAlmostEqual(back.aftersales_credit_note_id.amount_total, 120.0, places=2)

    def test_only_the_warehouse_takes_back_a_dealers_parts_with_a_type(self):
        _order, delivery = self._sell_and_deliver([(self.filter_part, 2, 120.0)])
        with self.assertRaisesRegex(UserError, "warehouse staff"):
            self._return(delivery, "quality", 0.0, {self.filter_part: 1}, user=self.user_clerk)
        with self.assertRaisesRegex(UserError, "Say why"):
            self._return(delivery, False, 0.0, {self.filter_part: 1})
