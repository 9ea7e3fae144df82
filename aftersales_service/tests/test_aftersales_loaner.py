# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import AftersalesCommon
from .common_claim import AftersalesClaimCommon
from .common_job import AftersalesJobCommon

NOW = datetime(2026, 3, 18, 10, 0, 0)


class AftersalesLoanerCommon(AftersalesJobCommon):
    """Two loaner heaters (备用机) in the company's loaner pool (备用机库); the customer's
    repair request (报修) of the common is assigned to the clerk."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "aftersales_loaner_days": 7,
                "aftersales_loaner_hours": 4,
                "aftersales_spare_car_days": 5,
            }
        )
        cls.warehouse = cls.company._aftersales_warehouse()
        cls.pool = cls.warehouse.aftersales_loaner_location_id
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.loaner_product = cls.env["product.product"].create(
            {
                "name": "Test loaner heater",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
            }
        )
        cls.loaner_1, cls.loaner_2 = cls.env["stock.lot"].create(
            [
                {"name": name, "product_id": cls.loaner_product.id, "company_id": cls.company.id}
                for name in ("BY-TEST-01", "BY-TEST-02")
            ]
        )
        quants = cls.env["stock.quant"].create(
            [
                {
                    "product_id": cls.loaner_product.id,
                    "lot_id": lot.id,
                    "location_id": cls.pool.id,
                    "inventory_quantity": 1,
                }
                for lot in (cls.loaner_1, cls.loaner_2)
            ]
        )
        quants.action_apply_inventory()

    def _loan(self, lot=None, user=None, ticket=None):
        return (
            self.env["aftersales.loaner"]
            .with_user(user or self.user_clerk)
            .create({"ticket_id": (ticket or self.ticket).id, "lot_id": (lot or self.loaner_1).id})
        )

    def _lent(self, lot=None, user=None):
        loan = self._loan(lot, user)
        loan.action_lend()
        return loan


@tagged("post_install", "-at_install")
class TestAftersalesLoanerPool(AftersalesLoanerCommon):
    def test_the_pool_and_its_operations_are_made_per_warehouse(self):
        self.assertEqual(self.pool.usage, "internal")
        # named in the company's language when it was made (备用机库 for a Chinese one)
        self.assertIn(self.pool.name, ("Loaner Pool", "备用机库"))
        lending = self.warehouse.aftersales_loaner_out_type_id
        returns = self.warehouse.aftersales_loaner_in_type_id
        self.assertEqual(
            (lending.code, lending.default_location_src_id, lending.default_location_dest_id),
            ("outgoing", self.pool, self.customers),
        )
        self.assertEqual(
            (returns.code, returns.default_location_src_id, returns.default_location_dest_id),
            ("incoming", self.customers, self.pool),
        )
        self.assertTrue(lending.use_existing_lots, "a loaner goes out with its serial")
        self.assertEqual(lending.sequence_code, "LNO")
        self.assertEqual(returns.sequence_code, "LNI")

    def test_lending_delivers_the_serial_to_the_customer(self):
        loan = self._loan(user=self.user_warehouse)
        self.assertRegex(loan.name, rf"^BY{self.today.year}-\d{{4}}$")
        self.assertEqual(loan.partner_id, self.customer, "filled from the request")
        self.assertEqual(loan.due_date, self.today + timedelta(days=7))
        self.assertEqual(loan.state, "draft")
        loan.action_lend()
        self.assertEqual(loan.state, "lent")
        self.assertTrue(loan.lent_at)
        picking = loan.lend_picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.picking_type_id, self.warehouse.aftersales_loaner_out_type_id)
        self.assertEqual(picking.partner_id, self.customer)
        self.assertIn(loan.name, picking.origin)
        self.assertEqual(picking.move_line_ids.lot_id, self.loaner_1)
        self.assertEqual(picking.move_line_ids.quantity, 1.0)
        self.assertEqual(self.loaner_1.location_id, self.customers)
        self.assertEqual(self.loaner_2.location_id, self.pool, "the other unit stays in the pool")
        self.assertFalse(self.loaner_1.customer_id, "a loaner is lent, not sold")
        self.assertFalse(self.loaner_1.sale_date)
        self.assertIn("Unit BY-TEST-01 lent to Test customer", loan.message_ids[0].body)
        with self.assertRaisesRegex(UserError, rf"^Only a draft loan is lent: {loan.name}\.$"):
            loan.action_lend()

    def test_taking_back_returns_the_serial_to_the_pool(self):
        loan = self._lent()
        loan.with_user(self.user_technician).action_take_back()
        self.assertEqual(loan.state, "returned")
        self.assertTrue(loan.returned_at)
        picking = loan.return_picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.picking_type_id, self.warehouse.aftersales_loaner_in_type_id)
        self.assertEqual(picking.move_line_ids.lot_id, self.loaner_1)
        self.assertEqual(self.loaner_1.location_id, self.pool)
        self.assertEqual(
            self.env["stock.quant"]._get_available_quantity(
                self.loaner_product, self.pool, lot_id=self.loaner_1
            ),
            1.0,
        )
        action = loan.action_view_pickings()
        self.assertEqual(
            self.env["stock.picking"].search(action["domain"]), loan.lend_picking_id | picking
        )
        again = self._lent()
        self.assertEqual(again.state, "lent", "a returned unit is lent again")
        with self.assertRaisesRegex(
            UserError, rf"^Only a lent loaner is taken back: {loan.name}\.$"
        ):
            loan.action_take_back()

    def test_a_unit_not_in_the_pool_is_refused(self):
        loan = self._loan(lot=self.unit_in_warranty)
        with self.assertRaises(UserError) as caught:
            loan.action_lend()
        self.assertEqual(
            str(caught.exception),
            f"Unit SN-NEW is not in the loaner pool {self.pool.display_name}: lend a "
            "serial-numbered unit on hand there.",
        )
        self.assertEqual(loan.state, "draft")
        self.assertFalse(loan.lend_picking_id)

    def test_a_unit_already_lent_is_refused(self):
        first = self._lent()
        with self.assertRaises(ValidationError) as caught:
            self._loan()
        self.assertEqual(
            str(caught.exception),
            f"Loaner unit BY-TEST-01 is already on loan {first.name}: take it back or cancel "
            "that loan first.",
        )
        # a draft holds its unit too; cancelled, it lets the unit go
        draft = self._loan(self.loaner_2)
        with self.assertRaises(ValidationError):
            self._loan(self.loaner_2)
        draft.action_cancel()
        self.assertEqual(draft.state, "cancel")
        self.assertEqual(self._lent(self.loaner_2).state, "lent")
        with self.assertRaisesRegex(
            UserError,
            rf"^Only a draft loan is cancelled; take a lent loaner back: {first.name}\.$",
        ):
            first.action_cancel()

    def test_overdue_loans_are_flagged_filtered_and_reminded_once(self):
        loan = self._lent()
        other = self._lent(self.loaner_2)
        Loaner = self.env["aftersales.loaner"]
        self.assertFalse(loan.is_overdue)
        loan.due_date = self.today - timedelta(days=1)
        self.assertTrue(loan.is_overdue)
        self.assertFalse(other.is_overdue)
        overdue = Loaner.search([("is_overdue", "=", True), ("id", "in", (loan | other).ids)])
        self.assertEqual(overdue, loan)
        not_overdue = Loaner.search([("is_overdue", "=", False), ("id", "in", (loan | other).ids)])
        self.assertEqual(not_overdue, other)
        # the search view's "Overdue" filter
        view = self.env.ref("aftersales_service.aftersales_loaner_view_search")
        self.assertIn("[('is_overdue', '=', True)]", view.arch)

        Loaner._cron_aftersales_overdue_loaners()
        self.assertEqual(len(loan.activity_ids), 1)
        activity = loan.activity_ids
        self.assertEqual(activity.user_id, self.user_clerk, "the request's responsible")
        self.assertEqual(activity.summary, "Loaner overdue")
        self.assertFalse(other.activity_ids)
        Loaner._cron_aftersales_overdue_loaners()
        self.assertEqual(len(loan.activity_ids), 1, "never twice")

        loan.action_take_back()
        self.assertFalse(loan.is_overdue, "back: no longer overdue")
        self.assertFalse(loan.activity_ids, "taking it back closes the reminder")

    def test_overdue_loan_of_an_unassigned_request_goes_to_the_manager(self):
        self.ticket.user_id = False
        loan = self._lent()
        loan.due_date = self.today - timedelta(days=3)
        self.env["aftersales.loaner"]._cron_aftersales_overdue_loaners()
        self.assertEqual(loan.activity_ids.user_id, self.company._aftersales_first_manager())

    def test_the_cron_works_in_batches(self):
        loans = self._lent() | self._lent(self.loaner_2)
        loans.due_date = self.today - timedelta(days=1)
        Loaner = self.env["aftersales.loaner"]
        domain = [("id", "in", loans.ids)] + Loaner._overdue_to_remind_domain()
        Loaner._cron_aftersales_overdue_loaners(batch_size=1)
        self.assertEqual(Loaner.search_count(domain), 1, "one batch of one")
        Loaner._cron_aftersales_overdue_loaners(batch_size=1)
        self.assertEqual(Loaner.search_count(domain), 0)
        self.assertEqual(len(loans.activity_ids), 2)

    def test_access(self):
        loan = self._loan()
        with self.assertRaises(AccessError):
            loan.with_user(self.user_accountant).read(["name"])
        with self.assertRaises(AccessError):
            loan.with_user(self.user_clerk).unlink()
        loan.with_user(self.user_manager).unlink()


@tagged("post_install", "-at_install")
class TestAftersalesLoanerOwed(AftersalesLoanerCommon):
    """The desk's rules: a loaner after 4 hours, a spare car after 5 days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_open = cls.env["helpdesk.ticket.stage"].create(
            {"name": "Test open", "sequence": -10}
        )
        cls.stage_closed = cls.env["helpdesk.ticket.stage"].create(
            {"name": "Test closed", "sequence": -9, "closed": True}
        )
        car_category = cls.env["product.category"].create({"name": "Test family cars"})
        cls.car = cls.env["product.product"].create(
            {
                "name": "Test car",
                "categ_id": car_category.id,
                "is_storable": True,
                "tracking": "serial",
            }
        )
        preset = cls.env.ref("aftersales_service.aftersales_warranty_policy_family_car_2021")
        preset.copy(
            {
                "code": "test_loaner_car",
                "name": preset.name,
                "company_id": cls.company.id,
                "product_category_ids": [Command.set(car_category.ids)],
            }
        )
        cls.car_unit = cls.env["stock.lot"].create(
            {
                "name": "VIN-TEST-0001",
                "product_id": cls.car.id,
                "customer_id": cls.customer.id,
                "sale_date": fields.Date.to_date("2026-01-05"),
            }
        )

    def _request(self, reported_at, lot=None, **vals):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "Does not work",
                "description": "Broken",
                "partner_id": self.customer.id,
                "lot_id": (lot or self.unit_in_warranty).id,
                "request_type": "repair",
                "stage_id": self.stage_open.id,
                "user_id": self.user_clerk.id,
                "reported_at": reported_at,
                **vals,
            }
        )

    def _owed(self, tickets):
        return self.env["helpdesk.ticket"].search(
            [("id", "in", tickets.ids), ("aftersales_loaner_owed", "=", True)]
        )

    @freeze_time(NOW)
    def test_a_loaner_is_owed_after_4_hours(self):
        early = self._request(NOW - timedelta(hours=3, minutes=59))
        late = self._request(NOW - timedelta(hours=4, minutes=1))
        self.assertFalse(early.aftersales_loaner_owed, "3 h 59: not yet")
        self.assertFalse(early.aftersales_loaner_warning)
        self.assertTrue(late.aftersales_loaner_owed, "4 h 01: owed")
        self.assertEqual(
            late.aftersales_loaner_warning,
            "This repair is not done within 4 hours: offer the customer a loaner or a free "
            "equivalent.",
        )
        self.assertEqual(self._owed(early | late), late, "the Loaner Owed filter")
        not_owed = self.env["helpdesk.ticket"].search(
            [("id", "in", (early | late).ids), ("aftersales_loaner_owed", "=", False)]
        )
        self.assertEqual(not_owed, early)
        view = self.env.ref("aftersales_service.helpdesk_ticket_view_search_loaner")
        self.assertIn("[('aftersales_loaner_owed', '=', True)]", view.arch)

        self._loan(ticket=late)
        late.invalidate_recordset()
        self.assertFalse(late.aftersales_loaner_owed, "with a loan: not owed")
        self.assertFalse(self._owed(late))

    @freeze_time(NOW)
    def test_the_hours_come_from_the_setting(self):
        self.company.aftersales_loaner_hours = 2
        ticket = self._request(NOW - timedelta(hours=2, minutes=1))
        self.assertTrue(ticket.aftersales_loaner_owed)
        self.assertIn("not done within 2 hours", ticket.aftersales_loaner_warning)
        self.assertEqual(self._owed(ticket), ticket)

    @freeze_time(NOW)
    def test_only_open_repair_requests_owe_a_loaner(self):
        reported = NOW - timedelta(hours=10)
        closed = self._request(reported, stage_id=self.stage_closed.id)
        enquiry = self._request(reported, request_type="enquiry")
        self.assertFalse(closed.aftersales_loaner_owed)
        self.assertFalse(enquiry.aftersales_loaner_owed)
        self.assertFalse(self._owed(closed | enquiry))

    @freeze_time(NOW)
    def test_a_family_car_owes_a_spare_car_after_5_days(self):
        self.assertEqual(self.car_unit.warranty_policy_id.usage_uom, "km")
        early = self._request(NOW - timedelta(days=4, hours=23), lot=self.car_unit)
        late = self._request(NOW - timedelta(days=5, hours=1), lot=self.car_unit)
        self.assertFalse(early.aftersales_loaner_owed, "a car: the 4 hours do not apply")
        self.assertTrue(late.aftersales_loaner_owed)
        self.assertEqual(
            late.aftersales_loaner_warning,
            "This repair is not done within 5 days: offer the customer a spare car or a "
            "transport allowance.",
        )
        self.assertEqual(self._owed(early | late), late)
        heater = self._request(NOW - timedelta(days=4, hours=23))
        self.assertEqual(self._owed(early | heater), heater, "a heater: the 4 hours apply")

    @freeze_time(NOW)
    def test_whole_flow_from_a_request(self):
        """The clerk's day: a repair reported 5 hours ago shows the banner; Lend a Loaner
        opens a new loan of the request, the unit goes out; the repair done, it comes back."""
        ticket = self._request(NOW - timedelta(hours=5))
        self.assertTrue(ticket.aftersales_loaner_owed)
        action = ticket.with_user(self.user_clerk).action_lend_loaner()
        self.assertEqual(action["res_model"], "aftersales.loaner")
        with Form(
            self.env["aftersales.loaner"]
            .with_user(self.user_clerk)
            .with_context(**action["context"])
        ) as form:
            self.assertEqual(form.ticket_id, ticket)
            self.assertEqual(form.partner_id, self.customer)
            self.assertEqual(form.pool_location_id, self.pool)
            form.lot_id = self.loaner_2
        loan = form.record
        self.assertIn(
            self.loaner_2,
            self.env["stock.lot"].search(
                [
                    ("product_id.tracking", "=", "serial"),
                    (
                        "quant_ids",
                        "any",
                        [("location_id", "=", self.pool.id), ("quantity", ">", 0)],
                    ),
                ]
            ),
            "the unit's domain offers the pool's units",
        )
        loan.action_lend()
        ticket.invalidate_recordset()
        self.assertFalse(ticket.aftersales_loaner_owed)
        self.assertEqual(ticket.loaner_count, 1)
        listed = ticket.action_view_loaners()
        self.assertEqual(self.env["aftersales.loaner"].search(listed["domain"]), loan)
        self.assertEqual(self.loaner_2.location_id, self.customers)

        ticket.stage_id = self.stage_closed
        loan.action_take_back()
        ticket.invalidate_recordset()
        self.assertFalse(ticket.aftersales_loaner_owed, "closed: nothing owed")
        self.assertEqual(self.loaner_2.location_id, self.pool)
        self.assertEqual(loan.state, "returned")
        with self.assertRaisesRegex(UserError, r"is closed: reopen it first\.$"):
            ticket.action_lend_loaner()


