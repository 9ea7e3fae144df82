# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import unittest

from odoo.tests import HttpCase, tagged

from .common_claim import AftersalesClaimCommon
from .common_report import print_in_chinese, render_pdf_text


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesClaimReport(AftersalesClaimCommon, HttpCase):
    """The 三包索赔单 as the service point and the warranty technician read it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_chinese(cls)
        cls.point.write({"name": "测试特约服务站", "lang": "zh_CN"})
        cls.element.name = "测试加热管"
        cls.element.aftersales_old_part_required = False

    def _render(self, claim):
        return render_pdf_text(
            self, "aftersales_service.aftersales_claim_report", claim, self.user_clerk
        )

    def test_a_returned_claim_prints_its_lines_and_what_the_checks_said(self):
        claim = self._create_claim().with_context(lang="zh_CN")  # the results are in the
        claim.repair_record = False  # language of whoever submits
        claim.action_submit()
        text = self._render(claim)
        for expected in (
            "三包索赔单",
            claim.name,
            "测试特约服务站",
            "测试加热管",
            "退回修改",
            "检查",
        ):
            with self.subTest(expected=expected):
                self.assertIn(expected, text)
        self.assertIn("未附签字的三包维修记录", text)
        self.assertNotIn("已批准", text, "not appraised yet")

    def test_an_approved_claim_prints_what_was_approved(self):
        claim = self._submitted_claim().with_user(self.user_technician)
        claim.line_ids.write({"appraisal": "approved"})
        claim.action_approve()
        text = self._render(claim)
        self.assertIn("已批准", text)
        self.assertIn("所有检查均已通过", text)
        self.assertIn("90.00", text)
