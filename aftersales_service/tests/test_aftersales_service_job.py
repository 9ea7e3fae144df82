# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from lxml import etree

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Datetime
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common_job import AftersalesJobCommon


@tagged("post_install", "-at_install")
class TestAftersalesServiceJob(AftersalesJobCommon):
    # ------------------------------------------------------------------
    # The whole visit
    # ------------------------------------------------------------------
    def test_sanbao_repair_from_dispatch_to_callback(self):
        job = self._create_job(self.unit_in_warranty)
        self.assertTrue(job.name.startswith("PG"))
        self.assertEqual(job.partner_id, self.customer, "the customer comes from the request")
        self.assertEqual(job.entitlement_decision, "free_repair")
        self.assertEqual(job.coverage, "sanbao")
        self.assertEqual(job.labour_hours, 0.5, "labour defaults to the fault's norm")
        self.assertEqual(job.cause_class, "product_quality")

        self._work_on_site(job)
        self.assertEqual(job.state, "on_site")
        self.assertTrue(job.dispatched_at and job.accepted_at and job.checkin_at)
        self.assertEqual(
            self.ticket.onsite_done_at, job.checkin_at, "check-in meets the on-site SLA"
        )

        job.action_complete()
        self.assertEqual(job.state, "done")
        move = job.part_ids.move_ids
        self.assertEqual(move.state, "done")
        self.assertEqual(move.location_id, self.point_location)
        self.assertEqual(move.location_dest_id, self.env.ref("stock.stock_location_customers"))
        self.assertEqual(self._point_stock(self.element), 4.0)
        self.assertFalse(job.invoice_id, "the customer never pays for a 三包 repair")
        repair = self.unit_in_warranty.aftersales_repair_ids
        self.assertEqual(len(repair), 1, "the unit's repair history grows by one")
        self.assertEqual(repair.fault_key, "T-NH-01")
        self.assertEqual(repair.part_id, self.element)

        job.write(
            {
                "callback_method": "phone",
                "callback_attitude": "5",
                "callback_quality": "4",
                "callback_resolution": "4",
            }
        )
        job.action_callback_done()
        self.assertEqual(job.state, "called_back")
        self.assertAlmostEqual(job.satisfaction, 13 / 3)
        self.assertFalse(job.is_unsatisfied)

    def test_paid_job_invoices_the_customer_at_the_fee_schedule(self):
        job = self._create_job(self.unit_expired, travel_fee=30.0, travel_distance=12.0)
        self.assertEqual(job.entitlement_decision, "paid_repair")
        self.assertEqual(job.coverage, "paid")
        self._work_on_site(job)
        job.action_complete()
        invoice = job.invoice_id
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.partner_id, self.customer)
        labour = self.env.ref("aftersales_service.product_service_labour")
        travel = self.env.ref("aftersales_service.product_service_travel")
        billed = sorted(
            (line.product_id.id, line.quantity, line.price_unit)
            for line in invoice.invoice_line_ids
        )
        expected = sorted(
            [
                (labour.id, 0.5, labour.lst_price),
                (travel.id, 1.0, 30.0),
                (self.element.id, 1.0, 95.0),
            ]
        )
        self.assertEqual(
            billed, expected, "labour by the hour, travel and part at the fee schedule"
        )
        self.assertEqual(invoice.invoice_origin, job.name)

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    def test_expired_certificate_blocks_dispatch(self):
        self.technician.technician_certificate_expiry = self.today - timedelta(days=1)
        job = self._create_job(self.unit_in_warranty)
        with self.assertRaises(UserError) as error:
            job.action_dispatch()
        self.assertIn("Test technician", str(error.exception))
        self.assertIn("expired", str(error.exception))
        self.assertEqual(job.state, "draft")

    def test_dispatch_needs_a_technician(self):
        job = self._create_job(self.unit_in_warranty, technician_id=False)
        with self.assertRaisesRegex(UserError, "Choose a service point and one of its technicians"):
            job.action_dispatch()

    def test_technician_of_another_point_is_refused(self):
        other_point = self.env["res.partner"].create(
            {"name": "Other point", "is_company": True, "is_service_point": True}
        )
        with self.assertRaisesRegex(ValidationError, "is not a technician of Other point"):
            self._create_job(self.unit_in_warranty, service_point_id=other_point.id)

    def test_part_missing_at_the_point_stops_checkout_and_moves_nothing(self):
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job, quantity=8.0)
        with self.assertRaises(UserError) as error:
            job.action_complete()
        self.assertIn("Test heating element: 8.0 needed, 5.0 available", str(error.exception))
        self.assertEqual(job.state, "on_site")
        self.assertEqual(self._point_stock(self.element), 5.0)

    def test_negative_stock_at_points_when_the_setting_allows_it(self):
        self.env.company.aftersales_allow_negative_point_stock = True
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job, quantity=8.0)
        job.action_complete()
        self.assertEqual(job.state, "done")
        quant = self.env["stock.quant"].search(
            [("product_id", "=", self.element.id), ("location_id", "=", self.point_location.id)]
        )
        self.assertEqual(sum(quant.mapped("quantity")), -3.0)

    def test_checkout_needs_the_customer_signature(self):
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job)
        job.signature = False
        with self.assertRaisesRegex(UserError, r"^Have the customer sign PG\S+ on site"):
            job.action_complete()

    def test_steps_follow_the_order_of_a_visit(self):
        job = self._create_job(self.unit_in_warranty)
        with self.assertRaisesRegex(UserError, "cannot be accepted in their present state"):
            job.action_accept()
        with self.assertRaisesRegex(UserError, "cannot be completed in their present state"):
            job.action_complete()

    def test_dispatched_job_cannot_be_deleted(self):
        job = self._create_job(self.unit_in_warranty)
        job.action_dispatch()
        with self.assertRaisesRegex(UserError, "cancel them instead of deleting them"):
            job.unlink()

    def test_unsatisfied_customer_gets_a_new_visit_or_a_complaint(self):
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job)
        job.action_complete()
        job.write(
            {
                "callback_method": "phone",
                "callback_attitude": "2",
                "callback_quality": "1",
                "callback_resolution": "2",
                "callback_note": "Still no hot water",
            }
        )
        job.action_callback_done()
        self.assertTrue(job.is_unsatisfied)
        action = job.action_redispatch()
        new_job = self.env["aftersales.service.job"].browse(action["res_id"])
        self.assertEqual(new_job.previous_job_id, job)
        self.assertEqual(new_job.ticket_id, self.ticket)
        self.assertEqual(new_job.state, "draft")
        self.assertFalse(new_job.technician_id)
        action = job.action_create_complaint()
        complaint = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(complaint.request_type, "complaint")
        self.assertEqual(complaint.complaint_category, "engineer")
        self.assertEqual(complaint.partner_id, self.customer)

    def test_callback_needs_the_answers(self):
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job)
        job.action_complete()
        job.callback_method = "phone"
        with self.assertRaisesRegex(UserError, "Record how the customer was called"):
            job.action_callback_done()

    def test_job_form_takes_the_customer_from_the_request(self):
        with Form(self.env["aftersales.service.job"].with_user(self.user_clerk)) as form:
            form.ticket_id = self.ticket
            self.assertEqual(form.partner_id, self.customer)
            form.lot_id = self.unit_in_warranty
            form.service_point_id = self.point
            form.technician_id = self.technician
        self.assertEqual(form.record.state, "draft")

    def test_completion_schedules_a_return_visit_and_asks_for_a_rating(self):
        self.customer.email = "customer@example.com"
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job)
        job.action_complete()
        return_visit = self.env.ref("aftersales_service.mail_activity_type_return_visit")
        activity = job.activity_ids.filtered(lambda a: a.activity_type_id == return_visit)
        self.assertEqual(len(activity), 1, "the desk is asked to call the customer back")
        self.assertEqual(activity.user_id, self.user_clerk)
        rating = job.rating_ids
        self.assertEqual(
            rating.partner_id, self.customer, "the customer is asked to rate the visit"
        )
        self.assertFalse(rating.consumed)
        survey = job.message_ids.filtered(lambda m: f"/rate/{rating.access_token}/5" in m.body)
        self.assertEqual(len(survey), 1)
        self.assertIn(self.customer, survey.partner_ids)

        job.rating_apply(5, token=rating.access_token, feedback="Fast and clean")
        self.assertEqual(job.rating_last_value, 5)

        job.write(
            {
                "callback_method": "phone",
                "callback_attitude": "5",
                "callback_quality": "5",
                "callback_resolution": "5",
            }
        )
        job.action_callback_done()
        self.assertFalse(
            job.activity_ids.filtered(lambda a: a.activity_type_id == return_visit),
            "the return visit is done",
        )

    def test_no_survey_for_a_customer_without_email(self):
        self.customer.email = False
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job)
        job.action_complete()
        self.assertFalse(job.rating_ids)

    # ------------------------------------------------------------------
    # Completion, signature, schedule, names on screen
    # ------------------------------------------------------------------
    def test_checkout_lists_everything_missing_at_once(self):
        job = self._create_job(self.unit_in_warranty, fault_code_id=False)
        self._work_on_site(job)
        job.write({"resolution": "  ", "signed_by": False})
        with self.assertRaises(UserError) as error:
            job.action_complete()
        self.assertEqual(
            str(error.exception),
            f"Write the findings and work done on {job.name}.\n"
            f"Choose the fault (its cause) repaired on {job.name}.\n"
            f"Have the customer sign {job.name} on site and write who signed before "
            "completing the job.",
        )
        self.assertEqual(job.state, "on_site", "nothing was completed")
        # The planned part is a demand on the point (a confirmed move), not taken yet.
        self.assertEqual(job.part_ids.move_ids.mapped("state"), ["confirmed"])
        self.assertFalse(job.part_ids.consumed, "no part left the stock")

    def test_signature_cannot_change_after_checkout(self):
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job)
        job.action_complete()
        with self.assertRaisesRegex(
            UserError, rf"^The customer signed {job.name} at check-out: the signature cannot"
        ):
            job.signed_by = "Someone else"
        self.assertEqual(job.signed_by, "Test customer")

    def test_schedule_ends_after_the_labour_norm_or_the_job_type(self):
        start = Datetime.to_datetime("2026-03-02 09:00:00")
        job = self._create_job(self.unit_in_warranty, scheduled_start=start)
        self.assertEqual(job.scheduled_end, start + timedelta(minutes=30), "0.5 h norm")
        installation = self._create_job(
            self.unit_in_warranty,
            job_type="installation",
            fault_code_id=False,
            scheduled_start=start,
        )
        self.assertEqual(installation.scheduled_end, start + timedelta(hours=2))
        installation.scheduled_end = start + timedelta(hours=5)
        self.assertEqual(installation.scheduled_end, start + timedelta(hours=5), "editable")

    def test_technician_is_shown_by_name_beside_the_point(self):
        self.assertEqual(self.technician.display_name, "Test service point, Test technician")
        on_jobs = self.technician.with_context(aftersales_person_only=True)
        self.assertEqual(on_jobs.display_name, "Test technician")
        self.assertEqual(
            self.point.with_context(aftersales_person_only=True).display_name,
            "Test service point",
        )

    def test_my_jobs_are_the_technicians_and_those_of_my_requests(self):
        technician_user = new_test_user(
            self.env,
            login="aftersales-field-technician",
            groups="base.group_user,aftersales_service.group_aftersales_technician",
            partner_id=self.technician.id,
        )
        mine = self._create_job(self.unit_in_warranty)
        other = self._create_job(self.unit_in_warranty, technician_id=False)
        search_view = self.env.ref("aftersales_service.aftersales_service_job_view_search")
        my_jobs = etree.fromstring(search_view.arch).xpath("//filter[@name='my_jobs']")[0]
        domain = safe_eval(my_jobs.get("domain"), {"uid": technician_user.id})
        jobs = self.env["aftersales.service.job"].with_user(technician_user).search(domain)
        self.assertIn(mine, jobs)
        self.assertNotIn(other, jobs)

    def test_excluded_unit_is_repaired_for_a_fee(self):
        self.unit_in_warranty.aftersales_exclusion = "serial_mismatch"
        job = self._create_job(self.unit_in_warranty)
        self.assertEqual(job.entitlement_decision, "paid_repair")
        self.assertEqual(job.entitlement_rule, "excluded_serial_mismatch")
        self.assertEqual(job.coverage, "paid")
        self.assertEqual(
            job.entitlement_explanation,
            "No 三包 remedy (Serial number mismatched or altered): the unit can be repaired "
            "for a fee.",
        )
