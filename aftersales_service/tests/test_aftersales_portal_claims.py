# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a service point does to its claims and old parts on the portal, method by method."""

import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_claim import REPAIR_RECORD
from .common_portal import AftersalesPortalCommon


@tagged("post_install", "-at_install")
class TestAftersalesPortalClaims(AftersalesPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.element.default_code = "T-ELEMENT"
        cls.Claim = cls.env["aftersales.claim"]

    def _as(self, records, user):
        return records.with_user(user)

    def _portal_claim(self, user=None):
        """A claim made by the portal user from a completed job of its point."""
        job = self._completed_job()
        return self.Claim.with_user(user or self.portal_a)._portal_create_from_job(
            job.with_user(user or self.portal_a)
        )

    # ------------------------------------------------------------------
    # Making a claim
    # ------------------------------------------------------------------
    def test_a_claim_from_a_completed_job_of_the_point(self):
        claim = self._portal_claim()
        self.assertEqual(claim.state, "draft")
        self.assertEqual(claim.service_point_id, self.point)
        self.assertEqual(claim.line_ids.mapped("line_type"), ["labour", "part", "travel"])
        self.assertEqual(claim.message_ids[:1].author_id, self.portal_a.partner_id)
        self.assertEqual(claim.portal_customer, "Test customer"[:1] + "****")
        again = self.Claim.with_user(self.portal_a)._portal_create_from_job(
            claim.job_id.with_user(self.portal_a)
        )
        self.assertEqual(again, claim, "claiming again opens the same claim")

    def test_another_points_job_is_refused_and_nothing_is_made(self):
        job = self._completed_job()
        before = self.Claim.search_count([])
        with self.assertRaises(AccessError):
            self.Claim.with_user(self.portal_b)._portal_create_from_job(
                job.with_user(self.portal_b)
            )
        self.assertEqual(self.Claim.search_count([]), before)
        self.assertFalse(job.claim_ids)

    def test_a_claim_typed_by_hand(self):
        claim = self.Claim.with_user(self.portal_a)._portal_create_manual(
            {
                "serial": self.unit_in_warranty.name,
                "fault_code_id": str(self.fault.id),
                "cause_class": "product_quality",
                "repair_start": "2026-11-30",
                "repair_end": "2026-12-01",
                "usage_reading": "12.5",
            }
        )
        self.assertEqual(
            (claim.service_point_id, claim.lot_id, claim.partner_id, claim.fault_code_id),
            (self.point, self.unit_in_warranty, self.customer, self.fault),
        )
        self.assertEqual(claim.usage_reading, 12.5)
        self.assertEqual(str(claim.repair_end), "2026-12-01")
        with self.assertRaisesRegex(UserError, "No unit has the serial number SN-NONE"):
            self.Claim.with_user(self.portal_a)._portal_create_manual({"serial": "SN-NONE"})

    # ------------------------------------------------------------------
    # Lines
    # ------------------------------------------------------------------
    def test_lines_are_added_and_removed_while_draft_only(self):
        claim = self._portal_claim()
        mine = self._as(claim, self.portal_a)
        line = mine._portal_add_line(
            {"line_type": "part", "part_code": "T-ELEMENT", "quantity": "2"}
        )
        self.assertEqual((line.product_id, line.quantity, line.price_unit), (self.element, 2, 40))
        other = mine._portal_add_line(
            {"line_type": "other", "name": "清洗费", "quantity": "1", "price_unit": "15"}
        )
        self.assertEqual(other.amount_claimed, 15)
        mine._portal_update_line(other.id, {"quantity": "2", "price_unit": "20"})
        self.assertEqual(other.amount_claimed, 40)
        mine._portal_update_line(line.id, {"old_part_serial": " HE-1 ", "price_unit": "1"})
        self.assertEqual((line.old_part_serial, line.price_unit), ("HE-1", 40), "priced by rule")
        with self.assertRaisesRegex(UserError, "more than 0"):
            mine._portal_update_line(line.id, {"quantity": "0"})
        mine._portal_remove_line(other.id)
        self.assertFalse(other.exists())
        count = len(claim.line_ids)
        with self.assertRaisesRegex(UserError, "No part has the code T-NONE"):
            mine._portal_add_line({"line_type": "part", "part_code": "T-NONE"})
        with self.assertRaisesRegex(UserError, "is not a number"):
            mine._portal_add_line({"line_type": "other", "quantity": "x"})
        self.assertEqual(len(claim.line_ids), count, "nothing written")
        claim.repair_record = REPAIR_RECORD
        mine._portal_submit()
        with self.assertRaisesRegex(UserError, "it changes only when it is returned"):
            mine._portal_add_line({"line_type": "other", "price_unit": "1"})
        with self.assertRaisesRegex(UserError, "it changes only when it is returned"):
            mine._portal_remove_line(line.id)
        with self.assertRaisesRegex(UserError, "it changes only when it is returned"):
            mine._portal_update_line(line.id, {"quantity": "5"})
        self.assertEqual(len(claim.line_ids), count)

    def test_another_point_changes_nothing(self):
        claim = self._portal_claim()
        theirs = self._as(claim, self.portal_b)
        for call in (
            lambda: theirs._portal_add_line({"line_type": "other", "price_unit": "1"}),
            lambda: theirs._portal_remove_line(claim.line_ids[:1].id),
            lambda: theirs._portal_update_line(claim.line_ids[:1].id, {"quantity": "9"}),
            lambda: theirs._portal_update({"usage_reading": "99"}),
            lambda: theirs._portal_upload_repair_record("x.pdf", b"%PDF-1.4"),
            lambda: theirs._portal_attach_photos([("x.png", b"x", "image/png")]),
            lambda: theirs._portal_submit(),
        ):
            with self.assertRaises(AccessError):
                call()
        self.assertEqual(claim.state, "draft")
        self.assertEqual(len(claim.line_ids), 3)
        self.assertFalse(claim.usage_reading)
        self.assertFalse(claim.repair_record)

    def test_a_wrong_fault_writes_nothing(self):
        claim = self._portal_claim()
        with self.assertRaisesRegex(UserError, "Choose the fault from the list"):
            self._as(claim, self.portal_a)._portal_update(
                {"usage_reading": "50", "fault_code_id": "999999999"}
            )
        self.assertFalse(claim.usage_reading)

    # ------------------------------------------------------------------
    # Submission, return, correction
    # ------------------------------------------------------------------
    def test_submit_shows_every_check_and_a_returned_claim_is_corrected(self):
        claim = self._portal_claim()
        mine = self._as(claim, self.portal_a)
        mine._portal_submit()
        self.assertEqual(claim.state, "returned", "no signed repair record")
        failed = claim.current_check_ids.filtered(lambda r: r.outcome != "pass")
        self.assertIn("the signed 三包 repair record is not attached", failed.mapped("message")[0])
        self.assertEqual(
            len(claim.with_user(self.portal_a).current_check_ids),
            len(claim.current_check_ids),
            "the portal user reads every result",
        )
        mine._portal_upload_repair_record("record.pdf", base64.b64decode(REPAIR_RECORD))
        mine._portal_submit()
        self.assertEqual(claim.version, 2)
        self.assertEqual(claim.state, "waiting_parts")
        self.assertEqual(claim.message_ids[:1].author_id, self.portal_a.partner_id)
        with self.assertRaisesRegex(UserError, "it changes only when it is returned"):
            mine._portal_submit()

    def test_a_check_configuration_error_submits_nothing(self):
        claim = self._portal_claim()
        self.rules["deadline"].param_days = 0
        with self.assertRaises(UserError):
            self._as(claim, self.portal_a)._portal_submit()
        self.assertEqual((claim.state, claim.version), ("draft", 0))

    def test_photos_are_attached_to_the_claim(self):
        claim = self._portal_claim()
        self._as(claim, self.portal_a)._portal_attach_photos(
            [("fault.png", b"\x89PNG\r\n\x1a\n", "image/png")]
        )
        self.assertEqual(claim._portal_photos().mapped("name"), ["fault.png"])
        self.assertIn("1 photo(s) added", claim.message_ids[:1].body)

    def test_a_photo_is_removed_before_the_claim_is_submitted_only(self):
        claim = self._portal_claim()
        portal_claim = self._as(claim, self.portal_a)
        portal_claim._portal_attach_photos(
            [
                ("wrong.png", b"\x89PNG\r\n\x1a\n", "image/png"),
                ("fault.png", b"\x89PNG\r\n\x1a\n", "image/png"),
            ]
        )
        wrong, fault = claim._portal_photos()
        with self.assertRaises(AccessError, msg="the other dealer"):
            self._as(claim, self.portal_b)._portal_remove_photo(wrong.id)
        portal_claim._portal_remove_photo(wrong.id)
        self.assertEqual(claim._portal_photos(), fault)
        self.assertIn("wrong.png removed on the portal", claim.message_ids[:1].body)
        claim.repair_record = REPAIR_RECORD
        portal_claim._portal_submit()
        with self.assertRaises(UserError, msg="evidence once submitted"):
            portal_claim._portal_remove_photo(fault.id)
        self.assertEqual(claim._portal_photos(), fault)

    # ------------------------------------------------------------------
    # Old parts
    # ------------------------------------------------------------------
    def _waiting_claim(self):
        claim = self._portal_claim()
        claim.repair_record = REPAIR_RECORD
        self._as(claim, self.portal_a)._portal_submit()
        self.assertEqual(claim.state, "waiting_parts")
        return claim

    def test_a_return_manifest_of_selected_old_parts(self):
        claim = self._waiting_claim()
        part = claim.line_ids.filtered("old_part_required")
        self.assertTrue(part.old_part_due_date)
        lines = self._as(part, self.portal_a)
        picking = lines._portal_create_old_part_return()
        self.assertTrue(picking.aftersales_old_part_return)
        self.assertEqual(picking.partner_id, self.point)
        self.assertEqual(picking.state, "assigned" if picking.state == "assigned" else "confirmed")
        self.assertEqual(picking.move_ids.aftersales_claim_line_id, part)
        self.assertEqual(part.portal_return_id, picking)
        self.assertEqual(claim.message_ids[:1].author_id, self.portal_a.partner_id)
        with self.assertRaisesRegex(UserError, "not waiting for a return manifest"):
            lines._portal_create_old_part_return()
        self.assertEqual(len(part.old_part_move_ids), 1, "nothing more was made")
        # the portal user reads its manifest, and only it
        Picking = self.env["stock.picking"]
        self.assertIn(picking, Picking.with_user(self.portal_a).search([]))
        self.assertNotIn(picking, Picking.with_user(self.portal_b).search([]))
        with self.assertRaises(AccessError):
            self._as(picking, self.portal_b)._portal_set_boxes({})
        move = picking.move_ids
        self._as(picking, self.portal_a)._portal_set_boxes({str(move.id): " 1 "})
        self.assertEqual(move.aftersales_box, "1")
        with self.assertRaises(AccessError):
            self._as(picking, self.portal_a)._portal_set_boxes({"999999999": "2"})

    def test_another_points_old_parts_and_a_draft_claims_are_refused(self):
        claim = self._waiting_claim()
        part = claim.line_ids.filtered("old_part_required")
        with self.assertRaises(AccessError):
            self._as(part, self.portal_b)._portal_create_old_part_return()
        draft = self._portal_claim()
        with self.assertRaisesRegex(UserError, "not waiting for a return manifest"):
            self._as(
                draft.line_ids.filtered("old_part_required"), self.portal_a
            )._portal_create_old_part_return()
        self.assertFalse((claim | draft).line_ids.old_part_move_ids)

    def test_a_normal_transfer_of_the_point_is_not_read(self):
        receipt_type = self.env.ref("stock.picking_type_in")
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": receipt_type.id,
                "partner_id": self.point.id,
                "location_id": receipt_type.default_location_src_id.id,
                "location_dest_id": receipt_type.default_location_dest_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "x",
                            "product_id": self.element.id,
                            "product_uom_qty": 1,
                            "location_id": receipt_type.default_location_src_id.id,
                            "location_dest_id": receipt_type.default_location_dest_id.id,
                        }
                    )
                ],
            }
        )
        self.assertNotIn(picking, self.env["stock.picking"].with_user(self.portal_a).search([]))
        with self.assertRaises(AccessError):
            self._as(picking, self.portal_a)._portal_sudo()
        with self.assertRaises(AccessError):
            self._as(picking, self.portal_a).read(["name"])

    def test_the_portal_reads_its_manifest_and_writes_nothing(self):
        _claim, picking = self._plant_old_parts(self.point)
        _other_claim, other = self._plant_old_parts(self.point_b)
        mine = self._as(picking, self.portal_a)
        self.assertEqual(mine.read(["name"])[0]["name"], picking.name)
        with self.assertRaises(AccessError):
            mine.write({"origin": "x"})
        with self.assertRaises(AccessError):
            self._as(other, self.portal_a).read(["name"])
        with self.assertRaises(AccessError):
            self.env["stock.picking"].with_user(self.portal_a).create(
                {"picking_type_id": picking.picking_type_id.id, "partner_id": self.point.id}
            )
