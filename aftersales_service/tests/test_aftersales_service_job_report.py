# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import shutil
import unittest
from datetime import date, timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from .common import AftersalesCommon
from .test_aftersales_report import pdf_text


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesServiceJobReport(AftersalesCommon, HttpCase):
    """The 派工单 / 服务确认单 of a completed job, as the customer reads it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("report.url", cls.base_url())
        with file_open("aftersales_service/static/img/demo_signature.png", "rb") as image:
            cls.signature = base64.b64encode(image.read())
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["aftersales_service"], ["zh_CN"], overwrite=True
        )
        today = fields.Date.context_today(cls.env["res.partner"])
        category = cls.env["product.category"].create({"name": "测试热水器"})
        cls.heater = cls.env["product.product"].create(
            {
                "name": "测试 储水式电热水器 T-60",
                "categ_id": category.id,
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
            }
        )
        cls.element = cls.env["product.product"].create(
            {
                "name": "测试加热管 1500W",
                "type": "consu",
                "is_storable": True,
                "list_price": 95.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.env["aftersales.warranty.policy"].create(
            {
                "name": "测试三包政策",
                "code": "TEST-REPORT",
                "company_id": cls.env.company.id,
                "version_date_from": date(2000, 1, 1),
                "product_category_ids": [Command.set(category.ids)],
                "start_event": "sale",
                "refund_days": 7,
                "exchange_days": 15,
                "sanbao_months": 12,
                "repair_months": 12,
            }
        )
        cls.point = cls.env["res.partner"].create(
            {"name": "测试特约服务站", "is_company": True, "is_service_point": True}
        )
        cls.technician = cls.env["res.partner"].create(
            {
                "name": "测试技师",
                "parent_id": cls.point.id,
                "is_technician": True,
                "technician_certificate": "CERT-REPORT",
                "technician_certificate_expiry": today + timedelta(days=365),
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "张秀英", "lang": "zh_CN", "tz": "Asia/Shanghai", "mobile": "13957100101"}
        )
        cls.unit_in_warranty = cls._create_unit("SN-REPORT-NEW", today - timedelta(days=100))
        cls.unit_expired = cls._create_unit("SN-REPORT-OLD", today - timedelta(days=1000))
        symptom = cls.env["aftersales.fault.code"].create(
            {"name": "不加热", "code": "R-NH", "product_category_id": category.id}
        )
        cls.fault = cls.env["aftersales.fault.code"].create(
            {
                "name": "加热管损坏",
                "code": "R-NH-01",
                "parent_id": symptom.id,
                "labour_hours": 0.5,
                "cause_class": "product_quality",
            }
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.element, cls.point._aftersales_stock_location(), 5
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "热水器不加热",
                "description": "<p>没有热水</p>",
                "partner_id": cls.customer.id,
                "request_type": "repair",
            }
        )

    @classmethod
    def _create_unit(cls, serial, sale_date):
        return cls.env["stock.lot"].create(
            {
                "name": serial,
                "product_id": cls.heater.id,
                "customer_id": cls.customer.id,
                "sale_date": sale_date,
            }
        )

    def _completed_job(self, unit, **vals):
        job = self.env["aftersales.service.job"].create(
            {
                "ticket_id": self.ticket.id,
                "lot_id": unit.id,
                "service_point_id": self.point.id,
                "technician_id": self.technician.id,
                "fault_code_id": self.fault.id,
                **vals,
            }
        )
        job.action_dispatch()
        job.action_accept()
        job.action_check_in()
        job.write(
            {
                "part_ids": [
                    Command.create(
                        {"product_id": self.element.id, "quantity": 1, "old_part_kept": True}
                    )
                ],
                "signature": self.signature,
                "signed_by": "张秀英",
            }
        )
        job.action_complete()
        self.assertEqual(job.state, "done")
        return job

    def _render(self, job):
        report = self.env.ref("aftersales_service.aftersales_service_job_report")
        pdf, fmt = (
            self.env["ir.actions.report"]
            .with_user(self.user_clerk)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, job.ids)
        )
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf_text(pdf)

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
        self.assertNotIn("三包免费服务", text)
