# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common_service import AftersalesServiceCommon, utc


@tagged("post_install", "-at_install")
class TestAftersalesSla(AftersalesServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule_any = cls._create_rule("Any", sequence=100, callback_hours=1)
        cls.rule_city = cls._create_rule(
            "City", area_class="central_city", callback_hours=1, onsite_days=1
        )
        cls.rule_town = cls._create_rule("Town", area_class="town", callback_hours=1, onsite_days=2)
        cls.rule_urgent_city = cls._create_rule(
            "Urgent city",
            urgency="urgent",
            area_class="central_city",
            callback_hours=1,
            onsite_days=1,
            opinion_hours=3,
        )

    # ------------------------------------------------------------------
    # Deadlines in working time
    # ------------------------------------------------------------------

    def test_call_before_hotline_hours_is_due_one_hour_after_opening(self):
        ticket = self._create_ticket(utc("2026-03-02 07:00"))
        self.assertEqual(ticket.callback_deadline, utc("2026-03-02 09:00"))

    def test_call_after_hours_is_due_next_working_day(self):
        ticket = self._create_ticket(utc("2026-03-02 17:30"))
        self.assertEqual(ticket.callback_deadline, utc("2026-03-03 08:30"))

    def test_deadlines_skip_sunday_and_public_holiday(self):
        """Saturday 17:30: half an hour left on Saturday, Sunday is closed and
        Monday 9 March a public holiday, so the clocks go on on Tuesday."""
        ticket = self._create_ticket(utc("2026-03-07 17:30"))
        self.assertEqual(ticket.callback_deadline, utc("2026-03-10 08:30"))
        self.assertEqual(ticket.onsite_deadline, utc("2026-03-10 17:30"))

    def test_onsite_one_working_day_in_city_two_in_town(self):
        city = self._create_ticket(utc("2026-03-02 10:00"), area_class="central_city")
        town = self._create_ticket(utc("2026-03-02 10:00"), area_class="town")
        self.assertEqual(city.onsite_deadline, utc("2026-03-03 10:00"))
        self.assertEqual(town.onsite_deadline, utc("2026-03-04 10:00"))

    def test_opinion_deadline_only_for_urgent_requests(self):
        normal = self._create_ticket(utc("2026-03-02 10:00"))
        urgent = self._create_ticket(utc("2026-03-02 16:00"), urgency="urgent")
        self.assertFalse(normal.opinion_deadline)
        self.assertEqual(urgent.opinion_deadline, utc("2026-03-03 09:00"))

    def test_reported_at_correction_moves_the_deadlines(self):
        ticket = self._create_ticket(utc("2026-03-02 10:00"))
        ticket.reported_at = utc("2026-03-02 08:00")
        self.assertEqual(ticket.callback_deadline, utc("2026-03-02 09:00"))

    def test_a_new_public_holiday_moves_the_next_deadlines(self):
        """The calendar's working time is cached per month: a holiday added is seen by
        the next request at once."""
        before = self._create_ticket(utc("2026-03-13 17:30"))  # a Friday
        self.assertEqual(before.callback_deadline, utc("2026-03-14 08:30"), "Saturday")
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Test extra holiday",
                "calendar_id": self.calendar.id,
                "date_from": utc("2026-03-14 00:00"),
                "date_to": utc("2026-03-14 23:59"),
            }
        )
        after = self._create_ticket(utc("2026-03-13 17:30"))
        self.assertEqual(after.callback_deadline, utc("2026-03-16 08:30"), "Monday")

    def test_working_hours_helpers(self):
        rule = self.rule_city
        self.assertEqual(
            rule._add_working_days(utc("2026-03-06 12:00"), 2), utc("2026-03-10 12:00")
        )
        self.assertEqual(
            rule._working_hours_between(utc("2026-03-07 17:00"), utc("2026-03-10 09:00")),
            2.0,
        )
        self.assertEqual(
            rule._add_working_hours(utc("2026-03-02 10:00"), 0), utc("2026-03-02 10:00")
        )

    # ------------------------------------------------------------------
    # Rule matching
    # ------------------------------------------------------------------

    def test_most_specific_rule_wins(self):
        rule_repair = self._create_rule("Repair", sequence=1, request_type="repair")
        rule_full = self._create_rule(
            "Urgent repair in city",
            sequence=99,
            request_type="repair",
            urgency="urgent",
            area_class="central_city",
        )
        cases = [
            (("repair", "urgent", "central_city"), rule_full),
            (("installation", "urgent", "central_city"), self.rule_urgent_city),
            # two rules with one key: the lowest sequence wins
            (("repair", "normal", "central_city"), rule_repair),
            (("installation", "normal", "town"), self.rule_town),
            (("installation", "normal", "remote_rural"), self.rule_any),
        ]
        for (request_type, urgency, area_class), expected in cases:
            with self.subTest(request_type=request_type, urgency=urgency, area=area_class):
                ticket = self._create_ticket(
                    utc("2026-03-02 10:00"),
                    request_type=request_type,
                    urgency=urgency,
                    area_class=area_class,
                )
                self.assertEqual(ticket.sla_rule_id, expected)

    def test_no_rule_no_clock(self):
        self.env["aftersales.sla.rule"].search([]).action_archive()
        ticket = self._create_ticket(utc("2026-03-02 10:00"))
        self.assertFalse(ticket.sla_rule_id)
        self.assertFalse(ticket.callback_deadline)
        self.assertEqual(ticket.sla_status, "none")

    def test_technician_cannot_edit_rules(self):
        rule = self.rule_city.with_user(self.user_technician)
        self.assertEqual(rule.onsite_days, 1)
        with self.assertRaises(AccessError):
            rule.onsite_days = 3

    def test_rule_form_defaults_to_the_company_calendar(self):
        form = Form(self.env["aftersales.sla.rule"].with_user(self.user_manager))
        form.name = "Installations"
        form.request_type = "installation"
        form.callback_hours = 2
        rule = form.save()
        self.assertEqual(rule.calendar_id, self.env.company.resource_calendar_id)

    def test_manager_edits_rules(self):
        self.rule_city.with_user(self.user_manager).onsite_days = 3
        self.assertEqual(self.rule_city.onsite_days, 3)

    # ------------------------------------------------------------------
    # Pause
    # ------------------------------------------------------------------

    def test_pause_extends_open_deadlines_by_paused_working_time(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
        with freeze_time(utc("2026-03-02 09:30")):
            ticket.action_aftersales_callback_done()
        self.assertEqual(ticket.onsite_deadline, utc("2026-03-03 09:00"))
        with freeze_time(utc("2026-03-02 17:00")):
            ticket.stage_id = self.stage_waiting
        self.assertEqual(ticket.sla_status, "paused")
        with freeze_time(utc("2026-03-03 10:00")):
            ticket.stage_id = self.stage_new
        # paused 17:00-18:00 and 08:00-10:00: 3 working hours
        self.assertEqual(ticket.onsite_deadline, utc("2026-03-03 12:00"))
        self.assertEqual(ticket.callback_deadline, utc("2026-03-02 10:00"))
        self.assertFalse(ticket.sla_paused_since)
        self.assertEqual(ticket.sla_status, "running")

    def test_pause_outside_working_hours_changes_nothing(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
        with freeze_time(utc("2026-03-02 18:30")):
            ticket.stage_id = self.stage_waiting
        with freeze_time(utc("2026-03-03 07:30")):
            ticket.stage_id = self.stage_new
        self.assertEqual(ticket.onsite_deadline, utc("2026-03-03 09:00"))

    def test_closing_from_pause_counts_the_pause_for_resolution(self):
        rule = self._create_rule(
            "Return", sequence=1, request_type="return", callback_hours=1, resolution_days=1
        )
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"), request_type="return")
        self.assertEqual(ticket.sla_rule_id, rule)
        with freeze_time(utc("2026-03-02 09:30")):
            ticket.action_aftersales_callback_done()
        with freeze_time(utc("2026-03-02 10:00")):
            ticket.stage_id = self.stage_waiting
        with freeze_time(utc("2026-03-03 11:00")):
            ticket.stage_id = self.stage_done
        # 10 working hours from Monday 09:00, plus 11 paused (Monday 10:00-18:00,
        # Tuesday 08:00-11:00): due Wednesday 10:00, met on Tuesday
        self.assertEqual(ticket.resolution_deadline, utc("2026-03-04 10:00"))
        self.assertFalse(ticket.resolution_breached)
        self.assertEqual(ticket.sla_status, "met")

    # ------------------------------------------------------------------
    # Breaches
    # ------------------------------------------------------------------

    def _breach_messages(self, ticket):
        return ticket.message_ids.filtered(lambda m: "deadline missed" in (m.body or ""))

    def test_cron_marks_breach_once(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"), user_id=self.user_clerk.id)
        with freeze_time(utc("2026-03-02 10:30")):
            self.env["helpdesk.ticket"]._cron_aftersales_sla_breach()
            self.assertTrue(ticket.callback_breached)
            self.assertFalse(ticket.onsite_breached)
            self.assertEqual(ticket.callback_overdue_hours, 0.5)
            self.assertEqual(ticket.sla_status, "breached")
            self.assertEqual(len(self._breach_messages(ticket)), 1)
            self.assertEqual(len(ticket.activity_ids), 1)
            self.assertEqual(ticket.activity_ids.user_id, self.user_clerk)
            self.assertEqual(ticket.activity_ids.summary, "Callback overdue")
            self.env["helpdesk.ticket"]._cron_aftersales_sla_breach()
            self.assertEqual(len(self._breach_messages(ticket)), 1)
            self.assertEqual(len(ticket.activity_ids), 1)
            self.assertEqual(ticket.callback_overdue_hours, 0.5)

    def test_cron_breach_goes_to_the_team_leader_when_unassigned(self):
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Test desk", "user_id": self.user_manager.id}
        )
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"), team_id=team.id)
            ticket.user_id = False
        with freeze_time(utc("2026-03-02 10:30")):
            self.env["helpdesk.ticket"]._cron_aftersales_sla_breach()
        self.assertEqual(ticket.activity_ids.user_id, self.user_manager)

    def test_cron_processes_in_batches(self):
        with freeze_time(utc("2026-03-02 09:00")):
            tickets = self._create_ticket(utc("2026-03-02 09:00")) | self._create_ticket(
                utc("2026-03-02 09:00")
            )
        with freeze_time(utc("2026-03-02 10:30")):
            self.env["helpdesk.ticket"]._cron_aftersales_sla_breach(batch_size=1)
            self.assertEqual(len(tickets.filtered("callback_breached")), 1)
            self.env["helpdesk.ticket"]._cron_aftersales_sla_breach(batch_size=1)
            self.assertEqual(len(tickets.filtered("callback_breached")), 2)

    def test_cron_skips_paused_tickets(self):
        with freeze_time(utc("2026-03-02 09:00")):
            paused = self._create_ticket(utc("2026-03-02 09:00"))
            paused.stage_id = self.stage_waiting
        with freeze_time(utc("2026-03-02 10:30")):
            self.env["helpdesk.ticket"]._cron_aftersales_sla_breach()
        self.assertFalse(paused.callback_breached)

    def test_met_late_is_breached_with_overdue_hours(self):
        with freeze_time(utc("2026-03-02 17:30")):
            ticket = self._create_ticket(utc("2026-03-02 17:30"))
        with freeze_time(utc("2026-03-03 09:00")):
            ticket.action_aftersales_callback_done()
        self.assertEqual(ticket.callback_done_at, utc("2026-03-03 09:00"))
        self.assertTrue(ticket.callback_breached)
        self.assertEqual(ticket.callback_overdue_hours, 0.5)
        self.assertEqual(len(self._breach_messages(ticket)), 1)
        self.assertFalse(ticket.activity_ids, "a clock met late needs no follow-up")

    def test_met_late_after_cron_updates_overdue_hours(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
        with freeze_time(utc("2026-03-02 10:15")):
            self.env["helpdesk.ticket"]._cron_aftersales_sla_breach()
        with freeze_time(utc("2026-03-02 12:00")):
            ticket.action_aftersales_callback_done()
        self.assertEqual(ticket.callback_overdue_hours, 2.0)
        self.assertEqual(len(self._breach_messages(ticket)), 1)

    def test_met_in_time_is_not_breached(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
        with freeze_time(utc("2026-03-02 09:45")):
            ticket.action_aftersales_callback_done()
        self.assertFalse(ticket.callback_breached)
        self.assertEqual(ticket.callback_overdue_hours, 0)
        self.assertEqual(ticket.sla_next_deadline, ticket.onsite_deadline)

    def test_the_cron_looks_at_the_next_deadline_neither_met_nor_breached(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
        self.assertEqual(ticket.sla_breach_check_at, ticket.callback_deadline)
        with freeze_time(utc("2026-03-02 10:15")):
            self.env["helpdesk.ticket"]._cron_aftersales_sla_breach()
        self.assertTrue(ticket.callback_breached)
        self.assertEqual(ticket.sla_next_deadline, ticket.callback_deadline, "still not met")
        self.assertEqual(
            ticket.sla_breach_check_at, ticket.onsite_deadline, "the breached one is done with"
        )
        ticket.stage_id = self.stage_done
        self.assertFalse(ticket.sla_breach_check_at, "a closed request has nothing to check")

    def test_onsite_marked_by_job_check_in(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
        ticket._aftersales_mark_onsite(utc("2026-03-03 11:00"))
        self.assertEqual(ticket.onsite_done_at, utc("2026-03-03 11:00"))
        self.assertTrue(ticket.onsite_breached)
        self.assertEqual(ticket.onsite_overdue_hours, 2.0)
        # a second check-in keeps the first arrival
        ticket._aftersales_mark_onsite(utc("2026-03-04 11:00"))
        self.assertEqual(ticket.onsite_done_at, utc("2026-03-03 11:00"))

    def test_closing_late_breaches_open_clocks(self):
        with freeze_time(utc("2026-03-02 09:00")):
            ticket = self._create_ticket(utc("2026-03-02 09:00"))
        with freeze_time(utc("2026-03-02 11:00")):
            ticket.stage_id = self.stage_done
        self.assertTrue(ticket.callback_breached)
        self.assertFalse(ticket.onsite_breached)
        self.assertFalse(ticket.activity_ids)
