# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json
import re

from odoo.tests import HttpCase, tagged

from .common_job import SIGNATURE
from .common_portal import AftersalesPortalCommon
from .common_report import warm_up_http

#: the photo the technician takes
PNG = base64.b64decode(SIGNATURE)


@tagged("post_install", "-at_install")
class TestAftersalesPortalJobsUi(AftersalesPortalCommon, HttpCase):
    """The point's technician completes a job on a phone (390 px), in Chinese."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        cls.portal_a.lang = "zh_CN"
        cls.customer.write({"name": "Tour customer", "phone": "13812345678"})

    def test_technician_completes_a_job_on_the_phone(self):
        job = self._create_job(self.unit_in_warranty)
        job.name = "PORTAL-TOUR-JOB"
        job.action_dispatch()
        self.start_tour(
            "/my/jobs",
            "aftersales_portal_technician_completes_a_job",
            login=self.portal_a.login,
        )
        job.invalidate_recordset()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.signed_by, "Tour customer")
        self.assertTrue(job.signature)
        self.assertEqual(job.part_ids.product_id, self.element)
        self.assertTrue(job.part_ids.consumed and job.part_ids.old_part_kept)
        self.assertEqual(job.fault_code_id, self.fault)
        self.assertIn("加热管击穿", job.resolution)
        self.assertTrue(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", job._name), ("res_id", "=", job.id), ("name", "=", "photo.png")]
            )
        )
        by_portal = job.sudo().message_ids.filtered(
            lambda m: m.author_id == self.portal_a.partner_id
        )
        self.assertGreaterEqual(len(by_portal), 7)
        self.assertTrue(
            by_portal.tracking_value_ids.filtered(lambda t: t.field_id.name == "state"),
            "the desk sees the state change, authored by the portal user",
        )


@tagged("post_install", "-at_install")
class TestAftersalesPortalJobsPages(AftersalesPortalCommon, HttpCase):
    """The pages and forms, requested as the point's portal user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        cls.customer.write({"name": "Page customer", "phone": "13812345678"})

    def setUp(self):
        super().setUp()
        self.job = self._create_job(self.unit_in_warranty)
        self.job.action_dispatch()
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self.token = self._csrf_token()

    def _csrf_token(self):
        page = self.url_open(f"/my/jobs/{self.job.id}").text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _post(self, url, **data):
        return self.url_open(url, data={"csrf_token": self.token, **data})

    def test_list_search_and_masking(self):
        page = self.url_open("/my/jobs?search=Page customer").text
        self.assertIn(self.job.name, page)
        self.assertIn("138****5678", page)
        self.assertNotIn("13812345678", page)
        self.assertIn(self.job.name, self.url_open("/my/jobs?search=SN-NEW").text)
        self.assertNotIn(self.job.name, self.url_open("/my/jobs?search=SN-OLD").text)
        detail = self.url_open(f"/my/jobs/{self.job.id}").text
        self.assertIn("13812345678", detail)

    def test_home_counter_and_draft_jobs(self):
        reply = self.url_open(
            "/my/counters",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"counters": ["aftersales_job_count"]},
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()
        self.assertEqual(reply["result"]["aftersales_job_count"], 1)
        self.assertIn("/my/jobs", self.url_open("/my").text)
        draft = self._create_job(self.unit_expired)
        self.assertEqual(self.url_open(f"/my/jobs/{draft.id}").status_code, 404)
        self.assertNotIn(draft.name, self.url_open("/my/jobs?filterby=all").text)

    def test_error_is_shown_on_the_page_and_nothing_written(self):
        response = self._post(f"/my/jobs/{self.job.id}/check_out")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_aftersales_error", response.text)
        self.assertEqual(self.job.state, "dispatched")

    def test_refuse_from_the_page(self):
        response = self._post(f"/my/jobs/{self.job.id}/refuse", reason="No technician free")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.job.name, response.text)
        self.assertEqual(self.job.state, "draft")
        self.assertEqual(self.url_open(f"/my/jobs/{self.job.id}").status_code, 404)

    def test_photo_is_shown_to_the_point(self):
        response = self.url_open(
            f"/my/jobs/{self.job.id}/photos",
            data={"csrf_token": self.token},
            files={"photos": ("photo.png", PNG, "image/png")},
        )
        self.assertIn("o_aftersales_photo", response.text)
        photo = self.env["ir.attachment"].search(
            [("res_model", "=", self.job._name), ("res_id", "=", self.job.id)]
        )
        # the photo itself, not the placeholder Odoo answers for a file the user may not read
        src = re.search(r'o_aftersales_photo"[^>]* src="([^"]+)"', response.text).group(1)
        shown = self.url_open(src.replace("&amp;", "&")).content
        self.assertNotEqual(shown, self.url_open(f"/web/image/{photo.id}/96x96").content)
        download = self.url_open(f"/web/content/{photo.id}?access_token={photo.access_token}")
        self.assertEqual(download.content, PNG)
        refused = self.url_open(
            f"/my/jobs/{self.job.id}/photos",
            data={"csrf_token": self.token},
            files={"photos": ("fake.png", b"not an image", "image/png")},
        )
        self.assertIn("o_aftersales_error", refused.text)
        self.assertEqual(
            len(photo.search([("res_id", "=", self.job.id), ("res_model", "=", self.job._name)])), 1
        )

    def test_unit_lookup_page(self):
        page = self.url_open("/my/units?serial=SN-NEW").text
        self.assertIn("o_aftersales_decision", page)
        self.assertIn(self.job.name, page)
        for serial in ("SN-OLD", "NO-SUCH-SERIAL"):
            page = self.url_open(f"/my/units?serial={serial}").text
            self.assertIn("o_aftersales_unit_not_found", page)
            self.assertNotIn("o_aftersales_decision", page)
