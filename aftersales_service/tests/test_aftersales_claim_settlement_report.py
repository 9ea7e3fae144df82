# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import unittest
from datetime import date

from odoo.tests import HttpCase, tagged

from .common_report import print_in_chinese, render_pdf_text
from .common_settlement import AftersalesSettlementCommon


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
class TestAftersalesClaimSettlementReport(AftersalesSettlementCommon, HttpCase):
    """The 三包费用核销通知 as the dealer reads it before confirming."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_chinese(cls)
        cls.point.write({"name": "测试特约服务站", "lang": "zh_CN"})

    def test_the_notice_lists_claims_rejections_deductions_and_the_receivable(self):
        self._invoice(1000, date(2025, 1, 10))
        claim = self._approved_claim(300)
        self._post(self._settle())
        self.env["aftersales.claim.deduction"].create(
            {"claim_id": claim.id, "amount": 50, "reason": "非原厂件"}
        )
        partly = self._approved_claim(400, approved_date=date(2025, 2, 3), rejected=80)
        february = self._settle(date(2025, 2, 1), date(2025, 2, 28))
        text = render_pdf_text(
            self,
            "aftersales_service.aftersales_claim_settlement_report",
            february,
            self.user_accountant,
        )
        for expected in (
            "三包费用核销通知",
            february.name,
            "测试特约服务站",
            partly.name,
            "清洗费",
            "未发现故障",  # the technician's reason for not paying it
            "二次抵扣",
            "非原厂件",
            "抵扣应收",
            "核销前应收",
            "700.00",  # 1,000 less January's 300
            "核销后应收",
            "350.00",  # less 400 approved and 50 taken back
            "经销商确认",
        ):
            with self.subTest(expected=expected):
                self.assertIn(expected, text)
