# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import unittest

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import AftersalesCommon
from .common_report import render_pdf_text


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesReport(AftersalesCommon, HttpCase):
    """Real PDFs from wkhtmltopdf, which loads the report's styles from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("report.url", cls.base_url())
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["aftersales_service"], ["zh_CN"], overwrite=True
        )
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

    def test_sheet_prints_in_english_for_an_english_partner(self):
        self.point.lang = "en_US"
        text = self._render(self.point)
        self.assertIn("Service Network Sheet", text)
        self.assertIn("杭州西湖特约服务站", text)
