# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import unittest

from odoo.tests import HttpCase, tagged

from .common_parts_order import AftersalesPartsOrderCommon
from .common_report import print_in_chinese, render_pdf_text


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesPartsOrderReport(AftersalesPartsOrderCommon, HttpCase):
    """The parts order in its four copies and the signed delivery list, through
    wkhtmltopdf."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("report.url", cls.base_url())

    def test_the_parts_order_prints_in_four_copies_one_page_each(self):
        order = self._order(aftersales_urgent=True)
        text = render_pdf_text(
            self, "aftersales_service.action_report_aftersales_parts_order", order, self.user_clerk
        )
        pages = [page for page in text.split("\f") if page.strip()]
        self.assertEqual(len(pages), 4)
        copies = ("Finance Copy", "Warehouse Copy", "Materials Accountant Copy", "File Copy")
        for page, copy_name in zip(pages, copies, strict=True):
            self.assertIn(copy_name, page)
            for expected in ("Parts Order", order.name, "余杭配件经销商", "TS-20", "300.00"):
                self.assertIn(expected, page)
            self.assertIn("Urgent Order", page)
            self.assertIn("Finance", page)
            self.assertIn("Dealer", page)

    def test_the_delivery_list_prints_shipping_and_signature_lines(self):
        carrier = self.env["res.partner"].create({"name": "顺丰速运", "is_company": True})
        order = self._order()
        delivery = order.picking_ids
        delivery.write(
            {
                "aftersales_shipping_method": "express",
                "aftersales_carrier_id": carrier.id,
                "aftersales_tracking_ref": "SF1234567890",
            }
        )
        text = render_pdf_text(
            self,
            "aftersales_service.action_report_aftersales_delivery_list",
            delivery,
            self.user_warehouse,
        )
        for expected in (
            "Delivery List",
            delivery.name,
            order.name,
            "余杭配件经销商",
            "Express",
            "顺丰速运",
            "SF1234567890",
            "Thermostat TS-20",
            "Shipped By",
            "Received By",
        ):
            self.assertIn(expected, text)


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesPartsOrderReportChinese(AftersalesPartsOrderCommon, HttpCase):
    """The four copies as a Chinese dealer reads them: 财务联 / 仓库联 / 材料会计联 / 存根联."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_chinese(cls)
        cls.dealer.lang = "zh_CN"

    def test_the_four_copies_are_named_in_chinese(self):
        order = self._order()
        text = render_pdf_text(
            self, "aftersales_service.action_report_aftersales_parts_order", order, self.user_clerk
        )
        if "Finance Copy" in text:
            self.skipTest("the zh_CN terms of zh_CN-pending-orders.json are not in the .po yet")
        pages = [page for page in text.split("\f") if page.strip()]
        for page, copy_name in zip(
            pages, ("财务联", "仓库联", "材料会计联", "存根联"), strict=True
        ):
            self.assertIn("配件订单", page)
            self.assertIn(copy_name, page)
        self.assertNotIn("Parts Order", text)
