# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import AftersalesCommon
from .common_service import utc


@tagged("post_install", "-at_install")
class TestAftersalesFactoryRepair(AftersalesCommon):
    """返厂维修单: received into 返厂维修库, repaired, shipped back, on the company's
    working calendar (Monday to Friday 08:00-12:00, 13:00-17:00 in Shanghai, Monday
    9 March 2026 a public holiday)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Test factory calendar",
                "tz": "Asia/Shanghai",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for period, start, end in (("morning", 8.0, 12.0), ("afternoon", 13.0, 17.0))
                ],
                "global_leave_ids": [Command.clear()],
            }
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Test public holiday",
                "calendar_id": cls.calendar.id,
                "date_from": utc("2026-03-09 00:00"),
                "date_to": utc("2026-03-09 23:59"),
            }
        )
        cls.company = cls.env.company
        cls.company.write({"resource_calendar_id": cls.calendar.id})
        cls.company.aftersales_factory_repair_days = 5
        cls.warehouse = cls.company._aftersales_warehouse()
        cls.product = cls.env["product.product"].create(
            {"name": "Test water heater", "is_storable": True, "tracking": "serial"}
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create({"name": "Test Wang Fang", "email": "wang@example.com"})
        cls.other_customer = Partner.create({"name": "Test Li Lei", "email": "li@example.com"})
        cls.unit = cls.env["stock.lot"].create(
            {"name": "TEST-FX-0001", "product_id": cls.product.id, "customer_id": cls.customer.id}
        )
        cls.Repair = cls.env["aftersales.factory.repair"].with_user(cls.user_clerk)

    def _unit(self, name):
        return self.env["stock.lot"].create(
            {"name": name, "product_id": self.product.id, "customer_id": self.customer.id}
        )

    def _create_repair(self, **values):
        vals = {
            "partner_id": self.customer.id,
            "lot_id": self.unit.id,
            "fault_description": "Error E4 again after the thermostat was replaced.",
        }
        vals.update(values)
        return self.Repair.create(vals)

    def _repaired(self, **values):
        repair = self._create_repair(**values)
        repair.action_receive()
        repair.action_start_repair()
        repair.action_mark_repaired()
        return repair

    # ------------------------------------------------------------------
    # Stock: the unit in and out of 返厂维修库
    # ------------------------------------------------------------------
    def test_receive_validates_a_receipt_of_the_serial_into_the_factory_store(self):
        repair = self._create_repair()
        self.assertRegex(repair.name, r"^FX\d{4}-\d{4}$")
        repair.action_receive()
        self.assertEqual(repair.state, "received")
        self.assertTrue(repair.received_at)
        receipt = repair.picking_ids
        self.assertEqual(len(receipt), 1)
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.picking_type_id, self.warehouse.aftersales_factory_receipt_type_id)
        self.assertEqual(receipt.picking_type_id.code, "incoming")
        store = self.warehouse.aftersales_factory_repair_location_id
        self.assertEqual(store.usage, "internal")
        self.assertEqual(receipt.location_id, self.env.ref("stock.stock_location_customers"))
        self.assertEqual(receipt.location_dest_id, store)
        self.assertEqual(receipt.move_line_ids.lot_id, self.unit)
        self.assertEqual(receipt.move_line_ids.quantity, 1.0)
        self.assertEqual(receipt.partner_id, self.customer)
        self.assertEqual(receipt.origin, repair.name)
        quants = self.env["stock.quant"].search(
            [("lot_id", "=", self.unit.id), ("location_id", "=", store.id)]
        )
        self.assertEqual(quants.quantity, 1.0)
        self.assertEqual(repair.picking_count, 1)
        action = repair.action_view_pickings()
        self.assertEqual(action["res_id"], receipt.id)

    def test_a_warehouse_gets_the_factory_store_and_its_operations(self):
        # the store is named in the company's language
        partner = self.env["res.partner"].create({"name": "Test factory company", "lang": "en_US"})
        company = self.env["res.company"].create(
            {"name": "Test factory company", "partner_id": partner.id}
        )
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", company.id)])
        store = warehouse.aftersales_factory_repair_location_id
        self.assertEqual(store.name, "Factory Repairs")
        receipt = warehouse.aftersales_factory_receipt_type_id
        ship_back = warehouse.aftersales_factory_return_type_id
        self.assertEqual(receipt.name, "Factory Repair Receipts")
        self.assertEqual(
            (receipt.code, receipt.default_location_dest_id, receipt.sequence_code),
            ("incoming", store, "FRI"),
        )
        self.assertEqual(ship_back.name, "Repaired Units Shipped Back")
        self.assertEqual(
            (ship_back.code, ship_back.default_location_src_id, ship_back.sequence_code),
            ("outgoing", store, "FRO"),
        )
        self.assertTrue(receipt.use_existing_lots and ship_back.use_existing_lots)
        # a warehouse made before the store existed gets it on first use
        warehouse.aftersales_factory_repair_location_id = False
        warehouse.aftersales_factory_return_type_id = False
        self.assertEqual(company._aftersales_warehouse(), warehouse)
        self.assertTrue(warehouse.aftersales_factory_repair_location_id)
        self.assertEqual(
            warehouse.aftersales_factory_return_type_id.default_location_src_id,
            warehouse.aftersales_factory_repair_location_id,
        )

    def test_ship_back_validates_a_delivery_to_the_customer_and_tells_the_customer(self):
        repair = self._repaired(shipping_reference="SF1234567890")
        repair.repair_note = "Replaced the control board."
        repair.action_ship_back()
        self.assertEqual(repair.state, "shipped")
        self.assertTrue(repair.shipped_at)
        delivery = repair.picking_ids.filtered(lambda p: p.picking_type_code == "outgoing")
        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.picking_type_id, self.warehouse.aftersales_factory_return_type_id)
        self.assertEqual(delivery.location_id, self.warehouse.aftersales_factory_repair_location_id)
        self.assertEqual(delivery.location_dest_id, self.env.ref("stock.stock_location_customers"))
        self.assertEqual(delivery.partner_id, self.customer)
        self.assertEqual(delivery.move_line_ids.lot_id, self.unit)
        store_quant = self.env["stock.quant"].search(
            [
                ("lot_id", "=", self.unit.id),
                ("location_id", "=", self.warehouse.aftersales_factory_repair_location_id.id),
            ]
        )
        self.assertEqual(sum(store_quant.mapped("quantity")), 0.0)
        message = repair.message_ids.filtered(
            lambda m: m.message_type == "comment" and self.customer in m.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn("SF1234567890", message.body)
        self.assertIn("TEST-FX-0001", message.body)
        self.assertIn("Replaced the control board.", message.body)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))

    def test_ship_back_needs_the_shipping_reference(self):
        repair = self._repaired()
        with self.assertRaises(UserError) as error:
            repair.action_ship_back()
        self.assertEqual(
            str(error.exception),
            f"Enter the shipping reference of {repair.name} before shipping it back: "
            "the customer is told it to follow the parcel.",
        )
        self.assertEqual(repair.state, "repaired")

    # ------------------------------------------------------------------
    # Buttons in their order
    # ------------------------------------------------------------------
    def test_buttons_out_of_order_are_refused(self):
        repair = self._create_repair()
        cases = [
            (repair.action_start_repair, "Registered: only a received unit can go into repair."),
            (
                repair.action_mark_repaired,
                "Registered: only a unit in repair can be marked repaired.",
            ),
            (repair.action_ship_back, "Registered: only a repaired unit can be shipped back."),
        ]
        for button, text in cases:
            with self.assertRaises(UserError) as error:
                button()
            self.assertEqual(str(error.exception), f"{repair.name} is {text}")
        repair.action_receive()
        with self.assertRaises(UserError) as error:
            repair.action_receive()
        self.assertEqual(
            str(error.exception),
            f"{repair.name} is Received: only a registered factory repair can be received.",
        )
        with self.assertRaises(UserError) as error:
            repair.action_ship_back()
        self.assertEqual(
            str(error.exception),
            f"{repair.name} is Received: only a repaired unit can be shipped back.",
        )
        self.assertEqual(len(repair.picking_ids), 1)

    def test_cancel_before_shipping_returns_a_received_unit(self):
        draft = self._create_repair()
        draft.action_cancel()
        self.assertEqual(draft.state, "cancelled")
        self.assertFalse(draft.picking_ids)
        repair = self._create_repair()
        repair.action_receive()
        repair.action_start_repair()
        repair.action_cancel()
        self.assertEqual(repair.state, "cancelled")
        delivery = repair.picking_ids.filtered(lambda p: p.picking_type_code == "outgoing")
        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.move_line_ids.lot_id, self.unit)
        with self.assertRaises(UserError) as error:
            repair.action_cancel()
        self.assertEqual(
            str(error.exception),
            f"{repair.name} is Cancelled: only a factory repair not shipped back yet can be "
            "cancelled.",
        )

    def test_cancel_after_shipping_is_refused(self):
        repair = self._repaired(shipping_reference="SF1")
        repair.action_ship_back()
        with self.assertRaises(UserError) as error:
            repair.action_cancel()
        self.assertEqual(
            str(error.exception),
            f"{repair.name} is Shipped Back: only a factory repair not shipped back yet can be "
            "cancelled.",
        )

    # ------------------------------------------------------------------
    # The customer's own unit
    # ------------------------------------------------------------------
    def test_unit_of_another_customer_is_refused(self):
        with self.assertRaises(ValidationError) as error:
            self._create_repair(partner_id=self.other_customer.id)
        self.assertEqual(
            str(error.exception),
            "Unit TEST-FX-0001 belongs to Test Wang Fang, not to Test Li Lei: choose one of "
            "the customer's units, or correct the unit's customer in its archive.",
        )

    # ------------------------------------------------------------------
    # Turnaround clock
    # ------------------------------------------------------------------
    def test_promise_skips_the_weekend_and_the_public_holiday(self):
        """Thursday 5 March 10:00 + 5 working days: Friday 6, (weekend, Monday 9 a
        public holiday), Tuesday 10 to Thursday 12, Friday 13 March 10:00."""
        repair = self._create_repair(received_at=utc("2026-03-05 10:00"))
        self.assertEqual(repair.promised_at, utc("2026-03-13 10:00"))
        # received after hours: the count starts the next working morning
        repair.received_at = utc("2026-03-06 18:30")
        self.assertEqual(repair.promised_at, utc("2026-03-16 17:00"))
        self.company.aftersales_factory_repair_days = 1
        repair.received_at = utc("2026-03-06 10:00")
        self.assertEqual(repair.promised_at, utc("2026-03-10 10:00"))

    def test_turnaround_in_working_days_once_shipped(self):
        repair = self._repaired(shipping_reference="SF2", received_at=utc("2026-03-05 10:00"))
        self.assertEqual(repair.turnaround_days, 0.0)
        repair.action_ship_back()
        repair.shipped_at = utc("2026-03-11 14:00")
        # Thu 10:00 → Wed 14:00: 6 + 8 (Fri) + 8 (Tue) + 5 (Wed) = 27 h
        self.assertAlmostEqual(repair.turnaround_days, 27 / 8)
        self.assertFalse(repair.is_late)
        repair.shipped_at = utc("2026-03-13 11:00")
        self.assertTrue(repair.is_late)

    def test_cron_flags_a_late_repair_once(self):
        now = fields.Datetime.now()
        late = self._create_repair(received_at=now - timedelta(days=30))
        late.action_receive()
        on_time = self._create_repair(received_at=now, lot_id=self._unit("TEST-FX-0002").id)
        on_time.action_receive()
        self.assertTrue(late.is_late)
        self.assertFalse(on_time.is_late)
        late_ids = self.env["aftersales.factory.repair"].search([("is_late", "=", True)]).ids
        self.assertIn(late.id, late_ids)
        self.assertNotIn(on_time.id, late_ids)
        not_late_ids = self.env["aftersales.factory.repair"].search([("is_late", "=", False)]).ids
        self.assertIn(on_time.id, not_late_ids)
        self.assertNotIn(late.id, not_late_ids)

        Repair = self.env["aftersales.factory.repair"]
        messages_before = len(late.message_ids)
        Repair._cron_aftersales_factory_repair_breach()
        self.assertTrue(late.late_flagged)
        self.assertFalse(on_time.late_flagged)
        notes = late.message_ids.filtered(lambda m: "Factory turnaround missed" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertIn(late.name, notes.body)
        self.assertEqual(len(late.activity_ids), 1)
        self.assertEqual(late.activity_ids.user_id, self.company._aftersales_first_manager())
        self.assertEqual(late.activity_ids.summary, "Factory repair overdue")
        self.assertFalse(on_time.activity_ids)

        Repair._cron_aftersales_factory_repair_breach()
        self.assertEqual(len(late.message_ids), messages_before + 1)
        self.assertEqual(len(late.activity_ids), 1)

    def test_cron_in_batches(self):
        received_at = fields.Datetime.now() - timedelta(days=30)
        repairs = self.Repair.browse()
        for number in range(3):
            unit = self._unit(f"TEST-FX-010{number}")
            repair = self._create_repair(received_at=received_at, lot_id=unit.id)
            repair.action_receive()
            repairs |= repair
        Repair = self.env["aftersales.factory.repair"]
        Repair.search([("late_flagged", "=", False), ("id", "not in", repairs.ids)]).write(
            {"late_flagged": True}
        )
        Repair._cron_aftersales_factory_repair_breach(batch_size=2)
        self.assertEqual(repairs.mapped("late_flagged"), [True, True, False])
        Repair._cron_aftersales_factory_repair_breach(batch_size=2)
        self.assertEqual(repairs.mapped("late_flagged"), [True, True, True])

    # ------------------------------------------------------------------
    # Settings and rights
    # ------------------------------------------------------------------
    def test_turnaround_setting(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.aftersales_factory_repair_days, 5)
        settings.aftersales_factory_repair_days = 7
        settings.execute()
        self.assertEqual(self.company.aftersales_factory_repair_days, 7)

    def test_only_the_manager_deletes(self):
        repair = self._create_repair()
        for role in ("technician", "warehouse"):
            self.assertTrue(repair.with_user(self.users[role]).read(["name"]))
        self.assertFalse(
            self.env["aftersales.factory.repair"].with_user(self.user_clerk).has_access("unlink")
        )
        repair.with_user(self.user_manager).unlink()
        self.assertFalse(repair.exists())

    def test_receipt_document_for_the_customer(self):
        repair = self._create_repair(received_at=utc("2026-03-05 10:00"))
        repair.action_receive()
        repair.partner_id.lang = "zh_CN"  # the receipt is in the customer's language
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.user_clerk)
            ._render_qweb_html("aftersales_service.aftersales_factory_repair_report", repair.ids)
        )
        html = html.decode()
        self.assertIn('class="page o_aftersales_report"', html)
        self.assertIn(repair.name, html)
        self.assertIn("TEST-FX-0001", html)
        self.assertIn("2026-03-13 10:00", html)
        self.assertIn("返厂维修单", html)
        self.assertIn("<span>5</span> 个工作日内修复并发还您的机器", html)

    def test_demo_repair_is_in_repair(self):
        demo = self.env.ref(
            "aftersales_service.aftersales_factory_repair_heater_04_demo", raise_if_not_found=False
        )
        if not demo:
            self.skipTest("installed without demo data")
        self.assertEqual(demo.state, "in_repair")
        self.assertEqual(demo.picking_ids.state, "done")
        self.assertEqual(demo.lot_id.customer_id, demo.partner_id)
        self.assertLess(demo.received_at, fields.Datetime.now())

    # ------------------------------------------------------------------
    # Scenario: from the service request to the unit back home
    # ------------------------------------------------------------------
    def test_whole_flow_from_a_service_request(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.user_clerk)
            .create(
                {
                    "name": "Heater shows E4 again",
                    "description": "<p>Error E4 after the thermostat was replaced.</p>",
                    "partner_id": self.customer.id,
                    "lot_id": self.unit.id,
                }
            )
        )
        self.assertEqual(ticket.factory_repair_count, 0)
        action = ticket.action_new_factory_repair()
        self.assertEqual(action["res_model"], "aftersales.factory.repair")
        form = Form(self.Repair.with_context(**action["context"]))
        self.assertEqual(form.ticket_id, ticket)
        self.assertEqual(form.partner_id, self.customer)
        self.assertEqual(form.lot_id, self.unit)
        self.assertEqual(form.product_id, self.product)
        repair = form.save().with_context(tracking_disable=False, mail_notrack=False)
        # a repair given only the request gets the customer and the unit from it
        from_ticket = self.Repair.create({"ticket_id": ticket.id})
        self.assertEqual(from_ticket.partner_id, self.customer)
        self.assertEqual(from_ticket.lot_id, self.unit)
        from_ticket.action_cancel()

        repair.action_receive()
        self.env.cr.precommit.run()  # the state changes logged in the chatter
        self.assertTrue(repair.promised_at > repair.received_at)
        repair.with_user(self.user_technician).action_start_repair()
        self.assertEqual(repair.state, "in_repair")
        self.assertTrue(repair.repair_started_at)
        repair.with_user(self.user_technician).write({"repair_note": "New control board."})
        repair.with_user(self.user_technician).action_mark_repaired()
        self.assertTrue(repair.repaired_at)
        repair.with_user(self.user_warehouse).write({"shipping_reference": "SF9988776655"})
        repair.with_user(self.user_warehouse).action_ship_back()
        self.assertEqual(repair.state, "shipped")
        self.assertFalse(repair.is_late)
        self.assertGreaterEqual(repair.turnaround_days, 0.0)

        self.assertEqual(ticket.factory_repair_count, 2)
        self.assertEqual(
            ticket.action_view_factory_repairs()["domain"], [("ticket_id", "=", ticket.id)]
        )
        pickings = ticket.factory_picking_ids.filtered(
            lambda p: p.aftersales_factory_repair_id == repair
        )
        self.assertEqual(pickings, repair.picking_ids)
        self.assertEqual(pickings.mapped("state"), ["done", "done"])
        self.assertEqual(sorted(pickings.mapped("picking_type_code")), ["incoming", "outgoing"])
        self.env.cr.precommit.run()
        tracked = repair.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertIn(
            ("Received", "Shipped Back"),
            [(value.old_value_char, value.new_value_char) for value in tracked],
        )
        told = repair.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertIn("SF9988776655", told.body)