@tagged("post_install", "-at_install")
class TestAftersalesTransportAllowance(AftersalesClaimCommon):
    """A family car's customer without a spare car gets a transport allowance: a claim
    line of its own, priced by hand, that passes the claim checks."""

    def test_a_transport_allowance_is_claimed(self):
        claim = self._create_claim()
        line = self._add_line(
            claim, line_type="allowance", name="Taxi, 3 days", quantity=3.0, price_unit=80.0
        )
        self.assertEqual(line.price_unit, 80.0, "priced by hand")
        self.assertEqual(line.amount_claimed, 240.0)
        self.assertFalse(line.old_part_required)
        self.assertEqual(claim.amount_claimed, 30.0 + 40.0 + 20.0 + 240.0)
        types = dict(line._fields["line_type"]._description_selection(self.env))
        self.assertEqual(types["allowance"], "Transport Allowance")
        claim.with_user(self.user_clerk).action_submit()
        results = {result.rule_id.code: result for result in claim.current_check_ids}
        self.assertEqual({r.outcome for r in results.values()}, {"pass"})
        self.assertEqual(claim.state, "waiting_parts")
        self.assertEqual(line.price_unit, 80.0, "frozen at submission")

    def test_an_allowance_keeps_the_promise_of_the_request(self):
        stage_open = self.env["helpdesk.ticket.stage"].create(
            {"name": "Test open", "sequence": -10}
        )
        claim = self._create_claim()
        ticket = claim.ticket_id
        ticket.write(
            {"stage_id": stage_open.id, "reported_at": fields.Datetime.now() - timedelta(hours=6)}
        )
        owed = [("id", "=", ticket.id), ("aftersales_loaner_owed", "=", True)]
        self.assertTrue(ticket.aftersales_loaner_owed)
        self.assertTrue(self.env["helpdesk.ticket"].search(owed))
        self._add_line(claim, line_type="allowance", name="Bus tickets", price_unit=30.0)
        ticket.invalidate_recordset()
        self.assertFalse(ticket.aftersales_loaner_owed)
        self.assertFalse(self.env["helpdesk.ticket"].search(owed))


@tagged("post_install", "-at_install")
class TestAftersalesLoanerDemo(AftersalesCommon):
    """The demo: two loaner heaters in the pool, one lent on the leaking heater's repair."""

    def test_demo_loaner_lent_on_a_running_repair(self):
        loan = self.env.ref("aftersales_service.aftersales_loaner_01_demo", False)
        if not loan:
            self.skipTest("installed without demo data")
        pool = self.env.company._aftersales_warehouse().aftersales_loaner_location_id
        self.assertEqual(loan.state, "lent")
        self.assertEqual(loan.lend_picking_id.state, "done")
        self.assertEqual(loan.lot_id.location_id, self.env.ref("stock.stock_location_customers"))
        other = self.env.ref("aftersales_service.stock_lot_loaner_02_demo")
        self.assertEqual(other.location_id, pool)
        ticket = loan.ticket_id
        self.assertFalse(ticket.stage_id.closed, "a running repair")
        self.assertEqual(ticket.loaner_count, 1)
        self.assertFalse(ticket.aftersales_loaner_owed)
