# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import unittest

from odoo.tests import HttpCase, tagged

from .common_report import print_in_chinese, render_pdf_text
from .common_unit_return import AftersalesUnitReturnCommon
from .warranty_common import d


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesUnitReturnReport(AftersalesUnitReturnCommon, HttpCase):
    """The 退换机单 the customer signs, as a Chinese customer reads it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_chinese(cls)
        cls.customer.write({"name": "李秀兰", "lang": "zh_CN", "mobile": "13957100102"})
        cls.fridge.name = "测试冰箱 BCD-258"

    def _render(self, order):
        return render_pdf_text(
            self, "aftersales_service.action_report_aftersales_unit_return", order, self.user_clerk
        )

    def test_refund_prints_the_amount_and_its_formula_in_chinese(self):
        unit = self._customer_unit(self.fridge, d("2026-01-10"))
        self._repair(unit, d("2026-03-01"), d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-09-10"), reason="两次维修后仍不能正常使用")
        order.action_approve()
        text = self._render(order)
        self.assertIn("退货单", text)
        self.assertNotIn("Refund Order", text)
        for expected in (order.name, "李秀兰", "13957100102", unit.name, "测试冰箱 BCD-258"):
            self.assertIn(expected, text)
        self.assertIn("两次维修后仍不能正常使用", text)
        self.assertIn("折旧费：2,999.00 × 0.1 % × 233 天 = 698.77", text)
        self.assertIn("退款：2,999.00 − 698.77 = 2,300.23", text)
        self.assertIn("客户签名", text)

    def test_exchange_prints_the_replacement_serial(self):
        old = self._customer_unit(self.fridge, d("2026-03-10"))
        new = self._in_stock(self.fridge)
        order = self._order(
            old, kind="exchange", return_date=d("2026-03-19"), replacement_lot_id=new.id
        )
        order.action_approve()
        text = self._render(order)
        self.assertIn("换货单", text)
        self.assertIn(new.name, text)
        self.assertIn("新机三包有效期自换货之日起计算", text)

    def test_several_orders_print_at_once(self):
        """Debian's wkhtmltopdf takes one document at a time: a selection still prints."""
        first = self._order(self._customer_unit(self.fridge, d("2026-03-10")))
        second = self._order(self._customer_unit(self.fridge, d("2026-03-10")))
        text = self._render(first | second)
        self.assertIn(first.name, text)
        self.assertIn(second.name, text)
        self.assertEqual(text.count("\x0c"), 2, "one page per order")
