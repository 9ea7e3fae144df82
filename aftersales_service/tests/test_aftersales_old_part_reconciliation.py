# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common_old_parts import AftersalesOldPartsCommon


@tagged("post_install", "-at_install")
class TestAftersalesOldPartReconciliation(AftersalesOldPartsCommon):
    """账 = 物 = 卡 per old-part location: claim lines said to be there, quants on hand and
    printed labels; every difference is listed."""

    def _reconcile(self):
        action = (
            self.env["aftersales.old.part.reconciliation"]
            .with_user(self.user_warehouse)
            .action_open()
        )
        lines = self.env["aftersales.old.part.reconciliation.line"].search(action["domain"])
        return {(line.location_id, line.product_id): line for line in lines}

    def _received_claim(self, labelled):
        claim = self._claim_with_three_old_parts()
        picking = self._return_of(claim)
        claim.line_ids.filtered("old_part_required").filtered(
            lambda line: line.product_id in labelled
        )._aftersales_count_labels()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        picking.with_user(self.user_warehouse).button_validate()
        return claim

    def test_claims_stock_and_labels_agree_or_the_difference_is_listed(self):
        self._received_claim(labelled=self.element | self.thermostat)
        to_appraise = self.env.company._aftersales_warehouse().aftersales_to_appraise_location_id
        # a thermostat disappears from the shelf: the stocktake finds it
        quant = self.env["stock.quant"].search(
            [("product_id", "=", self.thermostat.id), ("location_id", "=", to_appraise.id)]
        )
        quant.with_context(inventory_mode=True).write({"inventory_quantity": 0})
        quant.action_apply_inventory()

        rows = self._reconcile()
        element = rows[to_appraise, self.element]
        self.assertEqual(
            (element.booked_qty, element.on_hand_qty, element.labelled_qty, element.is_difference),
            (1, 1, 1, False),
        )
        self.assertEqual(element.claim_line_ids.product_id, self.element)
        thermostat = rows[to_appraise, self.thermostat]
        self.assertEqual((thermostat.booked_qty, thermostat.on_hand_qty), (1, 0))
        self.assertEqual(thermostat.difference, "claims and stock differ")
        motor = rows[to_appraise, self.motor]
        self.assertEqual((motor.booked_qty, motor.on_hand_qty, motor.labelled_qty), (1, 1, 0))
        self.assertEqual(motor.difference, "parts without a printed label")

    def test_an_old_part_moved_on_by_the_appraisal_is_counted_where_it_went(self):
        claim = self._received_claim(labelled=self.element | self.thermostat | self.motor)
        warehouse = self.env.company._aftersales_warehouse()
        claim.line_ids.with_user(self.user_technician).write(
            {"appraisal": "approved", "old_part_destination": "reusable"}
        )
        claim.with_user(self.user_technician).action_approve()
        rows = self._reconcile()
        self.assertNotIn((warehouse.aftersales_to_appraise_location_id, self.motor), rows)
        motor = rows[warehouse.aftersales_reusable_location_id, self.motor]
        self.assertEqual((motor.booked_qty, motor.on_hand_qty, motor.labelled_qty), (1, 1, 1))
        parts = self.element | self.thermostat | self.motor
        self.assertFalse(
            [
                row.difference
                for (_place, part), row in rows.items()
                if part in parts and row.is_difference
            ]
        )
