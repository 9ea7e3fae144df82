# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError

from .common_settlement import AftersalesSettlementCommon


class TestAftersalesSupplierRecovery(AftersalesSettlementCommon):
    """外协件索赔: a supplier's heating element burnt a unit; the claim paid 500 for it, 90
    of labour and a 200 thermostat it took with it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.aftersales_claim_labour_rate = 90.0
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Element Supplier", "is_company": True}
        )
        cls.agreement = cls.env["aftersales.supplier.agreement"].create(
            {
                "partner_id": cls.supplier.id,
                "price_basis": "claim",
                "part_coefficient": 1.2,
                "labour_coefficient": 1.0,
                "fee_per_part": 20.0,
                "answer_days": 15,
            }
        )
        cls.element.standard_price = 500.0
        cls.thermostat = cls.env["product.product"].create(
            {"name": "Test thermostat", "type": "consu", "standard_price": 200.0}
        )
        cls.Recovery = cls.env["aftersales.supplier.recovery"]

    def _supplier_claim(self, reason=None, approved_date=date(2025, 1, 20), travel_km=0):
        claim = self.env["aftersales.claim"].create(
            {
                "service_point_id": self.point.id,
                "partner_id": self.customer.id,
                "lot_id": self.unit_in_warranty.id,
                "fault_code_id": self.fault.id,
                "line_ids": [
                    Command.create({"line_type": "labour", "quantity": 1.0}),
                    Command.create(
                        {
                            "line_type": "part",
                            "product_id": self.element.id,
                            "part_role": "causal",
                            "supplier_id": self.supplier.id,
                            "old_part_required": False,
                        }
                    ),
                    Command.create(
                        {
                            "line_type": "part",
                            "product_id": self.thermostat.id,
                            "part_role": "consequential",
                            "old_part_required": False,
                        }
                    ),
                ]
                + [Command.create({"line_type": "travel", "name": "上门", "quantity": travel_km})]
                * bool(travel_km),
            }
        )
        claim.state = "appraisal"
        lines = claim.line_ids.with_user(self.user_technician)
        lines.write({"appraisal": "approved"})
        if reason:
            causal = lines.filtered(
                lambda line: line.part_role == "causal" and line.line_type == "part"
            )
            causal.write({"appraisal": "partial", "reject_reason_id": reason.id})
        claim.with_user(self.user_technician).action_approve()
        claim.approved_date = approved_date
        return claim

    def _recover(self):
        return self.Recovery._recover_period(self.company, date(2025, 1, 1), date(2025, 1, 31))

    def test_part_labour_consequential_and_fee_make_910_as_one_vendor_refund(self):
        claim = self._supplier_claim()
        self.assertEqual(claim.amount_approved, 790)
        recovery = self._recover()
        self.assertEqual(recovery.partner_id, self.supplier)
        self.assertEqual(recovery.amount_total, 910)
        line = recovery.line_ids
        self.assertEqual(
            (line.part_amount, line.labour_amount, line.consequential_amount, line.fee_amount),
            (600, 90, 200, 20),
        )
        self.assertIn("1.2", line.explanation)
        self.assertIn("910", line.explanation)
        accountant = recovery.with_user(self.user_accountant)
        accountant.action_send()
        accountant.action_accept()
        self.assertEqual(recovery.state, "accepted")
        accountant.action_book()
        refund = recovery.refund_id
        self.assertEqual(refund.move_type, "in_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.amount_total, 910)
        self.assertEqual(refund.partner_id, self.supplier)
        self.assertFalse(refund.invoice_line_ids.tax_ids)
        self.assertEqual(recovery.state, "booked")
        self.assertEqual(self.supplier.aftersales_recovery_rate, 100)
        with self.assertRaisesRegex(
            UserError, f"^{recovery.name} cannot be booked: it is Booked.$"
        ):
            accountant.action_book()
        self.assertFalse(self._recover(), "re-running the period adds nothing")

    def test_a_silent_supplier_has_accepted_after_its_answer_days(self):
        self._supplier_claim()
        recovery = self._recover()
        recovery.with_user(self.user_accountant).action_send()
        self.Recovery._cron_deem_accepted()
        self.assertEqual(recovery.state, "sent", "still within its 15 days")
        recovery.sent_on = fields.Date.today() - timedelta(days=16)
        self.Recovery._cron_deem_accepted()
        self.assertEqual(recovery.state, "accepted")
        self.assertIn("No answer", recovery.message_ids[0].body)

    def test_a_partial_answer_books_what_was_accepted(self):
        self._supplier_claim()
        recovery = self._recover()
        accountant = recovery.with_user(self.user_accountant)
        accountant.action_send()
        accountant.action_dispute()
        self.assertEqual(recovery.state, "disputed")
        recovery.line_ids.amount_accepted = 600
        accountant.action_accept()
        self.assertEqual(recovery.state, "partial")
        accountant.action_book()
        self.assertEqual(recovery.refund_id.amount_total, 600)
        self.assertAlmostEqual(self.agreement.recovery_rate, 600 / 910 * 100, places=2)

    def test_a_misjudged_part_is_not_claimed_back(self):
        misjudged = self.env.ref("aftersales_service.aftersales_claim_reject_reason_06")
        self.assertTrue(misjudged.misjudged)
        self._supplier_claim(reason=misjudged)
        self.assertFalse(self._recover())

    def test_the_cap_and_the_cost_basis(self):
        self.agreement.write({"price_basis": "cost", "cap_per_claim": 700})
        self.element.standard_price = 300.0  # the claim froze 500 at its creation
        self._supplier_claim()
        line = self._recover().line_ids
        self.assertEqual(line.part_amount, 360)
        self.assertEqual(line.amount, 670)
        self.agreement.cap_per_claim = 500
        self.assertEqual(line.amount, 670, "a built recovery keeps its figures")

    def test_a_supplier_without_agreement_is_not_claimed(self):
        self.agreement.unlink()
        self._supplier_claim()
        self.assertFalse(self._recover())

    def test_agreement_figures_are_checked(self):
        with self.assertRaises(ValidationError):
            self.agreement.travel_share = 120
        with self.assertRaises(ValidationError):
            self.agreement.part_coefficient = -1

    def test_the_old_part_goes_back_to_the_supplier_with_the_refund(self):
        job = self._completed_job()
        claim = self._create_claim(job)
        element = claim.line_ids.filtered(lambda line: line.product_id == self.element)
        element.supplier_id = self.supplier
        claim.with_user(self.user_clerk).action_submit()
        self.assertEqual(claim.state, "waiting_parts")
        action = claim.with_user(self.user_clerk).action_create_old_part_returns()
        manifest = self.env["stock.picking"].browse(action["res_id"])
        manifest.aftersales_scan_barcode(element.old_part_barcode)
        manifest.with_user(self.user_warehouse).button_validate()
        claim.line_ids.with_user(self.user_technician).write({"appraisal": "approved"})
        claim.with_user(self.user_technician).action_approve()
        warehouse = self.company._aftersales_warehouse()
        to_supplier = warehouse.aftersales_to_supplier_location_id
        self.assertEqual(
            self.env["stock.quant"]._get_available_quantity(self.element, to_supplier), 1
        )
        today = claim.approved_date
        recovery = self.Recovery._recover_period(self.company, today, today)
        accountant = recovery.with_user(self.user_accountant)
        accountant.action_send()
        accountant.action_accept()
        accountant.action_book()
        picking = recovery.picking_id
        self.assertEqual(picking.picking_type_id, warehouse.aftersales_old_supplier_type_id)
        self.assertEqual(picking.location_id, to_supplier)
        self.assertEqual(picking.partner_id, self.supplier)
        self.assertEqual(picking.move_ids.product_id, self.element)
        self.assertEqual(picking.state, "assigned", "ready for the store to ship")

    def test_the_month_wizard_claims_back_from_suppliers(self):
        self._supplier_claim()
        wizard = self.env["aftersales.claim.settlement.wizard"].create(
            {"period_start": date(2025, 1, 1), "period_end": date(2025, 1, 31)}
        )
        action = wizard.action_recover()
        recovery = self.Recovery.search(action["domain"])
        self.assertEqual(recovery.amount_total, 910)
        with self.assertRaisesRegex(UserError, "left to claim back"):
            wizard.action_recover()

    def test_the_cap_per_claim_limits_what_is_claimed_back(self):
        self.agreement.cap_per_claim = 500
        self._supplier_claim()
        line = self._recover().line_ids
        self.assertEqual(line.part_amount + line.labour_amount + line.consequential_amount, 890)
        self.assertEqual(line.amount, 500)
        self.assertEqual(line.amount_accepted, 500)
        self.assertIn("910", line.explanation, "the computation before the cap stays readable")

    def test_a_travel_share_is_claimed_back_in_proportion(self):
        self.agreement.travel_share = 50
        self.company.aftersales_claim_travel_rate = 1.5
        claim = self._supplier_claim(travel_km=40)
        travel = claim.line_ids.filtered(lambda line: line.line_type == "travel")
        self.assertEqual(travel.amount_approved, 60)
        line = self._recover().line_ids
        self.assertEqual(line.travel_amount, 30)
        self.assertEqual(line.amount, 940)
        self.assertIn("50", line.explanation)

    def test_the_quality_feedback_shows_what_the_supplier_cost_and_gave_back(self):
        claim = self._supplier_claim()
        claim.repair_start = date(2025, 1, 15)
        recovery = self._recover().with_user(self.user_accountant)
        recovery.action_send()
        recovery.action_accept()
        feedback = self.env["aftersales.quality.feedback"].create(
            {"date_from": date(2025, 1, 1), "date_to": date(2025, 1, 31)}
        )
        # the element failed once and cost 500 in the claim; the recovery claims 910 back
        # (no old part came back in this claim: nothing shipped back yet)
        self.assertEqual(feedback._suppliers(), [(self.supplier, 1.0, 500.0, 910.0, 910.0, 0.0)])
