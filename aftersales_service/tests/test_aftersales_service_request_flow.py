# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common_job import SIGNATURE, AftersalesJobCommon


@tagged("post_install", "-at_install")
class TestAftersalesServiceRequestFlow(AftersalesJobCommon):
    """From the customer's call to the return visit, for each kind of request that sends
    a technician; who may do what; companies kept apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.city = cls.env["aftersales.region"].create(
            {"name": "Test city", "level": "city", "area_class": "central_city"}
        )
        cls.county = cls.env["aftersales.region"].create(
            {"name": "Test county", "level": "county", "parent_id": cls.city.id}
        )
        cls.point.service_region_ids = cls.county
        cls.customer.region_id = cls.county

    def _call_in(self, request_type, unit):
        with Form(self.env["helpdesk.ticket"].with_user(self.user_clerk)) as form:
            form.name = f"Test {request_type}"
            form.description = "Customer called the hotline"
            form.request_type = request_type
            form.partner_id = self.customer
            form.lot_id = unit
        return form.record

    def _visit(self, ticket):
        job = self._open_dispatched_job(ticket)
        job.fault_code_id = self.fault
        job.action_dispatch()
        job.action_accept()
        job.action_check_in()
        job.write(
            {
                "part_ids": [Command.create({"product_id": self.element.id, "quantity": 1})],
                "signature": SIGNATURE,
                "signed_by": "Test customer",
                "resolution": "Replaced the heating element",
            }
        )
        job.action_complete()
        return job

    def test_repair_request_from_the_call_to_the_return_visit(self):
        ticket = self._call_in("repair", self.unit_in_warranty)
        self.assertEqual(ticket.service_point_id, self.point, "the point covering the county")
        self.assertEqual(ticket.area_class, "central_city", "the county takes its city's class")
        self.assertEqual(ticket.entitlement_decision, "free_repair")
        self.assertTrue(ticket.onsite_deadline, "an on-site clock runs for a repair")

        job = self._visit(ticket)
        self.assertEqual(job.job_type, "repair")
        self.assertEqual(job.lot_id, self.unit_in_warranty)
        self.assertEqual(job.coverage, "sanbao")
        self.assertEqual(ticket.job_count, 1)
        self.assertEqual(ticket.onsite_done_at, job.checkin_at)
        self.assertFalse(ticket.onsite_breached)
        self.assertEqual(len(self.unit_in_warranty.aftersales_repair_ids), 1)

    # ------------------------------------------------------------------
    # The request follows its jobs
    # ------------------------------------------------------------------

    def _stage(self, xmlid):
        return self.env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{xmlid}")

    def test_request_moves_with_its_job_and_closes_its_clocks(self):
        ticket = self._call_in("repair", self.unit_in_warranty)
        self.assertEqual(ticket.stage_id, self._stage("new"))
        self.assertEqual(ticket.sla_status, "running")
        job = self._open_dispatched_job(ticket)
        self.assertEqual(ticket.stage_id, self._stage("new"), "not dispatched yet")
        job.fault_code_id = self.fault
        job.action_dispatch()
        self.assertEqual(ticket.stage_id, self._stage("in_progress"))
        self.assertEqual(ticket.open_job_id, job)
        job.action_accept()
        job.action_check_in()
        job.write(
            {
                "signature": SIGNATURE,
                "signed_by": "Test customer",
                "resolution": "Replaced the heating element",
            }
        )
        job.action_complete()
        self.assertEqual(ticket.stage_id, self._stage("done"))
        self.assertTrue(ticket.closed_date)
        self.assertEqual(ticket.sla_status, "met", "every clock met and closed")
        self.assertFalse(ticket.sla_next_deadline)
        self.assertFalse(ticket.can_be_dispatched)

    def test_dispatch_opens_the_job_under_way_never_a_second_one(self):
        ticket = self._call_in("repair", self.unit_in_warranty)
        first = ticket.action_aftersales_dispatch()
        again = ticket.action_aftersales_dispatch()
        self.assertEqual(first["res_id"], again["res_id"])
        self.assertEqual(ticket.job_count, 1)
        self.assertFalse(ticket.can_be_dispatched, "派工 becomes 打开派工单")
        job = self._visit(ticket)
        with self.assertRaisesRegex(
            UserError,
            rf"^Job {job.name} of request .+ is already completed\. If the problem is not "
            r"solved, open the job and use Re-dispatch\.$",
        ):
            ticket.action_aftersales_dispatch()
        self.assertEqual(ticket.job_count, 1)

    def test_redispatch_reopens_the_solved_request(self):
        ticket = self._call_in("repair", self.unit_in_warranty)
        first = self._visit(ticket)
        self.assertEqual(ticket.stage_id, self._stage("done"))
        second = self.env["aftersales.service.job"].browse(first.action_redispatch()["res_id"])
        self.assertEqual(first.action_redispatch()["res_id"], second.id, "one re-dispatch")
        second.technician_id = self.technician
        second.action_dispatch()
        self.assertEqual(ticket.stage_id, self._stage("in_progress"))

    def test_cancelled_job_sends_the_request_back_to_dispatch(self):
        ticket = self._call_in("repair", self.unit_in_warranty)
        job = self._open_dispatched_job(ticket)
        job.action_dispatch()
        job.action_cancel()
        self.assertEqual(ticket.stage_id, self._stage("new"))
        self.assertTrue(ticket.can_be_dispatched)

    def test_cancelling_the_request_cancels_its_jobs_not_started(self):
        ticket = self._call_in("repair", self.unit_in_warranty)
        job = self._open_dispatched_job(ticket)
        job.action_dispatch()
        ticket.stage_id = self._stage("cancelled")
        self.assertEqual(job.state, "cancel")
        self.assertEqual(ticket.stage_id, self._stage("cancelled"), "stays cancelled")

    def test_request_with_a_job_under_way_cannot_be_solved_by_hand(self):
        ticket = self._call_in("repair", self.unit_in_warranty)
        job = self._open_dispatched_job(ticket)
        job.action_dispatch()
        with self.assertRaisesRegex(UserError, rf"^Jobs {job.name} are still under way"):
            ticket.stage_id = self._stage("done")
        self.assertEqual(ticket.stage_id, self._stage("in_progress"))

    def test_installation_request_does_not_count_as_a_repair(self):
        ticket = self._call_in("installation", self.unit_in_warranty)
        job = self._visit(ticket)
        self.assertEqual(job.job_type, "installation")
        self.assertEqual(job.state, "done")
        self.assertFalse(
            self.unit_in_warranty.aftersales_repair_ids,
            "an installation is not a repair of the unit",
        )

    def test_paid_repair_request_invoices_the_customer(self):
        ticket = self._call_in("repair", self.unit_expired)
        self.assertEqual(ticket.entitlement_decision, "paid_repair")
        job = self._visit(ticket)
        self.assertEqual(job.coverage, "paid")
        self.assertEqual(job.invoice_id.state, "posted")
        self.assertEqual(job.invoice_id.partner_id, self.customer)

    def test_second_visit_for_the_same_request(self):
        ticket = self._call_in("repair", self.unit_in_warranty)
        first = self._visit(ticket)
        action = first.action_redispatch()
        second = self.env["aftersales.service.job"].browse(action["res_id"])
        self.assertEqual(second.ticket_id, ticket)
        self.assertEqual(ticket.job_count, 2)
        self.assertEqual(ticket.action_view_jobs()["domain"], [("ticket_id", "=", ticket.id)])

    def test_technician_cannot_change_prices(self):
        technician_user = self.user_technician
        with self.assertRaises(AccessError):
            self.element.with_user(technician_user).list_price = 1.0
        pricelist = self.env["product.pricelist"].create({"name": "Test fee schedule"})
        with self.assertRaises(AccessError):
            pricelist.with_user(technician_user).write({"name": "Cheaper"})

    def test_jobs_of_another_company_stay_hidden(self):
        other_company = self.env["res.company"].create({"name": "Test other company"})
        other_clerk = new_test_user(
            self.env,
            login="aftersales-other-clerk",
            groups="base.group_user,aftersales_service.group_aftersales_clerk",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        job = self._create_job(self.unit_in_warranty)
        visible = self.env["aftersales.service.job"].with_user(other_clerk).search([])
        self.assertNotIn(job, visible)
        self.assertIn(job, self.env["aftersales.service.job"].with_user(self.user_clerk).search([]))

    def test_unit_sold_yesterday_is_refundable_from_the_request(self):
        unit = self._create_unit("SN-FRESH", self.today - timedelta(days=1))
        ticket = self._call_in("return", unit)
        self.assertEqual(ticket.entitlement_decision, "refund")
        self.assertEqual(ticket.entitlement_rule, "refund_window")
