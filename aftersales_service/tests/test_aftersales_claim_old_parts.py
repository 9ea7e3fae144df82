# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common_claim import AftersalesClaimCommon


@tagged("post_install", "-at_install")
class TestAftersalesClaimOldParts(AftersalesClaimCommon):
    """The old parts of a claim as stock: returned in one transfer per service point,
    received (one missing), appraised into the right locations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env.company._aftersales_warehouse()
        cls.thermostat = cls.env["product.product"].create(
            {
                "name": "Test thermostat",
                "type": "consu",
                "is_storable": True,
                "standard_price": 20.0,
                "aftersales_old_part_required": True,
            }
        )
        cls.env["stock.quant"]._update_available_quantity(cls.thermostat, cls.point_location, 5)

    def _claim_with_two_old_parts(self, unit=None):
        job = self._create_job(unit or self.unit_in_warranty, travel_distance=0)
        self._work_on_site(job)
        job.write({"part_ids": [Command.create({"product_id": self.thermostat.id, "quantity": 1})]})
        job.action_complete()
        claim = self._create_claim(job)
        claim.action_submit()
        return claim

    def _receive(self, picking, products, backorder=False):
        for move in picking.move_ids:
            if move.product_id in products:
                move.quantity = move.product_uom_qty
                move.picked = True
        context = {"skip_backorder": True}
        if not backorder:
            context["picking_ids_not_to_backorder"] = picking.ids
        picking.with_user(self.user_warehouse).with_context(**context).button_validate()

    def _on_hand(self, product, location):
        return self.env["stock.quant"]._get_available_quantity(product, location)

    def test_the_stores_stand_in_the_warehouse(self):
        warehouse = self.warehouse
        store = warehouse.aftersales_old_parts_location_id
        self.assertEqual(store.usage, "view")
        for location in (
            warehouse.aftersales_to_appraise_location_id,
            warehouse.aftersales_reusable_location_id,
            warehouse.aftersales_old_scrap_location_id,
            warehouse.aftersales_to_supplier_location_id,
        ):
            with self.subTest(location=location.name):
                self.assertEqual(location.location_id, store)
                self.assertEqual(location.usage, "internal")
        returns = warehouse.aftersales_old_return_type_id
        self.assertEqual(returns.code, "incoming")
        self.assertEqual(
            returns.default_location_dest_id, warehouse.aftersales_to_appraise_location_id
        )
        self.assertTrue(returns.sequence_id.prefix.endswith("/OPR/"))
        self.assertEqual(
            len(
                (
                    warehouse.aftersales_old_return_type_id
                    | warehouse.aftersales_old_appraisal_type_id
                    | warehouse.aftersales_old_supplier_type_id
                    | warehouse.aftersales_old_scrap_type_id
                ).sequence_id
            ),
            4,
            "each operation has its own sequence",
        )

    def test_from_the_job_to_the_old_parts_in_their_locations(self):
        claim = self._claim_with_two_old_parts()
        self.assertEqual(claim.state, "waiting_parts")
        element_line, thermostat_line = (
            claim.line_ids.filtered(lambda line, p=product: line.product_id == p)
            for product in (self.element, self.thermostat)
        )
        self.assertEqual(
            {element_line.old_part_state, thermostat_line.old_part_state}, {"to_return"}
        )

        self.assertTrue(claim.can_create_old_part_return)
        action = claim.with_user(self.user_clerk).action_create_old_part_returns()
        self.assertFalse(claim.can_create_old_part_return, "the return is under way")
        picking = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(picking.picking_type_id, self.warehouse.aftersales_old_return_type_id)
        self.assertEqual(picking.partner_id, self.point)
        self.assertEqual(picking.move_ids.aftersales_claim_line_id, element_line | thermostat_line)
        self.assertEqual(claim.old_part_picking_count, 1)

        # The thermostat does not come back.
        self._receive(picking, self.element)
        self.assertEqual(picking.state, "done")
        self.assertEqual(element_line.old_part_state, "received")
        self.assertEqual(thermostat_line.old_part_state, "missing")
        self.assertEqual(claim.state, "appraisal")
        self.assertIn("Test thermostat", claim.message_ids[:1].body)
        to_appraise = self.warehouse.aftersales_to_appraise_location_id
        self.assertEqual(self._on_hand(self.element, to_appraise), 1)

        claim = claim.with_user(self.user_technician)
        no_part = self.env.ref("aftersales_service.aftersales_claim_reject_reason_03")
        thermostat_line.write({"appraisal": "rejected", "reject_reason_id": no_part.id})
        element_line.write({"appraisal": "approved", "old_part_destination": "to_supplier"})
        self._line(claim, "labour").appraisal = "approved"
        claim.action_approve()
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.amount_approved, 30.0 + 40.0, "labour and the element")
        to_supplier = self.warehouse.aftersales_to_supplier_location_id
        self.assertEqual(self._on_hand(self.element, to_appraise), 0)
        self.assertEqual(self._on_hand(self.element, to_supplier), 1)
        self.assertEqual(claim.old_part_picking_count, 2, "the return and the appraisal")

    def test_a_partial_return_waits_for_its_backorder(self):
        claim = self._claim_with_two_old_parts()
        picking = self.env["stock.picking"].browse(claim.action_create_old_part_returns()["res_id"])
        self._receive(picking, self.element, backorder=True)
        self.assertEqual(claim.state, "waiting_parts", "the thermostat is still on its way")
        backorder = picking.backorder_ids
        self.assertTrue(backorder)
        self._receive(backorder, self.thermostat)
        self.assertEqual(
            set(claim.line_ids.filtered("old_part_required").mapped("old_part_state")), {"received"}
        )
        self.assertEqual(claim.state, "appraisal")

    def test_one_return_per_service_point_and_never_twice(self):
        other_unit = self._create_unit("SN-OLD-PARTS-2", self.today)
        other_unit.registration_card_date = self.today
        first = self._claim_with_two_old_parts()
        second = self._claim_with_two_old_parts(other_unit)
        action = (first | second).action_create_old_part_returns()
        picking = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(len(picking.move_ids), 4, "one transfer for the point's two claims")
        with self.assertRaisesRegex(Exception, "No old part is waiting for a return transfer"):
            first.action_create_old_part_returns()

    def test_a_mismatching_part_is_flagged_at_receipt(self):
        claim = self._claim_with_two_old_parts()
        line = claim.line_ids.filtered(lambda line: line.product_id == self.thermostat)
        line.with_user(self.user_warehouse).old_part_mismatch = True
        self.assertEqual(line.old_part_state, "mismatch")

    def test_overdue_old_parts_are_reminded_and_return_the_points_new_claims(self):
        claim = self._claim_with_two_old_parts()
        line = claim.line_ids.filtered(lambda line: line.product_id == self.thermostat)
        submitted = claim.first_submitted_on.date()
        self.assertEqual(line.old_part_due_date, submitted + timedelta(days=30))
        with freeze_time(submitted + timedelta(days=31)):
            self.env["aftersales.claim"]._cron_aftersales_overdue_old_parts()
            self.assertTrue(claim.old_part_reminded)
            activity = claim.activity_ids
            self.assertEqual(activity.summary, "Old parts overdue")
            self.env["aftersales.claim"]._cron_aftersales_overdue_old_parts()
            self.assertEqual(claim.activity_ids, activity, "reminded once")

            other_unit = self._create_unit("SN-OVERDUE", submitted)
            other_unit.registration_card_date = submitted
            job = self._create_job(other_unit)
            self._work_on_site(job)
            job.action_complete()
            new_claim = self._create_claim(job)
            new_claim.action_submit()
        result = self._results(new_claim)["overdue_old_parts"]
        self.assertEqual(result.outcome, "return")
        self.assertEqual(
            result.message,
            f"Test service point has 2 old parts overdue (claims {claim.name}): send them "
            "back first.",
        )
        self.assertEqual(new_claim.state, "returned")

    def test_a_resubmission_does_not_move_the_old_part_deadline(self):
        claim = self._claim_with_two_old_parts()
        due = claim.line_ids.filtered("old_part_required")[:1].old_part_due_date
        claim.state = "returned"
        with freeze_time(claim.first_submitted_on + timedelta(days=10)):
            claim.action_submit()
        self.assertEqual(claim.line_ids.filtered("old_part_required")[:1].old_part_due_date, due)
