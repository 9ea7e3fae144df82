# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_job import SIGNATURE
from .common_portal import AftersalesPortalCommon

#: the photo the technician takes
PNG = base64.b64decode(SIGNATURE)


@tagged("post_install", "-at_install")
class TestAftersalesPortalJobs(AftersalesPortalCommon):
    """The point's steps on its jobs from the portal, and the unit lookup."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write({"phone": "13812345678", "city": "杭州市", "street": "解放路 88 号"})

    def setUp(self):
        super().setUp()
        self.job = self._create_job(self.unit_in_warranty)
        self.job.action_dispatch()
        self.b_job = self._plant_jobs(self.point_b)[0]

    def _as_a(self, job=None):
        return (job or self.job).with_user(self.portal_a)

    def _messages_by(self, job, user):
        return job.message_ids.filtered(lambda m: m.author_id == user.partner_id)

    # ------------------------------------------------------------------
    # The whole visit
    # ------------------------------------------------------------------
    def test_visit_from_accept_to_check_out(self):
        job = self._as_a()
        job._portal_accept()
        self.assertEqual(self.job.state, "accepted")
        job._portal_check_in()
        self.assertEqual(self.job.state, "on_site")
        job._portal_add_part(self.element.id, "1", old_part_kept="1")
        job._portal_add_photos([("meter.png", PNG, "image/png")])
        job._portal_set_resolution("Replaced the element", self.fault.id)
        job._portal_sign("Test customer", SIGNATURE.decode())
        job._portal_check_out()
        self.assertEqual(self.job.state, "done")
        self.assertEqual(self.job.signed_by, "Test customer")
        self.assertTrue(self.job.signature)
        self.assertEqual(self.job.part_ids.product_id, self.element)
        self.assertTrue(self.job.part_ids.consumed and self.job.part_ids.old_part_kept)
        self.assertEqual(self._point_stock(self.element), 4)
        self.assertEqual(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", self.job._name), ("res_id", "=", self.job.id)]
            ),
            1,
        )
        self.assertGreaterEqual(len(self._messages_by(self.job, self.portal_a)), 7)
        # signature final after check-out
        with self.assertRaises(UserError):
            job._portal_sign("Someone else", SIGNATURE.decode())

    def test_refuse_sends_back_to_desk(self):
        with self.assertRaises(UserError):
            self._as_a()._portal_refuse("  ")
        self._as_a()._portal_refuse("No technician free this week")
        self.assertEqual(self.job.state, "draft")
        self.assertFalse(self.job.service_point_id or self.job.technician_id)
        activity = self.job.activity_ids
        self.assertEqual(activity.user_id, self.user_clerk)
        self.assertIn("No technician free this week", activity.note)
        self.assertIn("No technician free", self._messages_by(self.job, self.portal_a).body)
        # no longer the point's
        with self.assertRaises(AccessError):
            self._as_a()._portal_accept()

    def test_schedule_with_the_point_technician(self):
        start = self.job.scheduled_start or self.today
        self._as_a()._portal_schedule("2030-01-02 02:00:00", False, self.technician.id)
        self.assertEqual(str(self.job.scheduled_start), "2030-01-02 02:00:00")
        self.assertTrue(self.job.scheduled_end)
        with self.assertRaises(UserError):
            self._as_a()._portal_schedule("2030-01-03 02:00:00", False, self.technician_b.id)
        self.assertEqual(str(self.job.scheduled_start), "2030-01-02 02:00:00")
        self.assertTrue(start)

    # ------------------------------------------------------------------
    # Refusals
    # ------------------------------------------------------------------
    def test_other_point_job_is_refused(self):
        job = self.b_job.with_user(self.portal_a)
        for step in (
            lambda: job._portal_accept(),
            lambda: job._portal_refuse("x"),
            lambda: job._portal_check_in(),
            lambda: job._portal_schedule("2030-01-02 02:00:00", False, self.technician_b.id),
            lambda: job._portal_add_part(self.element.id, 1),
            lambda: job._portal_add_photos([("a.png", PNG, "image/png")]),
            lambda: job._portal_sign("x", SIGNATURE.decode()),
            lambda: job._portal_set_resolution("x"),
            lambda: job._portal_check_out(),
        ):
            with self.assertRaises(AccessError):
                step()
        self.assertEqual(self.b_job.state, "dispatched")
        self.assertFalse(self._messages_by(self.b_job, self.portal_a))

    def test_a_photo_is_removed_while_the_job_is_worked_on_only(self):
        job = self._as_a()
        job._portal_accept()
        photo_id, kept_id = job._portal_add_photos(
            [("wrong.png", PNG, "image/png"), ("meter.png", PNG, "image/png")]
        )
        staff_photo = self.env["ir.attachment"].create(
            {"name": "desk.png", "raw": PNG, "res_model": self.job._name, "res_id": self.job.id}
        )
        with self.assertRaises(UserError, msg="a file the company's staff attached stays"):
            job._portal_remove_photo(staff_photo.id)
        for wrong_id in ("abc", "", None, 10**8):
            with self.assertRaises(UserError, msg=f"{wrong_id!r}: no such file here"):
                job._portal_remove_photo(wrong_id)
        with self.assertRaises(AccessError, msg="another point's job"):
            self.b_job.with_user(self.portal_a)._portal_remove_photo(photo_id)
        job._portal_remove_photo(photo_id)
        photos = self.env["ir.attachment"].search(
            [("res_model", "=", self.job._name), ("res_id", "=", self.job.id)]
        )
        self.assertEqual(sorted(photos.mapped("name")), ["desk.png", "meter.png"])
        self.assertIn("wrong.png removed on the portal", self.job.message_ids[:1].body)
        job._portal_check_in()
        job._portal_set_resolution("Replaced the element", self.fault.id)
        job._portal_sign("Test customer", SIGNATURE.decode())
        job._portal_check_out()
        with self.assertRaises(UserError, msg="the photos of a completed job are its record"):
            job._portal_remove_photo(kept_id)
        self.assertTrue(self.env["ir.attachment"].browse(kept_id).exists())

    def test_wrong_state_writes_nothing(self):
        job = self._as_a()
        with self.assertRaises(UserError):
            job._portal_check_out()
        with self.assertRaises(UserError):
            job._portal_add_part(self.element.id, 1)
        with self.assertRaises(UserError):
            job._portal_sign("Test customer", SIGNATURE.decode())
        self.assertEqual(self.job.state, "dispatched")
        self.assertFalse(self.job.part_ids or self.job.signature)
        self.assertFalse(self._messages_by(self.job, self.portal_a))

    def test_failed_check_out_writes_nothing(self):
        job = self._as_a()
        job._portal_accept()
        job._portal_check_in()
        job._portal_add_part(self.element.id, 9)  # the point holds 5
        job._portal_set_resolution("Replaced the element", self.fault.id)
        job._portal_sign("Test customer", SIGNATURE.decode())
        count = len(self.job.message_ids)
        with self.assertRaisesRegex(UserError, "does not hold"):
            job._portal_check_out()
        self.assertEqual(self.job.state, "on_site")
        self.assertFalse(self.job.part_ids.consumed)
        self.assertEqual(len(self.job.message_ids), count)
        self.assertEqual(self._point_stock(self.element), 5)

    def test_part_not_held_is_refused(self):
        self._as_a()._portal_accept()
        other = self.element.copy({"name": "Not held"})
        with self.assertRaises(UserError):
            self._as_a()._portal_add_part(other.id, 1)
        with self.assertRaises(UserError):
            self._as_a()._portal_add_part(self.element.id, 0)
        self.assertFalse(self.job.part_ids)

    def test_remove_a_part_not_taken_from_stock(self):
        job = self._as_a()
        job._portal_accept()
        part_id = job._portal_add_part(self.element.id, 2)
        self.assertTrue(self.job.part_ids.move_ids, "the planned part is a demand on the point")
        with self.assertRaises(UserError):
            job._portal_remove_part("not a number")
        job._portal_remove_part(part_id)
        self.assertFalse(self.job.part_ids)
        self.assertIn("Part removed", self._messages_by(self.job, self.portal_a)[0].body)

    # ------------------------------------------------------------------
    # Masking
    # ------------------------------------------------------------------
    def test_phone_and_address_in_full_on_open_jobs_only(self):
        job = self._as_a()
        self.assertEqual(job.portal_customer_phone, "13812345678")
        self.assertEqual(job.portal_customer_phone_masked, "138****5678")
        self.assertIn("解放路 88 号", job.portal_customer_address)
        self.job.action_accept()
        self.job.action_check_in()
        self.job.write({"signature": SIGNATURE, "signed_by": "Test customer", "resolution": "x"})
        self.job.action_complete()
        job.invalidate_recordset()
        self.assertEqual(job.portal_customer_phone, "138****5678")
        self.assertNotIn("解放路", job.portal_customer_address)
        self.assertTrue(job.portal_customer_address.startswith("杭州市"))

    # ------------------------------------------------------------------
    # Unit lookup
    # ------------------------------------------------------------------
    def test_unit_lookup(self):
        Job = self.env["aftersales.service.job"].with_user(self.portal_a)
        found = Job._portal_unit_lookup(" SN-NEW ")
        self.assertEqual(found["serial"], "SN-NEW")
        self.assertEqual(found["decision"], "free_repair")
        self.assertTrue(found["explanation"])
        self.assertEqual(found["jobs"], self.job)
        # a unit the point never served answers as a serial that does not exist
        self.assertFalse(Job._portal_unit_lookup("SN-OLD"))
        self.assertFalse(Job._portal_unit_lookup(f"SN-PORTAL-{self.point_b.id}"))
        self.assertFalse(Job._portal_unit_lookup("NO-SUCH-SERIAL"))
