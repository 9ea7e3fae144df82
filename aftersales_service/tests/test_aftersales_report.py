# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import unittest

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval
from odoo.tools.safe_eval import time as safe_time

from .common import AftersalesCommon
from .common_report import print_in_chinese, render_pdf_text


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesReport(AftersalesCommon, HttpCase):
    """Real PDFs from wkhtmltopdf, which loads the report's styles from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_chinese(cls)
        cls.point = cls.env["res.partner"].create(
            {
                "name": "杭州西湖特约服务站",
                "is_company": True,
                "lang": "zh_CN",
                "city": "杭州市",
                "phone": "0571-8890 1234",
                "child_ids": [
                    Command.create({"name": "李建国", "function": "维修技师"}),
                ],
            }
        )

    def _render(self, partner):
        return render_pdf_text(
            self, "aftersales_service.aftersales_partner_sheet_report", partner, self.user_clerk
        )

    def test_sheet_prints_in_chinese_for_a_chinese_partner(self):
        text = self._render(self.point)
        self.assertIn("服务网络信息表", text)
        self.assertIn("杭州西湖特约服务站", text)
        self.assertIn("李建国", text)
        self.assertIn("维修技师", text)
        self.assertNotIn("Service Network Sheet", text)

    def test_sheet_shows_the_network_technicians_kpis_and_contracts(self):
        agent = self.env["res.partner"].create({"name": "浙江测试售后服务中心", "is_company": True})
        city = self.env["aftersales.region"].create(
            {"name": "测试市", "level": "city", "area_class": "central_city"}
        )
        self.point.write(
            {
                "is_service_point": True,
                "network_level": "city",
                "network_parent_id": agent.id,
                "service_region_ids": [Command.set(city.ids)],
            }
        )
        self.env["res.partner"].create(
            {
                "name": "王技师",
                "parent_id": self.point.id,
                "is_technician": True,
                "technician_certificate": "CERT-88",
                "technician_certificate_expiry": "2020-01-31",
            }
        )
        self.env["aftersales.agency.contract"].create(
            {
                "name": "测试代理合同 2026",
                "partner_id": self.point.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        text = self._render(self.point)
        for expected in (
            "市级代理",
            "浙江测试售后服务中心",
            "测试市",
            "王技师",
            "CERT-88",
            "（已过期）",
            "服务指标",
            "—",
            "测试代理合同 2026",
        ):
            with self.subTest(expected=expected):
                self.assertIn(expected, text)
        self.assertNotIn("0.00", text, "no data is —, not 0")

    def test_sheet_file_is_named_in_chinese(self):
        report = self.env.ref("aftersales_service.aftersales_partner_sheet_report")
        expression = report.with_context(lang="zh_CN").print_report_name
        name = safe_eval(expression, {"object": self.point, "time": safe_time})
        self.assertEqual(name, "服务网络信息表 - 杭州西湖特约服务站")

    def test_sheet_prints_in_english_for_an_english_partner(self):
        self.point.lang = "en_US"
        text = self._render(self.point)
        self.assertIn("Service Network Sheet", text)
        self.assertIn("杭州西湖特约服务站", text)
