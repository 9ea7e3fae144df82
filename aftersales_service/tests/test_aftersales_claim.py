# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_claim import AftersalesClaimCommon


@tagged("post_install", "-at_install")
class TestAftersalesClaim(AftersalesClaimCommon):
    # ------------------------------------------------------------------
    # From the job to the claim
    # ------------------------------------------------------------------
    def test_claim_from_a_completed_job_is_prefilled_and_priced(self):
        job = self._completed_job()
        claim = self._create_claim(job)
        self.assertEqual(claim.state, "draft")
        self.assertEqual(claim.service_point_id, self.point)
        self.assertEqual(claim.lot_id, self.unit_in_warranty)
        self.assertEqual(claim.fault_code_id, self.fault)
        self.assertEqual(claim.ticket_id, job.ticket_id)
        self.assertEqual(claim.claim_type_id.kind, "warranty")
        self.assertEqual(claim.entitlement_decision, "free_repair")
        labour, part, travel = (self._line(claim, kind) for kind in ("labour", "part", "travel"))
        self.assertEqual((labour.quantity, labour.norm_hours, labour.price_unit), (0.5, 0.5, 60.0))
        self.assertEqual(
            (part.product_id, part.quantity, part.price_unit), (self.element, 1.0, 40.0)
        )
        self.assertTrue(part.old_part_required, "the element's old part comes back")
        self.assertEqual((travel.quantity, travel.price_unit), (10.0, 2.0))
        self.assertEqual(claim.amount_claimed, 30.0 + 40.0 + 20.0)
        self.assertEqual(job.claim_count, 1)
        self.assertFalse(job.can_be_claimed)

    def test_the_dealer_class_factor_prices_the_labour(self):
        self.point.dealer_class_id = self.env.ref("aftersales_service.aftersales_dealer_class_a")
        claim = self._create_claim()
        self.assertEqual(self._line(claim, "labour").price_unit, 72.0, "60 × 1.2")

    def test_claiming_again_opens_the_same_claim_and_a_paid_job_is_not_claimed(self):
        job = self._completed_job()
        claim = self._create_claim(job)
        self.assertEqual(job.action_create_claim()["res_id"], claim.id)
        paid = self._completed_job(self.unit_expired)
        with self.assertRaisesRegex(
            UserError, rf"^Only a completed 三包 job is claimed: {paid.name}\.$"
        ):
            paid.action_create_claim()

    def test_one_live_claim_per_job_in_the_database(self):
        claim = self._create_claim()
        with self.assertRaisesRegex(UserError, rf"^Job {claim.job_id.name} is claimed already"):
            self.env["aftersales.claim"].create(claim.job_id._prepare_claim_vals())
        claim.action_cancel()
        again = self.env["aftersales.claim"].create(claim.job_id._prepare_claim_vals())
        self.assertEqual(again.job_id, claim.job_id, "a cancelled claim does not block")

    def test_several_jobs_are_claimed_at_once(self):
        jobs = self._completed_job() | self._completed_job()
        action = jobs.action_create_claim()
        claims = self.env["aftersales.claim"].search(action["domain"])
        self.assertEqual(claims.job_id, jobs)

    # ------------------------------------------------------------------
    # Submission and checks
    # ------------------------------------------------------------------
    def test_a_good_claim_passes_every_check_and_waits_for_its_old_part(self):
        claim = self._submitted_claim()
        results = self._results(claim)
        self.assertEqual(set(results), set(self.rules), "every active check ran")
        self.assertEqual({r.outcome for r in results.values()}, {"pass"})
        self.assertEqual(claim.version, 1)
        self.assertEqual(claim.state, "waiting_parts")
        total = len(self.rules)
        self.assertIn(f"0 of {total} checks raised something", claim.message_ids[:1].body)

    def test_without_old_part_the_claim_goes_to_appraisal(self):
        self.element.aftersales_old_part_required = False
        claim = self._submitted_claim()
        self.assertEqual(claim.state, "appraisal")

    def test_every_failing_check_is_reported_at_once(self):
        self.unit_in_warranty.registration_card_date = False
        claim = self._create_claim()
        claim.write({"repair_record": False, "usage_reading": 0})
        self._line(claim, "labour").quantity = 2.0
        claim.action_submit()
        results = self._results(claim)
        failed = {code for code, result in results.items() if result.outcome != "pass"}
        self.assertEqual(failed, {"registration_card", "labour_norm", "job_done"})
        self.assertEqual(claim.state, "returned")
        self.assertIn("was due by", results["registration_card"].message)
        self.assertEqual(
            results["labour_norm"].message,
            "2.0 h of labour for a norm of 0.5 h, without a manager's approval.",
        )
        self.assertIn("the signed 三包 repair record is not attached", results["job_done"].message)
        summary = claim.message_ids[:1].body
        self.assertIn(f"3 of {len(self.rules)} checks raised something", summary)

    def test_an_approved_overrun_passes_the_labour_norm(self):
        claim = self._create_claim()
        labour = self._line(claim, "labour")
        labour.write(
            {
                "quantity": 2.0,
                "overrun_approved_by": self.user_manager.id,
                "overrun_reason": "Scale to be removed",
            }
        )
        claim.action_submit()
        self.assertEqual(self._results(claim)["labour_norm"].outcome, "pass")

    def test_a_unit_out_of_warranty_is_rejected_or_reviewed_within_the_grace(self):
        unit = self._create_unit("SN-CLAIM-OUT", self.today - timedelta(days=380))
        unit.registration_card_date = unit.sale_date
        job = self._create_job(unit, coverage="sanbao")
        self._work_on_site(job)
        job.action_complete()
        claim = self._create_claim(job)
        claim.action_submit()
        result = self._results(claim)["entitlement"]
        self.assertEqual(result.outcome, "manual", "out by about 15 days: within 30")
        self.assertIn("Not a free 三包 remedy", result.message)
        self.assertEqual(claim.pending_review_count, 1)

        self.rules["entitlement"].param_days = 10
        old = self._create_unit("SN-CLAIM-OLD", self.today - timedelta(days=500))
        old.registration_card_date = old.sale_date
        job = self._create_job(old, coverage="sanbao")
        self._work_on_site(job)
        job.action_complete()
        claim = self._create_claim(job)
        claim.action_submit()
        self.assertEqual(self._results(claim)["entitlement"].outcome, "reject")
        self.assertEqual(claim.state, "rejected")

    def test_a_late_submission_is_rejected(self):
        claim = self._create_claim()
        with freeze_time(claim.repair_end + timedelta(days=31)):
            claim.action_submit()
        result = self._results(claim)["deadline"]
        self.assertEqual(result.outcome, "reject")
        self.assertIn("more than 30 days after the repair ended", result.message)
        self.assertEqual(claim.state, "rejected")

    def test_a_second_claim_for_the_same_fault_is_returned(self):
        first = self._submitted_claim()
        job = self._completed_job()
        second = self._create_claim(job)
        second.action_submit()
        result = self._results(second)["duplicate"]
        self.assertEqual(result.outcome, "return")
        self.assertEqual(
            result.message,
            f"Claim {first.name} already covers this repair of unit {self.unit_in_warranty.name}.",
        )

    def test_two_claims_for_one_fault_submitted_together_keep_the_first(self):
        first = self._create_claim(self._completed_job())
        second = self._create_claim(self._completed_job())
        (first | second).action_submit()
        self.assertEqual(self._results(first)["duplicate"].outcome, "pass")
        self.assertEqual(self._results(second)["duplicate"].outcome, "return")
        self.assertIn(first.name, self._results(second)["duplicate"].message)

    def test_a_reading_below_an_earlier_claim_is_returned(self):
        self._submitted_claim(usage_reading=1200.0, repair_start=self.today - timedelta(days=40))
        later = self._create_claim(self._completed_job())
        later.write({"usage_reading": 900.0, "fault_code_id": False})
        later.fault_code_id = self.fault.copy({"code": "T-NH-02"})
        later.action_submit()
        self.assertEqual(self._results(later)["usage"].outcome, "return")

    def test_an_incomplete_claim_is_returned(self):
        claim = self._create_claim()
        claim.write({"fault_code_id": False, "line_ids": [Command.clear()]})
        claim.action_submit()
        result = self._results(claim)["completeness"]
        self.assertEqual(result.outcome, "return")
        self.assertEqual(result.message, "Incomplete, add the fault, at least one line.")

    def test_a_check_without_its_days_is_a_configuration_error(self):
        self.rules["deadline"].param_days = 0
        claim = self._create_claim()
        with self.assertRaisesRegex(
            UserError,
            r"^The claim check Submitted within the deadline needs its number of days: set it "
            r"in After-Sales > Configuration > Claim Checks\.$",
        ):
            claim.action_submit()
        self.assertEqual(claim.state, "draft", "nothing was submitted")

    def test_returned_claim_is_corrected_and_submitted_again_as_version_2(self):
        claim = self._create_claim()
        claim.repair_record = False
        claim.action_submit()
        self.assertEqual(claim.state, "returned")
        claim.repair_record = b"cmVjb3Jk"
        claim.action_submit()
        self.assertEqual(claim.version, 2)
        self.assertEqual(claim.state, "waiting_parts")
        first = claim.check_result_ids.filtered(lambda r: r.version == 1)
        self.assertEqual(
            len(first), len(self.rules), "the first submission's results stay readable"
        )
        self.assertEqual(first.filtered(lambda r: r.outcome != "pass").rule_id.code, "job_done")
        self.assertEqual(set(claim.current_check_ids.mapped("version")), {2})

    def test_lines_are_locked_after_submission(self):
        claim = self._submitted_claim()
        with self.assertRaisesRegex(UserError, r"its lines change only when it is returned"):
            self._line(claim, "part").quantity = 3
        with self.assertRaisesRegex(UserError, r"cannot be submitted in their present state"):
            claim.action_submit()

    def test_submission_costs_the_same_queries_whatever_the_lines(self):
        small = self._create_claim()
        big = self._create_claim(self._completed_job(self._create_unit("SN-Q", self.today)))
        for _n in range(10):
            self._add_line(big, line_type="other", name="Test cost", quantity=1, price_unit=1.0)
        small.action_submit()  # warm the caches
        self.env.invalidate_all()
        counts = []
        for claim in (
            self._create_claim(self._completed_job(self._create_unit("SN-Q1", self.today))),
            big,
        ):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            claim.action_submit()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], "1 line or 13 lines")

    # ------------------------------------------------------------------
    # Appraisal
    # ------------------------------------------------------------------
    def _in_appraisal(self):
        self.element.aftersales_old_part_required = False
        return self._submitted_claim().with_user(self.user_technician)

    def test_technician_approves_partly_with_reasons(self):
        claim = self._in_appraisal()
        labour, part, travel = (self._line(claim, kind) for kind in ("labour", "part", "travel"))
        reason = self.env.ref("aftersales_service.aftersales_claim_reject_reason_04")
        labour.appraisal = "approved"
        part.write({"appraisal": "partial", "amount_approved": 25.0, "reject_reason_id": reason.id})
        travel.write({"appraisal": "rejected", "reject_reason_id": reason.id})
        claim.action_approve()
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.amount_approved, 30.0 + 25.0)
        self.assertEqual(claim.amount_claimed, 90.0)

    def test_a_rejected_causal_part_takes_its_labour_and_consequential_parts(self):
        self.element.aftersales_old_part_required = False
        claim = self._create_claim()
        consequential = self._add_line(
            claim, line_type="part", product_id=self.element.id, part_role="consequential"
        )
        claim.action_submit()
        claim = claim.with_user(self.user_technician)
        reason = self.env.ref("aftersales_service.aftersales_claim_reject_reason_01")
        causal = self._line(claim, "part") - consequential
        causal.write({"appraisal": "rejected", "reject_reason_id": reason.id})
        self.assertEqual(self._line(claim, "labour").appraisal, "rejected")
        self.assertEqual(consequential.appraisal, "rejected")
        self.assertEqual(consequential.reject_reason_id, reason)
        self.assertFalse(self._line(claim, "travel").appraisal, "travel is appraised apart")

    def test_approval_needs_every_line_and_every_reason(self):
        claim = self._in_appraisal()
        self._line(claim, "part").appraisal = "rejected"
        with self.assertRaises(UserError) as error:
            claim.action_approve()
        self.assertEqual(
            str(error.exception),
            f"{claim.name}: appraise every line (1 left).\n"
            f"{claim.name}: give the reason of every line not fully approved.",
        )

    def test_nothing_approved_is_a_rejection(self):
        claim = self._in_appraisal()
        reason = self.env.ref("aftersales_service.aftersales_claim_reject_reason_01")
        claim.line_ids.write({"appraisal": "rejected", "reject_reason_id": reason.id})
        claim.action_approve()
        self.assertEqual(claim.state, "rejected")

    def test_a_manual_review_is_cleared_before_approval(self):
        unit = self._create_unit("SN-CLAIM-GRACE", self.today - timedelta(days=380))
        unit.registration_card_date = unit.sale_date
        self.element.aftersales_old_part_required = False
        job = self._create_job(unit, coverage="sanbao")
        self._work_on_site(job)
        job.action_complete()
        claim = self._create_claim(job)
        claim.action_submit()
        claim = claim.with_user(self.user_technician)
        claim.line_ids.write({"appraisal": "approved"})
        with self.assertRaisesRegex(UserError, "clear its manual reviews first"):
            claim.action_approve()
        with self.assertRaisesRegex(UserError, "Write why the review of"):
            claim.action_clear_reviews()
        claim.current_check_ids.filtered(lambda r: r.outcome == "manual").cleared_note = "Goodwill"
        claim.action_clear_reviews()
        claim.action_approve()
        self.assertEqual(claim.state, "approved")

    def test_returned_for_correction_with_what_to_correct(self):
        claim = self._in_appraisal()
        with self.assertRaisesRegex(UserError, "Write what the service point must correct"):
            claim.action_return_for_correction()
        claim.return_reason = "The serial of the old part is missing"
        claim.action_return_for_correction()
        self.assertEqual(claim.state, "returned")
        self.assertIn("The serial of the old part is missing", claim.message_ids[:1].body)

    def test_a_clerk_does_not_appraise(self):
        claim = self._in_appraisal().with_user(self.user_clerk)
        with self.assertRaises(AccessError):
            self._line(claim, "part").appraisal = "approved"
        with self.assertRaises(AccessError):
            claim.action_approve()

    # ------------------------------------------------------------------
    # Companies
    # ------------------------------------------------------------------
    def test_claims_of_another_company_stay_hidden(self):
        other_company = self.env["res.company"].create({"name": "Test claims company"})
        other_clerk = new_test_user(
            self.env,
            login="aftersales-claims-other-clerk",
            groups="base.group_user,aftersales_service.group_aftersales_clerk",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        claim = self._create_claim()
        self.assertNotIn(claim, self.env["aftersales.claim"].with_user(other_clerk).search([]))
        self.assertIn(claim, self.env["aftersales.claim"].with_user(self.user_clerk).search([]))
