# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.aftersales_service.models.res_partner_kpi import KPI_FIELDS

from .common_job import SIGNATURE, create_covered_product, create_fault
from .common_service import AftersalesServiceCommon, utc


@tagged("post_install", "-at_install")
class TestAftersalesServiceKpi(AftersalesServiceCommon):
    """Service KPIs on the hotline calendar of ``AftersalesServiceCommon`` (Monday to
    Saturday 08:00-18:00 in Shanghai): call back within 1 working hour, on site
    within 1 working day (10 hours)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._create_rule("KPI", callback_hours=1, onsite_days=1)
        cls.category, cls.heater = create_covered_product(cls.env, "Test KPI")
        cls.fault = create_fault(cls.env, cls.category, "K-NH", "Thermostat broken")
        cls.customer = cls.env["res.partner"].create({"name": "Test KPI customer"})
        cls.point_a, cls.point_b = cls.env["res.partner"].create(
            [
                {"name": "Test KPI point A", "is_company": True, "is_service_point": True},
                {"name": "Test KPI point B", "is_company": True, "is_service_point": True},
            ]
        )
        cls.technicians = {
            point: cls.env["res.partner"].create(
                {
                    "name": f"Technician of {point.name}",
                    "parent_id": point.id,
                    "is_technician": True,
                    "technician_certificate": f"CERT-{point.id}",
                    "technician_certificate_expiry": date(2030, 12, 31),
                }
            )
            for point in cls.point_a | cls.point_b
        }

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @classmethod
    def _create_unit(cls, serial):
        return cls.env["stock.lot"].create(
            {
                "name": serial,
                "product_id": cls.heater.id,
                "customer_id": cls.customer.id,
                "sale_date": date(2026, 1, 5),
            }
        )

    def _request(self, point, reported, **values):
        """A request reported at ``reported`` (Shanghai wall time)."""
        with freeze_time(utc(reported)):
            return self._create_ticket(
                utc(reported),
                partner_id=self.customer.id,
                service_point_id=point.id,
                **values,
            )

    def _call_back(self, ticket, when):
        with freeze_time(utc(when)):
            ticket.action_aftersales_callback_done()

    def _complete_job(self, ticket, unit, check_in, check_out, job=None):
        """A repair job of the request's point, checked in and out at those times."""
        point = ticket.service_point_id
        job = job or self.env["aftersales.service.job"].create(
            {
                "ticket_id": ticket.id,
                "lot_id": unit.id,
                "service_point_id": point.id,
                "fault_code_id": self.fault.id,
            }
        )
        job.technician_id = self.technicians[point]
        with freeze_time(utc(check_in)):
            job.action_dispatch()
            job.action_check_in()
        job.write(
            {
                "signature": SIGNATURE,
                "signed_by": "Test KPI customer",
                "resolution": "Replaced the element",
            }
        )
        with freeze_time(utc(check_out)):
            job.action_complete()
        return job

    def _rate(self, job, attitude, quality, resolution):
        job.write(
            {
                "callback_method": "phone",
                "callback_attitude": attitude,
                "callback_quality": quality,
                "callback_resolution": resolution,
            }
        )
        job.action_callback_done()

    def _kpis(self, points, **context):
        points = points.with_user(self.user_clerk).with_context(**context)
        return {point: {name: point[name] for name in KPI_FIELDS} for point in points}

    # ------------------------------------------------------------------
    # Working hours of the responses
    # ------------------------------------------------------------------

    def test_callback_response_across_the_night_in_working_hours(self):
        """Reported at 17:30, called back at 08:30 the next day: half an hour on
        each day of the 08:00-18:00 calendar, and just on time."""
        ticket = self._request(self.point_a, "2026-03-02 17:30")
        self.assertEqual(ticket.callback_response_hours, 0.0, "not called back yet")
        self.assertFalse(ticket.callback_on_time)
        self._call_back(ticket, "2026-03-03 08:30")
        self.assertEqual(ticket.callback_response_hours, 1.0)
        self.assertTrue(ticket.callback_on_time)
        self.assertFalse(ticket.onsite_on_time, "nobody went on site yet")

    def test_response_hours_without_a_rule_count_in_the_company_calendar(self):
        self.rule.action_archive()
        self.env.company.resource_calendar_id = self.calendar
        ticket = self._request(self.point_a, "2026-03-02 17:30")
        self.assertFalse(ticket.sla_rule_id)
        self._call_back(ticket, "2026-03-03 08:30")
        self.assertEqual(ticket.callback_response_hours, 1.0)
        self.assertTrue(ticket.callback_on_time, "no deadline, never breached")

    def test_late_callback_is_not_on_time(self):
        ticket = self._request(self.point_a, "2026-03-03 10:00")
        self._call_back(ticket, "2026-03-03 14:00")
        self.assertTrue(ticket.callback_breached)
        self.assertFalse(ticket.callback_on_time)
        self.assertEqual(ticket.callback_response_hours, 4.0)

    # ------------------------------------------------------------------
    # Jobs: first-time fix and repeat repairs
    # ------------------------------------------------------------------

    def test_first_time_fix_is_lost_by_a_redispatch(self):
        ticket = self._request(self.point_a, "2026-03-02 10:00")
        unit = self._create_unit("SN-KPI-FTF")
        job = self._complete_job(ticket, unit, "2026-03-02 14:00", "2026-03-02 15:00")
        self.assertTrue(job.first_time_fix)
        action = job.action_redispatch()
        redispatch = self.env["aftersales.service.job"].browse(action["res_id"])
        self.assertEqual(job.redispatch_ids, redispatch)
        self.assertFalse(job.first_time_fix, "the first visit did not solve it")
        self.assertFalse(redispatch.first_time_fix, "not completed yet")
        redispatch.action_cancel()
        self.assertTrue(job.first_time_fix, "a cancelled re-dispatch does not count")

    def test_repeat_repair_within_30_days_but_not_31(self):
        unit_30 = self._create_unit("SN-KPI-30")
        unit_31 = self._create_unit("SN-KPI-31")
        first_30 = self._complete_job(
            self._request(self.point_a, "2026-03-02 09:00"),
            unit_30,
            "2026-03-02 10:00",
            "2026-03-02 12:00",
        )
        first_31 = self._complete_job(
            self._request(self.point_a, "2026-03-02 09:00"),
            unit_31,
            "2026-03-02 10:00",
            "2026-03-02 12:00",
        )
        self.assertFalse(first_30.repeat_repair_30 or first_30.repeat_repair_90)
        # The units fail again: repaired 30 and 31 days after the first check-out.
        again_30 = self._complete_job(
            self._request(self.point_b, "2026-03-30 09:00"),
            unit_30,
            "2026-04-01 10:00",
            "2026-04-01 12:00",
        )
        self._complete_job(
            self._request(self.point_b, "2026-03-30 09:00"),
            unit_31,
            "2026-04-02 10:00",
            "2026-04-02 12:00",
        )
        self.assertTrue(first_30.repeat_repair_30)
        self.assertTrue(first_30.repeat_repair_90)
        self.assertFalse(first_31.repeat_repair_30)
        self.assertTrue(first_31.repeat_repair_90)
        self.assertFalse(again_30.repeat_repair_90, "no repair after the second one")
        self.assertFalse(first_30.first_time_fix, "its unit came back within 30 days")
        self.assertTrue(first_31.first_time_fix, "31 days later is not a repeat of this visit")
        with freeze_time(utc("2026-04-30 12:00")):
            kpis = self._kpis(self.point_a | self.point_b)
        self.assertEqual(kpis[self.point_a]["kpi_repeat_repair_30_rate"], 50.0)
        self.assertEqual(kpis[self.point_a]["kpi_repeat_repair_90_rate"], 100.0)
        self.assertEqual(kpis[self.point_b]["kpi_repeat_repair_90_rate"], 0.0)

    # ------------------------------------------------------------------
    # KPIs of the service points
    # ------------------------------------------------------------------

    def _create_scenario(self):
        """Point A: 3 requests, point B: 2 requests (see the expected values)."""
        unit_1, unit_2, unit_3 = (self._create_unit(f"SN-KPI-{n}") for n in (1, 2, 3))
        # A1: called back after half an hour, on site after 5 hours: both on time.
        a1 = self._request(self.point_a, "2026-03-02 10:00")
        self._call_back(a1, "2026-03-02 10:30")
        job_1 = self._complete_job(a1, unit_1, "2026-03-02 15:00", "2026-03-02 16:00")
        self._rate(job_1, "5", "5", "4")
        # A2: reported in the evening, called back at 08:30 (1 h, on time); on site
        # on Wednesday 09:00, 11.5 h (late); re-dispatched, the second visit fixes it.
        a2 = self._request(self.point_a, "2026-03-02 17:30")
        self._call_back(a2, "2026-03-03 08:30")
        job_2 = self._complete_job(a2, unit_2, "2026-03-04 09:00", "2026-03-04 10:00")
        job_3 = self.env["aftersales.service.job"].browse(job_2.action_redispatch()["res_id"])
        self._complete_job(a2, unit_2, "2026-03-06 09:00", "2026-03-06 10:00", job=job_3)
        self._rate(job_3, "3", "3", "3")
        # A3: a complaint called back after 4 hours (late), no visit.
        a3 = self._request(self.point_a, "2026-03-03 10:00", request_type="complaint")
        self._call_back(a3, "2026-03-03 14:00")
        # B1: called back after a quarter of an hour, one visit, satisfied.
        b1 = self._request(self.point_b, "2026-03-04 10:00")
        self._call_back(b1, "2026-03-04 10:15")
        job_4 = self._complete_job(b1, unit_3, "2026-03-04 14:00", "2026-03-04 15:00")
        self._rate(job_4, "4", "4", "4")
        # B2: not called back yet, its deadline not breached yet: not counted in the rates.
        self._request(self.point_b, "2026-03-05 10:00", request_type="enquiry")
        return job_2, job_3

    def test_kpis_of_two_service_points(self):
        job_2, job_3 = self._create_scenario()
        self.assertFalse(job_2.first_time_fix)
        self.assertTrue(job_2.repeat_repair_30, "its unit was repaired again 2 days later")
        with freeze_time(utc("2026-03-31 12:00")):
            kpis = self._kpis(self.point_a | self.point_b)
        point_a, point_b = kpis[self.point_a], kpis[self.point_b]

        self.assertEqual(point_a["kpi_request_count"], 3)
        self.assertAlmostEqual(point_a["kpi_callback_on_time_rate"], 66.67, places=2)
        self.assertEqual(point_a["kpi_onsite_on_time_rate"], 50.0)
        self.assertAlmostEqual(point_a["kpi_avg_response_hours"], (0.5 + 1.0 + 4.0) / 3)
        self.assertAlmostEqual(point_a["kpi_avg_onsite_hours"], (5.0 + 11.5) / 2)
        self.assertAlmostEqual(point_a["kpi_complaint_rate"], 33.33, places=2)
        # Jobs 1 and 3 fixed it at the first visit, job 2 did not.
        self.assertAlmostEqual(point_a["kpi_first_time_fix_rate"], 66.67, places=2)
        self.assertAlmostEqual(point_a["kpi_repeat_repair_30_rate"], 33.33, places=2)
        self.assertAlmostEqual(point_a["kpi_repeat_repair_90_rate"], 33.33, places=2)
        self.assertAlmostEqual(point_a["kpi_avg_satisfaction"], (14 / 3 + 3) / 2)

        self.assertEqual(point_b["kpi_request_count"], 2)
        self.assertEqual(point_b["kpi_callback_on_time_rate"], 100.0)
        self.assertEqual(point_b["kpi_onsite_on_time_rate"], 100.0)
        self.assertEqual(point_b["kpi_avg_response_hours"], 0.25)
        self.assertEqual(point_b["kpi_avg_onsite_hours"], 4.0)
        self.assertEqual(point_b["kpi_complaint_rate"], 0.0)
        self.assertEqual(point_b["kpi_first_time_fix_rate"], 100.0)
        self.assertEqual(point_b["kpi_repeat_repair_30_rate"], 0.0)
        self.assertEqual(point_b["kpi_avg_satisfaction"], 4.0)

    def test_kpi_period(self):
        """365 days by default; ``aftersales_kpi_date_from`` moves the start."""
        self._create_scenario()
        with freeze_time(utc("2027-03-04 12:00")):
            kpis = self._kpis(self.point_a | self.point_b)
        self.assertEqual(kpis[self.point_a]["kpi_request_count"], 0, "over a year ago")
        self.assertEqual(kpis[self.point_b]["kpi_request_count"], 1, "B2 is 364 days old")
        with freeze_time(utc("2026-03-31 12:00")):
            kpis = self._kpis(self.point_a | self.point_b, aftersales_kpi_date_from="2026-03-04")
        point_a, point_b = kpis[self.point_a], kpis[self.point_b]
        self.assertEqual(point_a["kpi_request_count"], 0)
        self.assertEqual(point_a["kpi_first_time_fix_rate"], 50.0, "jobs 2 and 3 checked out")
        self.assertEqual(point_b["kpi_request_count"], 2)

    def test_kpi_period_end(self):
        """``aftersales_kpi_date_to`` ends the period (exclusive): a past month's report
        leaves out what came after it."""
        self._create_scenario()
        with freeze_time(utc("2026-03-31 12:00")):
            kpis = self._kpis(
                self.point_a | self.point_b,
                aftersales_kpi_date_from="2026-03-01",
                aftersales_kpi_date_to=utc("2026-03-04 00:00"),
            )
        point_a, point_b = kpis[self.point_a], kpis[self.point_b]
        self.assertEqual(point_a["kpi_request_count"], 3, "A1, A2, A3 before the 4th")
        self.assertEqual(point_a["kpi_first_time_fix_rate"], 100.0, "only job 1 checked out")
        self.assertEqual(point_b["kpi_request_count"], 0, "B1 and B2 came on the 4th and 5th")
        self.assertEqual(point_b["kpi_first_time_fix_rate"], 0.0)

    def test_point_without_activity_has_no_data_not_zero(self):
        idle = self.env["res.partner"].create(
            {"name": "Test idle point", "is_company": True, "is_service_point": True}
        )
        idle = idle.with_user(self.user_clerk)
        self.assertEqual(idle.kpi_request_count, 0)
        self.assertEqual(set(idle.kpi_no_data), set(KPI_FIELDS) - {"kpi_request_count"})

    def test_unrated_jobs_do_not_lower_the_satisfaction(self):
        """One job rated 4.67, one completed but not called back: the average is 4.67,
        and a point whose jobs are not rated yet has no satisfaction at all."""
        rated = self._complete_job(
            self._request(self.point_a, "2026-03-02 10:00"),
            self._create_unit("SN-KPI-R1"),
            "2026-03-02 14:00",
            "2026-03-02 15:00",
        )
        self._rate(rated, "5", "5", "4")
        self._complete_job(
            self._request(self.point_a, "2026-03-02 10:00"),
            self._create_unit("SN-KPI-R2"),
            "2026-03-02 16:00",
            "2026-03-02 17:00",
        )
        self._complete_job(
            self._request(self.point_b, "2026-03-02 10:00"),
            self._create_unit("SN-KPI-R3"),
            "2026-03-02 16:00",
            "2026-03-02 17:00",
        )
        with freeze_time(utc("2026-03-31 12:00")):
            kpis = self._kpis(self.point_a | self.point_b)
            no_data_b = (self.point_b.with_user(self.user_clerk)).kpi_no_data
        self.assertAlmostEqual(kpis[self.point_a]["kpi_avg_satisfaction"], 14 / 3)
        self.assertIn("kpi_avg_satisfaction", no_data_b)
        self.assertNotIn("kpi_first_time_fix_rate", no_data_b, "its job was completed")
        # The job analysis averages the answered jobs only.
        jobs = self.env["aftersales.service.job"]
        [(average,)] = jobs._read_group(
            [("service_point_id", "=", self.point_a.id)], aggregates=["satisfaction:avg"]
        )
        self.assertAlmostEqual(average, 14 / 3)

    def test_kpi_queries_do_not_grow_with_the_number_of_points(self):
        self._create_scenario()
        points = self.point_a | self.point_b
        points |= self.env["res.partner"].create(
            [
                {"name": f"Test KPI point {n}", "is_company": True, "is_service_point": True}
                for n in range(3)
            ]
        )
        partners = self.env["res.partner"].with_user(self.user_clerk)

        def read_kpis(ids):
            self.env.invalidate_all()
            return [point[name] for point in partners.browse(ids) for name in KPI_FIELDS]

        read_kpis(points.ids)  # warm the caches of access rights and rules
        with freeze_time(utc("2026-03-31 12:00")):
            with self.assertQueryCount(3):
                read_kpis(self.point_a.ids)
            with self.assertQueryCount(3):
                read_kpis(points.ids)
