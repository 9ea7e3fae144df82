# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common_parts_order import AftersalesPartsOrderCommon

# Monday 2 March 2026, 09:00 in Shanghai (no public holiday that week).
MONDAY_9 = datetime(2026, 3, 2, 1, 0)


class TestAftersalesPartsOrderDeadline(AftersalesPartsOrderCommon):
    """Urgent orders are answered within 3 working hours, orders asking for a part out
    of stock (紧缺配件) within 3 working days; a missed answer gives the salesperson one
    activity."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 08:00-12:00 and 13:00-17:00, Monday to Friday, in Shanghai
        cls.company.resource_calendar_id = cls.env["resource.calendar"].create(
            {"name": "Parts desk hours", "tz": "Asia/Shanghai", "company_id": cls.company.id}
        )
        cls.company.write(
            {"aftersales_urgent_answer_hours": 3.0, "aftersales_scarce_answer_days": 3.0}
        )

    def _todo_activities(self, order):
        return order.activity_ids.filtered(
            lambda activity: activity.activity_type_id
            == self.env.ref("mail.mail_activity_data_todo")
        )

    def test_an_urgent_order_is_answered_within_three_working_hours(self):
        order = self._order(aftersales_urgent=True, aftersales_requested_at=MONDAY_9)
        self.assertFalse(order.aftersales_scarce)
        # Monday 12:00 in Shanghai
        self.assertEqual(order.aftersales_answer_deadline, datetime(2026, 3, 2, 4, 0))

    def test_an_order_for_a_part_out_of_stock_is_scarce_answered_within_three_working_days(self):
        order = self._order(qty=11, aftersales_requested_at=MONDAY_9)
        self.assertTrue(order.aftersales_scarce)
        # 24 working hours from Monday 09:00: Thursday 09:00 in Shanghai
        self.assertEqual(order.aftersales_answer_deadline, datetime(2026, 3, 5, 1, 0))

    def test_an_order_for_all_the_stock_is_not_scarce(self):
        self.assertFalse(self._order(qty=10).aftersales_scarce)

    def test_an_ordinary_order_has_no_deadline(self):
        order = self._order(qty=2, aftersales_requested_at=MONDAY_9)
        self.assertFalse(order.aftersales_scarce)
        self.assertFalse(order.aftersales_answer_deadline)
        with self.assertRaises(UserError):
            order.with_user(self.user_clerk).action_aftersales_answer()

    def test_the_setting_changes_the_urgent_deadline(self):
        self.company.aftersales_urgent_answer_hours = 5.0
        order = self._order(aftersales_urgent=True, aftersales_requested_at=MONDAY_9)
        # 09:00-12:00 then 13:00-15:00 in Shanghai
        self.assertEqual(order.aftersales_answer_deadline, datetime(2026, 3, 2, 7, 0))

    def test_a_missed_answer_is_breached_once_with_one_activity_for_the_salesperson(self):
        order = self._order(aftersales_urgent=True, aftersales_requested_at=MONDAY_9)
        on_time = self._order(
            aftersales_urgent=True,
            aftersales_requested_at=fields.Datetime.now() + timedelta(days=1),
        )
        self.env["sale.order"]._cron_aftersales_parts_answer_breach()
        self.assertTrue(order.aftersales_answer_breached)
        activities = self._todo_activities(order)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_clerk)
        self.assertTrue(
            any("Answer deadline missed" in body for body in order.message_ids.mapped("body"))
        )
        self.assertFalse(on_time.aftersales_answer_breached)
        self.assertFalse(self._todo_activities(on_time))
        # the cron again: nothing new
        self.env["sale.order"]._cron_aftersales_parts_answer_breach()
        self.assertEqual(len(self._todo_activities(order)), 1)

    def test_the_breach_cron_works_in_batches(self):
        orders = self._order(aftersales_urgent=True, aftersales_requested_at=MONDAY_9)
        orders |= self._order(aftersales_urgent=True, aftersales_requested_at=MONDAY_9)
        self.env["sale.order"]._cron_aftersales_parts_answer_breach(batch_size=1)
        self.assertEqual(orders.mapped("aftersales_answer_breached").count(True), 1)
        self.env["sale.order"]._cron_aftersales_parts_answer_breach(batch_size=1)
        self.assertEqual(orders.mapped("aftersales_answer_breached"), [True, True])

    def test_the_clerk_records_the_answer_in_time(self):
        order = self._order(
            aftersales_urgent=True,
            aftersales_requested_at=fields.Datetime.now() - timedelta(minutes=5),
        )
        self.assertGreater(order.aftersales_answer_deadline, fields.Datetime.now())
        self._flush_tracking()  # changes in the creating transaction are not tracked
        order.with_user(self.user_clerk).action_aftersales_answer()
        self.assertTrue(order.aftersales_answered_at)
        self.assertFalse(order.aftersales_answer_breached)
        self._flush_tracking()
        tracked = order.message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("aftersales_answered_at", tracked)
        with self.assertRaisesRegex(UserError, "answered already"):
            order.with_user(self.user_clerk).action_aftersales_answer()
        self.env["sale.order"]._cron_aftersales_parts_answer_breach()
        self.assertFalse(order.aftersales_answer_breached)

    def test_an_answer_after_the_deadline_is_marked_late(self):
        order = self._order(aftersales_urgent=True, aftersales_requested_at=MONDAY_9)
        order.with_user(self.user_clerk).action_aftersales_answer()
        self.assertTrue(order.aftersales_answer_breached)
        self.assertFalse(self._todo_activities(order))
