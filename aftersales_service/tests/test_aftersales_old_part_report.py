# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import unittest

from odoo.tests import HttpCase, tagged

from .common_old_parts import AftersalesOldPartsCommon
from .common_report import print_in_chinese, render_pdf_text


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesOldPartReport(AftersalesOldPartsCommon, HttpCase):
    """The 旧件返回单 with its labels and the 鉴定单, printed in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_chinese(cls)
        cls.point.write({"name": "测试特约服务站", "lang": "zh_CN"})
        cls.element.name = "测试加热管"

    def test_the_return_manifest_lists_boxes_and_prints_a_label_per_part(self):
        claim = self._claim_with_three_old_parts()
        picking = self._return_of(claim)
        self._move(picking, self.element).aftersales_box = "1"
        self._move(picking, self.thermostat).aftersales_box = "1"
        self._move(picking, self.motor).aftersales_box = "2"
        text = render_pdf_text(
            self,
            "aftersales_service.aftersales_old_part_return_report",
            picking,
            self.user_warehouse,
        )
        for expected in (
            "旧件返回单",
            picking.name,
            claim.name,
            "测试特约服务站",
            "测试加热管",
            "箱号",
            "标签",
            "SN123/A",
        ):
            with self.subTest(expected=expected):
                self.assertIn(expected, text)
        for line in claim.line_ids.filtered("old_part_required"):
            with self.subTest(barcode=line.old_part_barcode):
                # the table, and the text under the label's barcode
                self.assertGreaterEqual(text.count(line.old_part_barcode), 2)
        self.assertEqual(
            set(claim.line_ids.filtered("old_part_required").mapped("old_part_label_count")),
            {1},
        )

    def test_the_appraisal_sheet(self):
        claim = self._claim_with_three_old_parts()
        picking = self._return_of(claim)
        for product in (self.element, self.thermostat):
            picking.aftersales_scan_barcode(self._part_line(claim, product).old_part_barcode)
        picking.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=picking.ids
        ).button_validate()
        claim = claim.with_user(self.user_technician)
        no_part = self.env.ref("aftersales_service.aftersales_claim_reject_reason_03")
        self._part_line(claim, self.motor).write(
            {"appraisal": "rejected", "reject_reason_id": no_part.id}
        )
        self._part_line(claim, self.element).write(
            {"appraisal": "approved", "old_part_destination": "to_supplier"}
        )
        (claim.line_ids.filtered(lambda line: not line.appraisal)).appraisal = "approved"
        claim.action_approve()
        self.user_technician.write({"name": "王鉴定", "lang": "zh_CN"})
        text = render_pdf_text(
            self,
            "aftersales_service.aftersales_claim_appraisal_report",
            claim,
            self.user_technician,
        )
        for expected in (
            "鉴定单",
            claim.name,
            "测试特约服务站",
            "测试加热管",
            "缺件",
            "已批准",
            "已驳回",
            "返供应商",
            no_part.with_context(lang="zh_CN").name,
            "王鉴定",
            "三包技术员",
            "仓库",
        ):
            with self.subTest(expected=expected):
                self.assertIn(expected, text)
