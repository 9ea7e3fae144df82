# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common_report import print_in_chinese, warm_up_http
from .common_unit_return import AftersalesUnitReturnCommon


@tagged("post_install", "-at_install")
class TestAftersalesUnitReturnUi(AftersalesUnitReturnCommon, HttpCase):
    """An exchange from the request to done, in the browser in Chinese: the clerk opens and
    approves the 退换机单, the warehouse moves the units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        print_in_chinese(cls)
        cls.tour_users = {
            role: new_test_user(
                cls.env,
                login=f"aftersales-tour-return-{role}",
                groups=f"base.group_user,aftersales_service.group_aftersales_{role}",
                lang="zh_CN",
                tz="Asia/Shanghai",
            )
            for role in ("clerk", "warehouse")
        }

    def test_an_exchange_from_the_request_to_done(self):
        sold = fields.Date.context_today(self.env.user) - timedelta(days=10)  # 15-day window
        old = self._customer_unit(self.fridge, sold)
        old.name = "SN-TOUR-OLD"
        new = self._in_stock(self.fridge)
        new.name = "SN-TOUR-NEW"
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "内胆渗水",
                "description": "渗水",
                "partner_id": self.customer.id,
                "lot_id": old.id,
                "request_type": "return",
            }
        )
        self.assertEqual(ticket.entitlement_decision, "exchange")
        self.start_tour(
            f"/odoo/action-aftersales_service.aftersales_service_request_action/{ticket.id}",
            "aftersales_clerk_exchanges_a_unit",
            login=self.tour_users["clerk"].login,
        )
        order = ticket.unit_return_ids
        self.assertEqual(order.state, "approved")
        self.assertEqual(order.replacement_lot_id, new)
        self.start_tour(
            f"/odoo/action-aftersales_service.aftersales_unit_return_action/{order.id}",
            "aftersales_warehouse_completes_an_exchange",
            login=self.tour_users["warehouse"].login,
        )
        self.assertEqual(order.state, "done")
        self.assertEqual(new.replaces_lot_id, old)
        self.assertEqual(new.customer_id, self.customer)
