# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service point's claims and old parts in the browser, on a phone (390 px)."""

import re

from odoo.tests import HttpCase, tagged

from .common_claim import REPAIR_RECORD
from .common_portal import AftersalesPortalCommon
from .common_report import warm_up_http


@tagged("post_install", "-at_install")
class TestAftersalesPortalClaimsUi(AftersalesPortalCommon, HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        cls.point.is_service_point = True

    def _job_claim(self):
        job = self._completed_job()
        return (
            self.env["aftersales.claim"]
            .with_user(self.portal_a)
            ._portal_create_from_job(job.with_user(self.portal_a))
        )

    def _csrf(self, url):
        match = re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text)
        return match.group(1)

    # ------------------------------------------------------------------
    # The tour: submit, returned, corrected, submitted again
    # ------------------------------------------------------------------
    def test_portal_user_submits_corrects_and_resubmits_a_claim(self):
        self.element.aftersales_old_part_required = False
        claim = self._job_claim()
        self.start_tour("/my/claims", "aftersales_portal_claim_submit", login=self.portal_a.login)
        self.assertEqual((claim.state, claim.version), ("appraisal", 1))
        self.assertEqual(claim.repair_record_name, "三包维修记录.pdf")
        # the warranty technician sends it back
        technician = claim.with_user(self.user_technician)
        technician.return_reason = "读数缺失: 填写里程读数"
        technician.action_return_for_correction()
        self.assertEqual(claim.state, "returned")
        self.start_tour(
            f"/my/claims/{claim.id}", "aftersales_portal_claim_correct", login=self.portal_a.login
        )
        self.assertEqual((claim.state, claim.version), ("appraisal", 2))
        self.assertEqual(claim.usage_reading, 1200)
        self.assertIn("清洗费", claim.line_ids.mapped("name"))
        # the note is written in the language the portal page was served in
        note = "Submitted on the portal (submission %(version)s)."
        starts = {
            claim.with_context(lang=lang).env._(note).split("%(")[0] for lang in ("en_US", "zh_CN")
        }
        portal_notes = claim.message_ids.filtered(
            lambda message: any(start in (message.body or "") for start in starts)
        )
        self.assertEqual(len(portal_notes), 2)
        self.assertEqual(portal_notes.author_id, self.portal_a.partner_id)

    # ------------------------------------------------------------------
    # Pages and refusals
    # ------------------------------------------------------------------
    def test_pages_render_and_another_points_claim_is_404(self):
        claim = self._job_claim()
        self.authenticate(self.portal_a.login, self.portal_a.login)
        home = self.url_open("/my").text
        cards = re.findall(r"o_portal_index_card .*?</a>", home, re.DOTALL)
        ours = [card for card in cards if "/my/claims" in card or "/my/old-parts" in card]
        self.assertEqual(len(ours), 2)
        self.assertTrue(all("<img" in card for card in ours), "each entry has its pictogram")
        for url in (
            "/my",
            "/my/claims",
            "/my/claims/new",
            "/my/old-parts",
            f"/my/claims/{claim.id}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
        self.assertIn(claim.name, self.url_open("/my/claims?filterby=todo&search_in=name").text)
        unit = self._create_unit("SN-TO-CLAIM", self.unit_in_warranty.sale_date)
        to_claim = self._completed_job(unit=unit)
        self.assertTrue(to_claim.can_be_claimed)
        page = self.url_open("/my/claims").text
        self.assertIn(to_claim.name, page)
        self.assertIn("SN-TO-CLAIM", page, "the claimable job shows its unit")
        photo = claim.with_user(self.portal_a)._portal_attach_photos(
            [("fault.png", b"\x89PNG\r\n\x1a\n", "image/png")]
        )
        self.assertIn(f"/web/content/{photo.id}", self.url_open(f"/my/claims/{claim.id}").text)
        link = f"/web/content/{photo.id}?access_token={photo.access_token}"
        self.assertEqual(self.url_open(link).status_code, 200)
        self.assertEqual(self.url_open(f"/web/content/{photo.id}").status_code, 404, "no token")
        claim.repair_record = REPAIR_RECORD
        record = self.url_open(f"/web/content/aftersales.claim/{claim.id}/repair_record")
        self.assertEqual(record.status_code, 200)
        self.authenticate(self.portal_b.login, self.portal_b.login)
        self.assertEqual(self.url_open(f"/my/claims/{claim.id}").status_code, 404)
        self.assertNotIn(claim.name, self.url_open("/my/claims").text)
        self.assertEqual(self.url_open("/my/claims/999999999").status_code, 404)
        self.assertEqual(self.url_open(f"/web/content/{photo.id}").status_code, 404)

    def test_an_upload_of_the_wrong_type_or_size_is_refused(self):
        claim = self._job_claim()
        self.authenticate(self.portal_a.login, self.portal_a.login)
        url = f"/my/claims/{claim.id}"
        token = self._csrf(url)
        response = self.url_open(
            f"{url}/upload",
            data={"csrf_token": token},
            files={"repair_record": ("record.txt", b"not a pdf", "application/pdf")},
        )
        self.assertIn("o_aftersales_portal_error", response.text)
        self.assertIn("record.txt", response.text)
        self.env["ir.config_parameter"].set_param(
            "aftersales_service.portal_upload_max_mb", "0.00001"
        )
        response = self.url_open(
            f"{url}/upload",
            data={"csrf_token": token},
            files={"photos": ("big.pdf", b"%PDF-1.4 " + b"x" * 100, "application/pdf")},
        )
        self.assertIn("o_aftersales_portal_error", response.text)
        self.assertIn("big.pdf", response.text)
        self.assertFalse(claim.repair_record)
        self.assertFalse(claim._portal_photos())

    def test_a_wrong_submission_shows_its_error_and_writes_nothing(self):
        claim = self._job_claim()
        claim.repair_record = REPAIR_RECORD
        self.rules["deadline"].param_days = 0
        self.authenticate(self.portal_a.login, self.portal_a.login)
        url = f"/my/claims/{claim.id}"
        response = self.url_open(f"{url}/submit", data={"csrf_token": self._csrf(url)})
        self.assertIn("o_aftersales_portal_error", response.text)
        self.assertEqual((claim.state, claim.version), ("draft", 0))

    def test_the_point_removes_a_wrong_photo_from_the_claim_page(self):
        claim = self._job_claim()
        claim.with_user(self.portal_a)._portal_attach_photos(
            [("wrong.png", b"\x89PNG\r\n\x1a\n", "image/png")]
        )
        self.authenticate(self.portal_a.login, self.portal_a.login)
        url = f"/my/claims/{claim.id}"
        self.assertIn("o_aftersales_photo_remove", self.url_open(url).text)
        response = self.url_open(
            f"{url}/photo/remove",
            data={"csrf_token": self._csrf(url), "attachment_id": claim._portal_photos().id},
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("o_aftersales_portal_error", response.text)
        self.assertFalse(claim._portal_photos())

    def test_a_dealer_that_repairs_nothing_is_told_why_it_cannot_claim(self):
        dealer = self.env["res.partner"].create(
            {"name": "Dealer without workshop", "is_company": True, "is_dealer": True}
        )
        user = self._portal_user(dealer, "aftersales-portal-dealer")
        self.authenticate(user.login, user.login)
        self.assertNotIn("o_aftersales_claim_new", self.url_open("/my/claims").text)
        claims = self.env["aftersales.claim"].search_count([])
        response = self.url_open("/my/claims/new")
        self.assertEqual(response.status_code, 200, "a message, not a 404")
        self.assertTrue(response.url.split("?")[0].endswith("/my/claims"), response.url)
        error = re.search(r"o_aftersales_portal_error[^>]*>([^<]+)<", response.text)
        self.assertTrue(error, "the reason is on the page")
        self.assertRegex(error.group(1), "只有服务网点|Only a service point")
        self.assertEqual(self.env["aftersales.claim"].search_count([]), claims)

    # ------------------------------------------------------------------
    # Old parts: the manifest and its labels
    # ------------------------------------------------------------------
    def test_the_labels_pdf_of_its_own_manifest_only(self):
        claim = self._job_claim()
        claim.repair_record = REPAIR_RECORD
        claim.with_user(self.portal_a)._portal_submit()
        part = claim.line_ids.filtered("old_part_required")
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open(
            "/my/old-parts/return",
            data={"csrf_token": self._csrf("/my/old-parts"), "line_ids": str(part.id)},
        )
        self.assertEqual(response.status_code, 200)
        picking = part.portal_return_id
        self.assertTrue(picking, "the manifest was made")
        self.assertIn(f"/my/old-parts/returns/{picking.id}", response.url)
        response = self.url_open(f"/my/old-parts/returns/{picking.id}/labels")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        # in test mode the report renders its HTML, unless forced through wkhtmltopdf
        self.assertIn(part.old_part_barcode.encode(), response.content)
        self.assertEqual(part.old_part_label_count, 1, "a print of its label")
        # another point's manifest and a transfer that is no manifest
        _other_claim, other = self._plant_old_parts(self.point_b)
        normal = self.env["stock.picking"].create(
            {
                "picking_type_id": self.env.ref("stock.picking_type_in").id,
                "partner_id": self.point.id,
            }
        )
        for refused in (other, normal):
            for suffix in ("", "/labels"):
                response = self.url_open(f"/my/old-parts/returns/{refused.id}{suffix}")
                self.assertEqual(response.status_code, 404, f"{refused.name}{suffix}")
        self.assertFalse(other.move_ids.aftersales_claim_line_id.old_part_label_count)

    def test_the_point_sets_the_boxes_of_its_manifest(self):
        claim, picking = self._plant_old_parts(self.point)
        move = picking.move_ids
        self.authenticate(self.portal_a.login, self.portal_a.login)
        url = f"/my/old-parts/returns/{picking.id}"
        self.assertIn(move.aftersales_claim_line_id.old_part_barcode, self.url_open(url).text)
        self.url_open(f"{url}/boxes", data={"csrf_token": self._csrf(url), f"box_{move.id}": "A1"})
        self.assertEqual(move.aftersales_box, "A1")
        self.assertIn(claim.name, self.url_open("/my/old-parts").text)


@tagged("post_install", "-at_install")
class TestAftersalesPortalClaimsDemo(HttpCase):
    """The demo logins find their claims in several states and old parts to return."""

    def _demo(self, xmlid):
        record = self.env.ref(f"aftersales_service.{xmlid}", raise_if_not_found=False)
        if not record:
            self.skipTest("without demo data")
        return record

    def test_demo_points_see_their_claims_and_old_parts(self):
        hangzhou = self._demo("aftersales_claim_portal_hangzhou_parts_demo")
        sent = self._demo("aftersales_claim_portal_hangzhou_sent_demo")
        returned = self._demo("aftersales_claim_portal_ningbo_returned_demo")
        draft = self._demo("aftersales_claim_portal_ningbo_draft_demo")
        self.assertEqual(hangzhou.state, "waiting_parts")
        self.assertEqual(returned.state, "returned")
        picking = sent.old_part_picking_ids
        self.assertEqual(len(picking), 1)
        self.authenticate("hangzhou", "hangzhou")
        claims = self.url_open("/my/claims").text
        self.assertIn(hangzhou.name, claims)
        self.assertNotIn(returned.name, claims)
        old_parts = self.url_open("/my/old-parts").text
        self.assertIn(hangzhou.name, old_parts)
        self.assertIn(picking.name, old_parts)
        self.assertEqual(self.url_open(f"/my/old-parts/returns/{picking.id}").status_code, 200)
        self.authenticate("ningbo", "ningbo")
        claims = self.url_open("/my/claims?filterby=todo").text
        self.assertIn(returned.name, claims)
        self.assertIn(draft.name, claims)
        self.assertNotIn(hangzhou.name, claims)
        page = self.url_open(f"/my/claims/{returned.id}").text
        self.assertIn("o_aftersales_check_result", page)
        self.assertEqual(self.url_open(f"/my/old-parts/returns/{picking.id}").status_code, 404)
