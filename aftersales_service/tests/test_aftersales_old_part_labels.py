# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_old_parts import AftersalesOldPartsCommon


@tagged("post_install", "-at_install")
class TestAftersalesOldPartLabels(AftersalesOldPartsCommon):
    """Boxes, labels and the scan of the labels at receipt of a 旧件返回单."""

    def test_a_label_barcode_per_old_part(self):
        claim = self._claim_with_three_old_parts()
        element = self._part_line(claim, self.element)
        thermostat = self._part_line(claim, self.thermostat)
        number = element._aftersales_line_number()
        self.assertEqual(element.old_part_barcode, f"{claim.name}-{number:02d}-SN123/A")
        self.assertEqual(
            thermostat.old_part_barcode,
            f"{claim.name}-{thermostat._aftersales_line_number():02d}",
            "no serial, no third part",
        )
        self.assertRegex(element.old_part_barcode, r"^[!-~]+$", "Code128 (printable ASCII)")
        self.assertFalse(self._line(claim, "labour").old_part_barcode, "no old part, no label")
        self.assertEqual(
            len(set(claim.line_ids.filtered("old_part_barcode").mapped("old_part_barcode"))), 3
        )

    def test_boxes_on_the_return(self):
        claim = self._claim_with_three_old_parts()
        picking = self._return_of(claim)
        self.assertTrue(picking.aftersales_old_part_return)
        self.assertEqual(picking.aftersales_box_count, 0)
        self._move(picking, self.element).aftersales_box = "1"
        self._move(picking, self.thermostat).aftersales_box = "1"
        self._move(picking, self.motor).aftersales_box = "10"
        self.assertEqual(picking.aftersales_box_count, 2)
        self.assertEqual(picking._aftersales_boxes(), [("1", 2), ("10", 1)])
        self._move(picking, self.element).aftersales_box = "2"
        self.assertEqual(picking._aftersales_boxes(), [("1", 1), ("2", 1), ("10", 1)])
        self._move(picking, self.motor).aftersales_box = False
        self.assertEqual(picking._aftersales_boxes(), [("1", 1), ("2", 1), ("", 1)])

    def test_printing_counts_the_labels_and_only_for_old_part_returns(self):
        claim = self._claim_with_three_old_parts()
        picking = self._return_of(claim)
        report = self.env.ref("aftersales_service.aftersales_old_part_return_report")
        self.assertEqual(report.get_valid_action_reports("stock.picking", picking.ids), report.ids)
        lines = claim.line_ids.filtered("old_part_required")
        self.assertEqual(set(lines.mapped("old_part_label_count")), {0})
        reports = self.env["ir.actions.report"].with_user(self.user_warehouse)
        for _print in range(2):
            reports._render_qweb_html(report, picking.ids)
        self.assertEqual(set(lines.mapped("old_part_label_count")), {2})
        self.assertFalse(self._line(claim, "labour").old_part_label_count)

        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.env.ref("stock.picking_type_in").id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.env.ref("stock.stock_location_stock").id,
            }
        )
        self.assertFalse(receipt.aftersales_old_part_return)
        self.assertFalse(report.get_valid_action_reports("stock.picking", receipt.ids))
        with self.assertRaisesRegex(UserError, "is not an old-part return"):
            reports._render_qweb_html(report, receipt.ids)

    def test_scanning_two_of_three_labels_leaves_the_third_missing(self):
        claim = self._claim_with_three_old_parts()
        picking = self._return_of(claim).with_user(self.user_warehouse)
        self.assertIn(picking.state, ("confirmed", "assigned"))
        element = self._part_line(claim, self.element)
        thermostat = self._part_line(claim, self.thermostat)
        motor = self._part_line(claim, self.motor)

        # the store's form: a scan receives the part and clears the field
        with Form(picking) as form:
            form.aftersales_scan = element.old_part_barcode
            self.assertFalse(form.aftersales_scan)
        move = self._move(picking, self.element)
        self.assertTrue(move.picked)
        self.assertEqual(move.quantity, 1)
        self.assertFalse(self._move(picking, self.thermostat).picked)

        # by RPC
        self.assertEqual(
            picking.aftersales_scan_barcode(f" {thermostat.old_part_barcode} "),
            self._move(picking, self.thermostat).id,
        )
        with self.assertRaisesRegex(UserError, "is not on the old-part return"):
            picking.aftersales_scan_barcode("SP000000-0000-01")

        picking.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=picking.ids
        ).button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(element.old_part_state, "received")
        self.assertEqual(thermostat.old_part_state, "received")
        self.assertEqual(motor.old_part_state, "missing")
        self.assertEqual(claim.state, "appraisal")
        with self.assertRaisesRegex(UserError, "not an old-part return waiting"):
            picking.aftersales_scan_barcode(motor.old_part_barcode)

    def test_an_unknown_label_warns_in_the_form(self):
        claim = self._claim_with_three_old_parts()
        picking = self._return_of(claim).with_user(self.user_warehouse)
        with (
            self.assertLogs("odoo.tests.form.onchange", "WARNING") as logs,
            Form(picking) as form,
        ):
            form.aftersales_scan = "NOT-A-LABEL"
        self.assertIn("The label NOT-A-LABEL is not on the old-part return", logs.output[0])
        self.assertFalse(picking.move_ids.filtered("picked"))

    def test_the_appraisal_notes_who_appraised_and_when(self):
        claim = self._claim_with_three_old_parts()
        line = self._line(claim, "labour").with_user(self.user_technician)
        line.appraisal = "approved"
        self.assertEqual(line.appraised_by_id, self.user_technician)
        self.assertTrue(line.appraised_on)
        line.appraisal = False
        self.assertFalse(line.appraised_by_id)
