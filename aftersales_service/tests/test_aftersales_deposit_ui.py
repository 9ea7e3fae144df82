# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common_deposit import AftersalesDepositCommon
from .common_report import print_in_chinese, warm_up_http


@tagged("post_install", "-at_install")
class TestAftersalesDepositUi(AftersalesDepositCommon, HttpCase):
    """The manager approves and posts a proposed deduction in Chinese, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        print_in_chinese(cls)
        cls.dealer.write({"name": "Tour Deposit Dealer", "is_service_point": True})
        cls.manager = new_test_user(
            cls.env,
            login="aftersales-tour-deposit-manager",
            groups="base.group_user,aftersales_service.group_aftersales_manager",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )

    def test_manager_approves_and_posts_a_proposed_deduction(self):
        self._posted("topup", 1000)
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "回访超时",
                "description": "x",
                "partner_id": self.env["res.partner"].create({"name": "用户"}).id,
                "service_point_id": self.dealer.id,
                "callback_breached": True,
            }
        )
        self.env["aftersales.penalty.rule"]._cron_propose_deductions()
        deduction = self.Move.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(deduction.state, "draft")
        self.start_tour(
            "/odoo/action-aftersales_service.aftersales_deposit_move_action",
            "aftersales_manager_approves_a_deduction",
            login=self.manager.login,
        )
        self.assertEqual(deduction.state, "posted")
        self.assertEqual(deduction.account_move_id.state, "posted")
        self.assertEqual(self._balance(), 950)
        # the notice is made by the cron the posting triggered, once it has committed
        self.assertTrue(deduction.notice_pending)
        self.env["aftersales.deposit.move"]._cron_aftersales_send_deduction_notices()
        notice = deduction.message_ids.filtered("attachment_ids")
        self.assertEqual(notice.attachment_ids.name, f"{deduction.name}.pdf")
        self.assertIn(self.dealer, notice.partner_ids)
