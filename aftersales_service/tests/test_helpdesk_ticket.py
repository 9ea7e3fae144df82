# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_service import AftersalesServiceCommon, utc


@tagged("post_install", "-at_install")
class TestHelpdeskTicket(AftersalesServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_rule("Any", callback_hours=1)
        cls._create_rule("Urgent", urgency="urgent", callback_hours=1, opinion_hours=3)
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Test hotline desk",
                "user_id": cls.user_manager.id,
                "user_ids": [(4, cls.user_clerk.id), (4, cls.user_manager.id)],
            }
        )

    def test_defaults(self):
        ticket = self._create_ticket(utc("2026-03-02 09:00"))
        self.assertEqual(ticket.request_type, "repair")
        self.assertEqual(ticket.urgency, "normal")
        self.assertEqual(ticket.area_class, "central_city")

    def test_area_class_from_customer_and_editable(self):
        customer = self.env["res.partner"].create({"name": "王先生"})
        if "area_class" in customer._fields:
            customer.area_class = "remote_rural"
        ticket = self._create_ticket(utc("2026-03-02 09:00"), partner_id=customer.id)
        expected = customer.area_class if "area_class" in customer._fields else "central_city"
        self.assertEqual(ticket.area_class, expected or "central_city")
        ticket.area_class = "town"
        self.assertEqual(ticket.area_class, "town")

    def test_clerk_creates_and_retypes_a_request(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = (
                self.env["helpdesk.ticket"]
                .with_user(self.user_clerk)
                .create(
                    {
                        "name": "Install a heater",
                        "description": "<p>New DSZF-50</p>",
                        "team_id": self.team.id,
                        "request_type": "installation",
                    }
                )
            )
            ticket.write({"request_type": "repair", "urgency": "urgent"})
        self.assertEqual(ticket.request_type, "repair")
        self.assertEqual(ticket.urgency, "urgent")
        self.assertEqual(ticket.reported_at, utc("2026-03-02 09:00"))
        self.assertEqual(ticket.callback_deadline, utc("2026-03-02 10:00"))

    def test_clerk_uses_the_request_form(self):
        with freeze_time(utc("2026-03-02 09:00")):
            form = Form(self.env["helpdesk.ticket"].with_user(self.user_clerk))
            form.name = "Leaking heater"
            form.description = "<p>Water under the tank</p>"
            form.request_type = "complaint"
            form.complaint_category = "grievance"
            form.complaint_severity = "minor"
            form.urgency = "urgent"
            ticket = form.save()
        self.assertEqual(ticket.request_type, "complaint")
        self.assertEqual(ticket.opinion_deadline, utc("2026-03-02 12:00"))

    def test_reported_in_the_future_is_refused(self):
        with freeze_time(utc("2026-03-02 09:00")):
            with self.assertRaisesRegex(
                ValidationError, r"^A request cannot be reported in the future: .+\.$"
            ):
                self._create_ticket(utc("2026-03-02 10:00"))

    def test_callback_recorded_once(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
            ticket.action_aftersales_callback_done()
            with self.assertRaises(UserError) as error:
                ticket.action_aftersales_callback_done()
        self.assertEqual(
            str(error.exception),
            f"Callback is already recorded on {ticket.display_name}.",
        )

    def test_opinion_given(self):
        with freeze_time(utc("2026-03-02 09:30")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
            ticket.action_aftersales_opinion_given()
        self.assertEqual(ticket.opinion_done_at, utc("2026-03-02 09:30"))

    # ------------------------------------------------------------------
    # Complaints
    # ------------------------------------------------------------------

    def _complaint_activities(self, ticket):
        return ticket.activity_ids.filtered(
            lambda a: a.summary == "Major complaint: review and reply"
        )

    def test_major_complaint_schedules_one_activity(self):
        ticket = self._create_ticket(
            utc("2026-03-02 09:00"),
            team_id=self.team.id,
            request_type="complaint",
            complaint_category="engineer",
            complaint_severity="major",
        )
        activity = self._complaint_activities(ticket)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_manager)
        ticket.write({"complaint_severity": "minor"})
        ticket.write({"complaint_severity": "major"})
        self.assertEqual(len(self._complaint_activities(ticket)), 1)

    def test_complaint_becoming_major_is_escalated(self):
        ticket = self._create_ticket(
            utc("2026-03-02 09:00"),
            team_id=self.team.id,
            request_type="complaint",
            complaint_severity="minor",
        )
        self.assertFalse(self._complaint_activities(ticket))
        ticket.complaint_severity = "major"
        self.assertEqual(len(self._complaint_activities(ticket)), 1)
        self.assertTrue(ticket.complaint_escalated)

    def test_major_complaint_without_team_goes_to_a_manager(self):
        ticket = self._create_ticket(
            utc("2026-03-02 09:00"), request_type="complaint", complaint_severity="major"
        )
        activity = self._complaint_activities(ticket)
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("aftersales_service.group_aftersales_manager"))

    def test_major_severity_on_a_repair_is_not_escalated(self):
        ticket = self._create_ticket(utc("2026-03-02 09:00"), complaint_severity="major")
        self.assertFalse(self._complaint_activities(ticket))
