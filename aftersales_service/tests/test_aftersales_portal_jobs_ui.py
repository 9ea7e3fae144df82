# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common_portal import AftersalesPortalCommon
from .common_report import warm_up_http


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
