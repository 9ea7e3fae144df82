# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common_job import AftersalesJobCommon


@tagged("post_install", "-at_install")
class TestHelpdeskTicketIntake(AftersalesJobCommon):
    """A caller gives a phone number or a serial number: the clerk sees the customer,
    the unit, the service point and the 三包 decision before saving the request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        city = cls.env["aftersales.region"].create(
            {"name": "Test city", "level": "city", "area_class": "central_city"}
        )
        county = cls.env["aftersales.region"].create(
            {"name": "Test county", "level": "county", "parent_id": city.id}
        )
        cls.point.service_region_ids = county
        cls.caller = cls.env["res.partner"].create(
            {"name": "Test caller", "mobile": "+86 138 0571 2345", "region_id": county.id}
        )
        cls.caller_unit = cls.env["stock.lot"].create(
            {
                "name": "SN-CALLER",
                "product_id": cls.heater.id,
                "customer_id": cls.caller.id,
                "sale_date": cls.today - timedelta(days=30),
            }
        )

    def _intake(self):
        return Form(self.env["helpdesk.ticket"].with_user(self.user_clerk))

    def test_phone_number_finds_customer_unit_point_and_decision_before_saving(self):
        with self._intake() as form:
            form.partner_phone = "13805712345"
            self.assertEqual(form.partner_id, self.caller)
            self.assertEqual(form.lot_id, self.caller_unit, "the caller's only unit")
            self.assertEqual(form.service_point_id, self.point)
            self.assertEqual(form.entitlement_decision, "free_repair")
            self.assertEqual(form.entitlement_rule, "sanbao_period")
            self.assertIn("三包", form.entitlement_explanation)
            self.assertEqual(form.name, "Repair Request: Test heater", "a title is proposed")
            form.description = "<p>No hot water</p>"
        ticket = form.record
        self.assertEqual(ticket.entitlement_decision, "free_repair")
        self.assertEqual(ticket.partner_phone, "+86 138 0571 2345")

    def test_serial_number_first_fills_the_customer(self):
        with self._intake() as form:
            form.lot_id = self.caller_unit
            self.assertEqual(form.partner_id, self.caller)
            self.assertEqual(form.partner_phone, "+86 138 0571 2345")
            self.assertEqual(form.service_point_id, self.point)
            self.assertEqual(form.entitlement_decision, "free_repair")
            form.description = "<p>No hot water</p>"

    def test_unknown_number_keeps_the_number_for_a_new_customer(self):
        with self._intake() as form:
            form.partner_phone = "021-5555 0000"
            self.assertFalse(form.partner_id)
            self.assertEqual(form.partner_phone, "021-5555 0000")
            form.name = "New caller"
            form.description = "<p>No hot water</p>"

    def test_number_of_two_customers_asks_the_clerk_to_choose(self):
        self.env["res.partner"].create({"name": "Test spouse", "phone": "138-0571-2345"})
        with self._intake() as form:
            form.partner_phone = "13805712345"
            self.assertFalse(form.partner_id, "the clerk chooses between the two")
            form.partner_id = self.caller
            form.description = "<p>No hot water</p>"

    def test_unit_of_another_customer_is_refused(self):
        with self.assertRaisesRegex(
            ValidationError,
            r"^Unit SN-CALLER belongs to Test caller, not to Test customer: choose one of "
            r"the customer's units, or correct the unit's customer in its archive\.$",
        ):
            self.env["helpdesk.ticket"].with_user(self.user_clerk).create(
                {
                    "name": "Wrong unit",
                    "description": "x",
                    "partner_id": self.customer.id,
                    "lot_id": self.caller_unit.id,
                }
            )

    def test_search_by_phone_or_serial(self):
        ticket = self.env["helpdesk.ticket"].create(
            {"description": "x", "partner_id": self.caller.id, "lot_id": self.caller_unit.id}
        )
        tickets = self.env["helpdesk.ticket"].with_user(self.user_clerk)
        for typed in ("13805712345", "138 0571 2345", "SN-CALLER", "sn-call"):
            with self.subTest(typed=typed):
                self.assertIn(ticket, tickets.search([("caller_search", "ilike", typed)]))
        self.assertNotIn(ticket, tickets.search([("caller_search", "ilike", "13900000000")]))
        found = [ticket_id for ticket_id, _name in tickets.name_search("SN-CALLER")]
        self.assertIn(ticket.id, found, "a serial finds the request in any request field")

    def test_new_request_is_named_before_saving(self):
        self.assertEqual(self.env["helpdesk.ticket"].new({}).display_name, "New Service Request")
        ticket = self.env["helpdesk.ticket"].create(
            {"description": "x", "partner_id": self.caller.id}
        )
        self.assertEqual(ticket.name, "Repair Request: Test caller", "a title without typing")
        self.assertEqual(ticket.display_name, f"{ticket.number} - Repair Request: Test caller")

    def test_recent_repair_of_the_same_fault_is_flagged(self):
        self.env["aftersales.unit.repair"].create(
            {
                "lot_id": self.caller_unit.id,
                "date_start": self.today - timedelta(days=12),
                "date_end": self.today - timedelta(days=10),
                "fault_key": self.fault.code,
                "note": "PG-TEST-1",
            }
        )
        other_symptom = self.env["aftersales.fault.code"].create(
            {"name": "Leaking", "code": "T-LEAK", "product_category_id": self.category.id}
        )
        with self._intake() as form:
            form.lot_id = self.caller_unit
            self.assertIn("was repaired 10 days ago", form.repeat_repair_warning)
            form.fault_symptom_id = self.fault.parent_id
            self.assertIn("for the same fault 10 days ago", form.repeat_repair_warning)
            self.assertIn("PG-TEST-1", form.repeat_repair_warning)
            form.fault_symptom_id = other_symptom
            self.assertFalse(form.repeat_repair_warning, "another fault")
            form.description = "<p>x</p>"

    def test_unit_without_sale_date_is_explained_not_refused(self):
        unregistered = self.env["stock.lot"].create(
            {"name": "SN-NO-DATE", "product_id": self.heater.id, "customer_id": self.caller.id}
        )
        ticket = self.env["helpdesk.ticket"].create(
            {"description": "x", "partner_id": self.caller.id, "lot_id": unregistered.id}
        )
        self.assertFalse(ticket.entitlement_decision)
        self.assertIn("has no sale date", ticket.entitlement_explanation)
        unregistered.sale_date = self.today - timedelta(days=3)
        ticket.action_refresh_entitlement()
        self.assertEqual(ticket.entitlement_decision, "refund")

    def test_rule_is_shown_by_its_name_in_chinese(self):
        ticket = self.env["helpdesk.ticket"].create(
            {"description": "x", "partner_id": self.caller.id, "lot_id": self.caller_unit.id}
        )
        self.assertEqual(ticket.entitlement_rule, "sanbao_period", "the code stays for RPC")
        self.env["res.lang"]._activate_lang("zh_CN")
        field = ticket._fields["entitlement_rule"]
        labels = dict(field._description_selection(ticket.with_context(lang="zh_CN").env))
        self.assertEqual(labels["sanbao_period"], "三包有效期内")
        self.assertEqual(labels["excluded_misuse"], "除外：使用、维护、保管不当")
