# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common_job import create_covered_product, create_fault
from .common_report import warm_up_http


class AftersalesUiCommon(HttpCase):
    """The demo company's desk in Chinese: a service point covering a county, its
    certified technician, a caller with one unit in its 三包 period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["aftersales_service"], ["zh_CN"], overwrite=True
        )
        today = fields.Date.context_today(cls.env["res.partner"])
        city = cls.env["aftersales.region"].create(
            {"name": "Tour city", "level": "city", "area_class": "central_city"}
        )
        county = cls.env["aftersales.region"].create(
            {"name": "Tour county", "level": "county", "parent_id": city.id}
        )
        cls.point = cls.env["res.partner"].create(
            {
                "name": "Tour Point",
                "is_company": True,
                "is_service_point": True,
                "network_level": "city",
                "service_region_ids": [(6, 0, county.ids)],
            }
        )
        cls.technician = cls.env["res.partner"].create(
            {
                "name": "Tour Technician",
                "parent_id": cls.point.id,
                "is_technician": True,
                "technician_certificate": "CERT-TOUR-1",
                "technician_certificate_expiry": today + timedelta(days=365),
            }
        )
        cls.caller = cls.env["res.partner"].create(
            {
                "name": "Tour Caller",
                "mobile": "+86 138 0571 2345",
                "region_id": county.id,
                "lang": "zh_CN",
            }
        )
        category, heater = create_covered_product(cls.env, "Tour")
        cls.fault = create_fault(cls.env, category, "TOUR-NH", "Tour element burnt")
        cls.unit = cls.env["stock.lot"].create(
            {
                "name": "SN-TOUR-1",
                "product_id": heater.id,
                "customer_id": cls.caller.id,
                "sale_date": today - timedelta(days=60),
            }
        )

    @classmethod
    def _user(cls, login, group, **vals):
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,aftersales_service.{group}",
            lang="zh_CN",
            tz="Asia/Shanghai",
            **vals,
        )

    def _request_with_job(self, **job_vals):
        ticket = self.env["helpdesk.ticket"].create(
            {"description": "没有热水", "partner_id": self.caller.id, "lot_id": self.unit.id}
        )
        job = self.env["aftersales.service.job"].create(
            {**ticket._prepare_service_job_vals(), "technician_id": self.technician.id, **job_vals}
        )
        return ticket, job


@tagged("post_install", "-at_install")
class TestAftersalesUi(AftersalesUiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = cls._user("aftersales-tour-clerk", "group_aftersales_clerk")
        cls.manager = cls._user("aftersales-tour-manager", "group_aftersales_manager")

    def test_clerk_opens_every_section_in_chinese(self):
        self.start_tour(
            "/odoo/aftersales-requests", "aftersales_service_sections", login=self.clerk.login
        )

    def test_clerk_takes_a_call_by_phone_and_dispatches(self):
        self.start_tour(
            "/odoo/aftersales", "aftersales_clerk_intake_by_phone", login=self.clerk.login
        )
        ticket = self.env["helpdesk.ticket"].search([("lot_id", "=", self.unit.id)])
        self.assertEqual(ticket.partner_id, self.caller)
        self.assertEqual(ticket.entitlement_decision, "free_repair")
        self.assertEqual(ticket.job_ids.state, "dispatched")
        self.assertEqual(ticket.job_ids.technician_id, self.technician)
        self.assertEqual(ticket.stage_id.aftersales_role, "in_progress")

    def test_manager_adds_a_service_point_with_a_technician(self):
        self.start_tour(
            "/odoo/aftersales-network/new",
            "aftersales_manager_adds_a_service_point",
            login=self.manager.login,
        )
        point = self.env["res.partner"].search([("name", "=", "Tour New Point")])
        self.assertTrue(point.is_service_point and point.is_company)
        technician = point.child_ids
        self.assertEqual(technician.name, "Tour New Technician")
        self.assertTrue(technician.is_technician)
        self.assertEqual(technician.technician_certificate, "CERT-TOUR")
        self.assertEqual(str(technician.technician_certificate_expiry), "2030-12-31")

    def test_the_jobs_calendar_names_technicians_and_shows_jobs_without_an_end(self):
        self._request_with_job(
            name="PG-TOUR-CAL", scheduled_start=fields.Datetime.now() + timedelta(hours=1)
        )
        self.start_tour(
            "/odoo/aftersales-jobs?view_type=calendar",
            "aftersales_jobs_calendar",
            login=self.clerk.login,
        )


@tagged("post_install", "-at_install")
class TestAftersalesPhoneUi(AftersalesUiCommon):
    """The technician's job on a phone."""

    browser_size = "390x844"
    touch_enabled = True

    def test_technician_completes_the_job_on_a_phone_and_the_request_is_solved(self):
        technician_user = self._user(
            "aftersales-tour-technician",
            "group_aftersales_technician",
            partner_id=self.technician.id,
        )
        ticket, job = self._request_with_job(fault_code_id=self.fault.id)
        job.action_dispatch()
        self.start_tour(
            f"/odoo/aftersales-jobs/{job.id}",
            "aftersales_technician_on_a_phone",
            login=technician_user.login,
        )
        self.assertEqual(job.state, "done")
        self.assertEqual(job.signed_by, "Tour Caller")
        self.assertTrue(job.signature)
        self.assertTrue(ticket.stage_id.closed, "the request is solved by its completed job")
        self.assertEqual(ticket.stage_id.aftersales_role, "solved")
        self.assertEqual(ticket.sla_status, "met")
