# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .warranty_common import WarrantyCommon, d


@tagged("post_install", "-at_install")
class TestStockLot(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.customer = cls.env["res.partner"].create({"name": "王先生"})

    def _move(self, picking_type, source, destination, lot_name=None, partner=None):
        """A validated transfer of one fridge; a receipt names the new serial,
        a delivery takes the one reserved in stock."""
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "partner_id": partner and partner.id,
                "origin": "SO-TEST-1",
                "move_ids": [
                    Command.create(
                        {
                            "name": self.fridge.name,
                            "product_id": self.fridge.id,
                            "product_uom_qty": 1,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        if lot_name:
            picking.move_line_ids.lot_name = lot_name
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    @freeze_time("2026-03-10 20:00:00")
    def test_delivery_fills_customer_and_sale_date(self):
        supplier = self.env.ref("stock.stock_location_suppliers")
        customers = self.env.ref("stock.stock_location_customers")
        stock = self.warehouse.lot_stock_id
        self._move(self.warehouse.in_type_id, supplier, stock, lot_name="FRIDGE-0001")
        unit = self.env["stock.lot"].search([("name", "=", "FRIDGE-0001")])
        self.assertFalse(unit.sale_date, "a receipt is no sale")
        self.assertFalse(unit.customer_id)
        # 20:00 UTC is already the 11th in Shanghai
        self.env.user.tz = "Asia/Shanghai"
        self._move(self.warehouse.out_type_id, stock, customers, partner=self.customer)
        self.assertEqual(unit.customer_id, self.customer)
        self.assertEqual(unit.sale_date, d("2026-03-11"))
        self.assertEqual(unit.sale_reference, "SO-TEST-1")
        self.assertEqual(unit.warranty_policy_id, self.policy_household)
        self.assertEqual(unit.sanbao_end_date, d("2027-03-11"))

    @freeze_time("2026-03-20")
    def test_delivery_keeps_recorded_sale(self):
        supplier = self.env.ref("stock.stock_location_suppliers")
        customers = self.env.ref("stock.stock_location_customers")
        stock = self.warehouse.lot_stock_id
        self._move(self.warehouse.in_type_id, supplier, stock, lot_name="FRIDGE-0002")
        unit = self.env["stock.lot"].search([("name", "=", "FRIDGE-0002")])
        dealer_customer = self.env["res.partner"].create({"name": "李女士"})
        unit.write({"customer_id": dealer_customer.id, "sale_date": "2026-03-15"})
        self._move(self.warehouse.out_type_id, stock, customers, partner=self.customer)
        self.assertEqual(unit.customer_id, dealer_customer)
        self.assertEqual(unit.sale_date, d("2026-03-15"))

    def test_status_and_search(self):
        in_sanbao = self._unit(self.car, "2026-03-10")
        in_repair = self._unit(self.car, "2024-03-10")
        expired = self._unit(self.car, "2022-03-10")
        returned = self._unit(self.fridge, "2026-03-01", returned_date="2026-03-05")
        exchanged = self._unit(self.fridge, "2026-03-01")
        replacement = self._unit(self.fridge, "2026-03-12", replaces_lot_id=exchanged.id)
        not_sold = self._unit(self.fridge, False)
        units = in_sanbao | in_repair | expired | returned | exchanged | replacement | not_sold
        with freeze_time("2026-06-01"):
            units.invalidate_recordset(["aftersales_status"])
            self.assertEqual(
                units.mapped("aftersales_status"),
                [
                    "in_sanbao",
                    "in_repair_warranty",
                    "expired",
                    "returned",
                    "exchanged",
                    "in_sanbao",
                    False,
                ],
            )
            for status, expected in [
                ("in_sanbao", in_sanbao | replacement),
                ("in_repair_warranty", in_repair),
                ("expired", expired),
                ("returned", returned),
                ("exchanged", exchanged),
            ]:
                with self.subTest(status):
                    found = self.env["stock.lot"].search(
                        [("id", "in", units.ids), ("aftersales_status", "=", status)]
                    )
                    self.assertEqual(found, expected)
        self.assertEqual(exchanged.replaced_by_lot_id, replacement)

    def test_repair_days_extend_stored_end(self):
        unit = self._unit(self.fridge, "2026-03-10")
        self.assertEqual(unit.sanbao_end_date, d("2027-03-10"))
        repair = self._repair(unit, "2026-06-01", False)
        self.assertEqual(unit.repair_days_total, 0, "an open repair is not counted yet")
        repair.date_end = "2026-06-10"
        self.assertEqual(repair.days, 10)
        self.assertEqual(unit.repair_days_total, 10)
        self.assertEqual(unit.sanbao_end_date, d("2027-03-22"))
        self.assertEqual(unit.repair_count_summary, "F1 ×1")
        self.assertIn("2029", unit.part_period_summary)

    def test_replacement_constraints(self):
        first = self._unit(self.fridge, "2026-03-01")
        second = self._unit(self.fridge, "2026-04-01", replaces_lot_id=first.id)
        with self.assertRaises(ValidationError):
            first.replaces_lot_id = second
        with self.assertRaises(ValidationError):
            self._unit(self.fridge, "2026-05-01", replaces_lot_id=first.id)

    def test_wizard(self):
        unit = self._unit(self.fridge, "2026-03-10")
        action = unit.action_aftersales_entitlement()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_technician)
            .with_context(**action["context"])
        )
        wizard.fault_date = d("2026-03-17")
        self.assertEqual(wizard.decision, "refund")
        self.assertEqual(wizard.rule, "refund_window")
        wizard.fault_date = d("2027-03-11")
        wizard.part_id = self.compressor
        self.assertEqual(wizard.decision, "free_repair")
        self.assertEqual(wizard.part_period_end, d("2029-03-12"))
        wizard.fault_date = d("2026-03-01")
        self.assertFalse(wizard.decision)
        self.assertIn("before its sale date", wizard.error)

    def test_repair_access(self):
        unit = self._unit(self.fridge, "2026-03-10")
        for role in ("clerk", "technician"):
            repair = (
                self.env["aftersales.unit.repair"]
                .with_user(self.users[role])
                .create({"lot_id": unit.id, "date_start": "2026-05-01", "fault_key": role})
            )
            repair.date_end = "2026-05-02"
        with self.assertRaises(AccessError):
            self.env["aftersales.unit.repair"].with_user(self.user_warehouse).create(
                {"lot_id": unit.id, "date_start": "2026-05-01"}
            )
        self.assertEqual(len(unit.with_user(self.user_warehouse).aftersales_repair_ids), 2)
