# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import shutil
import unittest

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from .common_job import AftersalesJobCommon
from .common_report import print_in_chinese, render_pdf_text


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesServiceJobReport(AftersalesJobCommon, HttpCase):
    """The 派工单 / 服务确认单 of a completed job, as a Chinese customer reads it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_chinese(cls)
        with file_open("aftersales_service/static/img/demo_signature.png", "rb") as image:
            cls.signature = base64.b64encode(image.read())
        cls.customer.write(
            {"name": "张秀英", "lang": "zh_CN", "tz": "Asia/Shanghai", "mobile": "13957100101"}
        )
        cls.element.write({"name": "测试加热管 1500W", "taxes_id": [Command.clear()]})
        cls.technician.name = "测试技师"
        cls.fault.name = "加热管损坏"
        cls.unit_in_warranty.name = "SN-REPORT-NEW"

    def _completed_job(self, unit, **vals):
        job = self._create_job(unit, **vals)
        self._work_on_site(job)
        job.write({"signature": self.signature, "signed_by": "张秀英"})
        job.action_complete()
        self.assertEqual(job.state, "done")
        return job

    def _render(self, job):
        return render_pdf_text(
            self, "aftersales_service.aftersales_service_job_report", job, self.user_clerk
        )

    def test_sanbao_job_prints_in_chinese_with_the_free_of_charge_line(self):
        job = self._completed_job(self.unit_in_warranty)
        self.assertEqual(job.coverage, "sanbao")
        text = self._render(job)
        self.assertIn("派工单及服务确认单", text)
        self.assertNotIn("Service Job and Confirmation", text)
        self.assertIn(job.name, text)
        self.assertIn("张秀英", text)
        self.assertIn("SN-REPORT-NEW", text)
        self.assertIn("测试加热管 1500W", text)
        self.assertIn("加热管损坏", text)
        self.assertIn("测试技师", text)
        self.assertIn("本次服务属于三包免费服务：客户无需支付任何费用。", text)
        self.assertNotIn("收费明细", text, "a free job shows no charges")

    def test_paid_job_prints_its_invoice_and_total(self):
        job = self._completed_job(self.unit_expired, travel_fee=30.0, travel_distance=12.0)
        invoice = job.invoice_id
        self.assertEqual(invoice.state, "posted")
        text = self._render(job)
        self.assertIn("派工单及服务确认单", text)
        self.assertIn("收费明细", text)
        self.assertIn(invoice.name, text)
        amount = f"{invoice.amount_total:,.2f}"
        self.assertIn(amount, text)
        self.assertIn("合计", text)
        self.assertIn("上门距离", text, "a distance is not a fee")
        self.assertIn("12.0 公里", text)
        self.assertNotIn("三包免费服务", text)
