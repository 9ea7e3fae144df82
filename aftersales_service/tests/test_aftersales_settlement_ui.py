# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common_report import print_in_chinese, warm_up_http
from .common_settlement import AftersalesSettlementCommon


@tagged("post_install", "-at_install")
class TestAftersalesSettlementUi(AftersalesSettlementCommon, HttpCase):
    """The accountant settles a month in Chinese, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        print_in_chinese(cls)
        cls.point.name = "Tour Settlement Point"
        cls.accountant = new_test_user(
            cls.env,
            login="aftersales-tour-accountant",
            groups="base.group_user,aftersales_service.group_aftersales_accountant",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )

    def test_accountant_notifies_confirms_and_posts_a_settlement(self):
        invoice = self._invoice(3000, date(2025, 1, 10))
        claim = self._approved_claim(400)
        settlement = self._settle()
        self.start_tour(
            "/odoo/aftersales-settlements",
            "aftersales_accountant_settles_a_month",
            login=self.accountant.login,
        )
        self.assertEqual(settlement.state, "reconciled")
        self.assertEqual(settlement.move_id.state, "posted")
        self.assertEqual(claim.state, "settled")
        self.assertEqual(invoice.amount_residual, 2600)
        self.assertTrue(settlement.message_ids.attachment_ids, "the notice PDF went to the dealer")
