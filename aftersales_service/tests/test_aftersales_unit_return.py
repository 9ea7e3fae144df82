# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import html2plaintext

from .common_unit_return import AftersalesUnitReturnCommon
from .warranty_common import d


@tagged("post_install", "-at_install")
class TestRefundAmount(AftersalesUnitReturnCommon):
    def test_household_refund_within_the_window_is_the_full_price(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-03-15"))  # day 5 of 7
        self.assertTrue(order.refund_in_window)
        self.assertEqual(order.refund_deduction, 0.0)
        self.assertEqual(order.refund_amount, 2999.0)
        self.assertIn(
            "Returned within the 7-day refund window: the full price", order.refund_formula
        )
        self.assertEqual(order.entitlement_decision, "refund")

    def test_refund_window_ends_on_its_last_day(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        self.assertTrue(self._order(unit, return_date=d("2026-03-17")).refund_in_window)
        other = self._customer_unit(self.fridge, d("2026-03-10"))
        late = self._order(other, return_date=d("2026-03-18"))
        self.assertFalse(late.refund_in_window)
        self.assertEqual(late.refund_amount, 2975.01)  # 2,999 × 0.1 % × 8 days

    def test_household_refund_in_month_8_less_depreciation_without_repair_days(self):
        unit = self._customer_unit(self.fridge, d("2026-01-10"))
        self._repair(unit, d("2026-03-01"), d("2026-03-10"))  # 10 days in repair
        order = self._order(unit, return_date=d("2026-09-10"), reason="Repaired twice")
        # 243 days from invoice to return, less 10 in repair: 233 days of use
        self.assertEqual(order.refund_repair_days, 10)
        self.assertEqual(order.refund_days_of_use, 233)
        self.assertEqual(order.refund_deduction, 698.77)  # 2,999 × 0.1 % × 233 = 698.767
        self.assertEqual(order.refund_amount, 2300.23)
        self.assertEqual(
            order.refund_formula.splitlines(),
            [
                "Days of use: 09/10/2026 − 01/10/2026 = 243 days, less 10 days in repair "
                "= 233 days",
                "Depreciation: 2,999.00 × 0.1 % × 233 days = 698.77",
                "Refund: 2,999.00 − 698.77 = 2,300.23",
            ],
        )

    def test_car_refund_less_the_reasonable_use_fee(self):
        unit = self._customer_unit(self.car, d("2026-01-10"), usage_reading=12000)
        order = self._order(unit, return_date=d("2026-03-11"), reason="Brake failure")
        self.assertEqual(order.usage_reading, 12000)
        self.assertEqual(order.refund_deduction, 10800.0)  # 150,000 × 12,000 ÷ 1,000 × 0.6 %
        self.assertEqual(order.refund_amount, 139200.0)
        self.assertIn(
            "Reasonable-use fee: 150,000.00 × 12,000 km ÷ 1,000 × 0.6 % = 10,800.00",
            order.refund_formula,
        )

    def test_use_fee_coefficient_stays_in_the_legal_range(self):
        with self.assertRaisesRegex(
            ValidationError, r"the use fee coefficient n must lie between 0.5 % and 0.8 %"
        ):
            self.policy_car.use_fee_rate = 0.9
        self.policy_car.use_fee_rate = 0.8  # the top of the range is allowed

    def test_refund_amount_is_frozen_once_approved(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-03-12"))
        order.action_approve()
        order.price = 1000.0
        self.assertEqual(order.refund_amount, 2999.0)


@tagged("post_install", "-at_install")
class TestUnitReturnFlow(AftersalesUnitReturnCommon):
    def test_exchange_links_the_new_serial_and_restarts_its_period(self):
        old = self._customer_unit(self.fridge, d("2026-03-10"))
        new = self._in_stock(self.fridge)
        order = self._order(
            old, kind="exchange", return_date=d("2026-03-19"), replacement_lot_id=new.id
        )
        self.assertEqual(order.entitlement_decision, "exchange")  # day 9: 15-day window
        order.action_approve()
        self.assertEqual(order.state, "approved")
        self.assertEqual(order.receipt_picking_id.state, "assigned")
        self._receive_and_deliver(order)
        self.assertEqual(order.state, "done")
        self.assertEqual(self._location_of(old), self.warehouse.aftersales_returned_location_id)
        self.assertEqual(order.delivery_picking_id.move_line_ids.lot_id, new)
        self.assertEqual(order.delivery_picking_id.location_dest_id.usage, "customer")
        self.assertEqual(new.replaces_lot_id, old)
        self.assertEqual(old.replaced_by_lot_id, new)
        self.assertEqual(old.aftersales_status, "exchanged")
        self.assertEqual(new.customer_id, self.customer)
        self.assertEqual(new.warranty_start_date, d("2026-03-19"))
        self.assertEqual(new.sanbao_end_date, d("2027-03-19"))
        # the engine answers for the new unit from the exchange day: a fault on day 5
        # after the exchange is in the new unit's refund window
        answer = new.aftersales_entitlement(d("2026-03-24"))
        self.assertEqual(answer["decision"], "refund")
        self.assertEqual(answer["warranty_start"], d("2026-03-19"))
        self.assertFalse(order.credit_note_id)
        self.assertFalse(order.claim_id)

    def test_direct_refund_posts_a_credit_note_for_the_refund(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-03-12"))
        order.action_approve()
        self._receive_and_deliver(order)
        self.assertEqual(order.state, "done")
        self.assertFalse(order.delivery_picking_id)
        self.assertEqual(unit.returned_date, d("2026-03-12"))
        self.assertEqual(unit.aftersales_status, "returned")
        note = order.credit_note_id
        self.assertEqual(note.move_type, "out_refund")
        self.assertEqual(note.state, "posted")
        self.assertEqual(note.partner_id, self.customer)
        self.assertEqual(note.amount_total, 2999.0)

    def test_credit_note_total_is_the_refund_with_taxes_excluded_from_prices(self):
        tax = self.env["account.tax"].create(
            {
                "name": "Test VAT 13 % excluded",
                "amount": 13,
                "price_include_override": "tax_excluded",
            }
        )
        self.fridge.taxes_id = tax
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-03-12"))
        order.action_approve()
        self._receive_and_deliver(order)
        self.assertEqual(order.credit_note_id.amount_total, 2999.0)
        self.assertEqual(order.credit_note_id.invoice_line_ids.tax_ids, tax)

    def test_above_the_limit_only_the_manager_approves(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-03-12"), price=3000.01)
        self.assertTrue(order.needs_manager)
        order.action_approve()  # the clerk asks the manager
        self.assertEqual(order.state, "to_approve")
        activity = order.activity_ids
        self.assertEqual(activity.summary, f"Approve exchange / refund {order.name}")
        with self.assertRaisesRegex(
            AccessError,
            "Only an after-sales manager approves an exchange or refund worth more than",
        ):
            order.action_approve()
        order.with_user(self.user_manager).action_approve()
        self.assertEqual(order.state, "approved")
        self.assertEqual(order.approved_by_id, self.user_manager)
        self.assertFalse(order.activity_ids)

    def test_at_the_limit_the_clerk_approves(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-03-12"), price=3000.0)
        self.assertFalse(order.needs_manager)
        order.action_approve()
        self.assertEqual(order.state, "approved")
        self.assertEqual(order.approved_by_id, self.user_clerk)

    def test_without_entitlement_the_reason_is_required(self):
        unit = self._customer_unit(self.fridge, d("2026-01-10"))
        order = self._order(unit, return_date=d("2026-06-10"))  # a free repair by now
        self.assertEqual(order.entitlement_decision, "free_repair")
        with self.assertRaises(UserError) as error:
            order.action_approve()
        self.assertEqual(
            str(error.exception),
            f"{order.name} cannot be approved yet: the 三包 decision is Free Repair, "
            "write the reason for this order.",
        )
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.picking_ids)
        order.reason = "Goodwill: the customer's third fault"
        order.action_approve()
        self.assertEqual(order.state, "approved")

    def test_an_exchange_needs_a_replacement_in_stock(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, kind="exchange", return_date=d("2026-03-12"))
        with self.assertRaisesRegex(UserError, "choose the replacement unit"):
            order.action_approve()
        order.replacement_lot_id = self._unit(self.fridge, False)
        with self.assertRaisesRegex(
            UserError, f"the replacement unit {order.replacement_lot_id.name} is not in stock"
        ):
            order.action_approve()

    def test_one_open_order_per_unit(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        first = self._order(unit, return_date=d("2026-03-12"))
        with self.assertRaises(ValidationError) as error:
            self._order(unit, return_date=d("2026-03-12"))
        self.assertEqual(
            str(error.exception),
            f"Unit {unit.name} is already on exchange / refund order {first.name}: open that "
            "one, or cancel it first.",
        )
        first.action_cancel()
        self._order(unit, return_date=d("2026-03-12"))

    def test_a_unit_of_another_customer_is_refused(self):
        unit = self._unit(self.fridge, d("2026-03-10"), customer_id=self.dealer.id)
        with self.assertRaisesRegex(ValidationError, f"Unit {unit.name} belongs to Dealer Zhou"):
            self._order(unit)

    def test_cancel_after_the_unit_came_in_is_refused(self):
        old = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(
            old,
            kind="exchange",
            return_date=d("2026-03-12"),
            replacement_lot_id=self._in_stock(self.fridge).id,
        )
        order.action_approve()
        order.with_user(self.user_warehouse).action_receive_unit()
        self.assertEqual(order.state, "approved")  # the replacement is not out yet
        with self.assertRaisesRegex(
            UserError,
            f"Transfer {order.receipt_picking_id.name} is done: return it from Inventory",
        ):
            order.action_cancel()

    def test_cancel_before_the_transfers_cancels_them(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-03-12"))
        order.action_approve()
        order.action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.receipt_picking_id.state, "cancel")

    def test_from_a_request_whose_decision_is_an_exchange(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        with freeze_time("2026-03-20 10:00:00"):
            ticket = self.env["helpdesk.ticket"].create(
                {
                    "name": "Leaks",
                    "description": "Leaks",
                    "partner_id": self.customer.id,
                    "lot_id": unit.id,
                }
            )
            self.assertEqual(ticket.entitlement_decision, "exchange")
            action = ticket.action_aftersales_unit_return()
            order = self.Order.with_context(**action["context"]).create({})
        self.assertEqual(order.kind, "exchange")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.lot_id, unit)
        self.assertEqual(ticket.unit_return_count, 1)
        order.replacement_lot_id = self._in_stock(self.fridge)
        order.return_date = d("2026-03-20")
        order.action_approve()
        self._receive_and_deliver(order)  # the warehouse, who cannot write on the request
        self.assertEqual(order.state, "done")
        note = html2plaintext(ticket.message_ids[0].body)
        self.assertIn(f"Exchange / refund {order.name}", note)
        self.assertIn("is done.", note)


@tagged("post_install", "-at_install")
class TestReturnedUnitDisposition(AftersalesUnitReturnCommon):
    def _returned(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, return_date=d("2026-03-12"))
        order.action_approve()
        self._receive_and_deliver(order)
        return order

    def test_scrapped_unit_leaves_the_store(self):
        order = self._returned()
        self.assertEqual(order.disposition_state, "to_decide")
        with self.assertRaisesRegex(UserError, "choose the disposition of the returned unit"):
            order.action_dispose()
        order.disposition = "scrap"
        order.action_dispose()
        self.assertEqual(order.disposition_scrap_id.state, "done")
        self.assertEqual(order.disposition_state, "done")
        self.assertTrue(self._location_of(order.lot_id).scrap_location)

    def test_refurbished_unit_is_followed_until_its_transfer_is_done(self):
        order = self._returned()
        order.disposition = "refurbish"
        order.action_dispose()
        self.assertEqual(order.disposition_state, "in_progress")
        picking = order.disposition_picking_id
        picking.move_ids.picked = True
        picking.with_user(self.user_warehouse).button_validate()
        self.assertEqual(order.disposition_state, "done")
        self.assertEqual(
            self._location_of(order.lot_id), self.warehouse.aftersales_refurbished_location_id
        )

    def test_returned_to_the_supplier(self):
        order = self._returned()
        order.disposition = "supplier"
        with self.assertRaisesRegex(UserError, "choose the supplier the unit goes back to"):
            order.action_dispose()
        supplier = self.env["res.partner"].create({"name": "Supplier Wu"})
        order.disposition_partner_id = supplier
        order.action_dispose()
        self.assertEqual(order.disposition_picking_id.partner_id, supplier)
        self.assertEqual(order.disposition_picking_id.location_dest_id.usage, "supplier")

    def test_returned_units_list_shows_the_days_in_store(self):
        with freeze_time("2026-03-12 04:00:00"):
            order = self._returned()
        with freeze_time("2026-04-01 04:00:00"):
            order.invalidate_recordset(["age_days"])
            self.assertEqual(order.age_days, 20)
            listed = self.Order.search([("disposition_state", "in", ("to_decide", "in_progress"))])
            self.assertIn(order, listed)


@tagged("post_install", "-at_install")
class TestDealerExchangeOffset(AftersalesUnitReturnCommon):
    """A dealer who exchanged or refunded from its own stock is paid back by a 三包冲账
    claim, settled with its month's claims."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.company.write(
            {"aftersales_settlement_mode": "offset", "aftersales_settlement_tax_id": False}
        )
        cls.company._aftersales_setup_settlement_accounting()
        cls.Settlement = cls.env["aftersales.claim.settlement"]

    def _dealer_order(self, unit, kind, **vals):
        order = self._order(unit, kind=kind, dealer_id=self.dealer.id, **vals)
        order.action_approve()
        order.with_user(self.user_warehouse).action_receive_unit()
        return order

    def test_dealer_exchange_is_settled_in_its_monthly_settlement(self):
        old = self._customer_unit(self.fridge, d("2026-03-10"))
        new = self._unit(self.fridge, False)  # from the dealer's own stock
        with freeze_time("2026-03-19 04:00:00"):
            order = self._dealer_order(
                old, "exchange", return_date=d("2026-03-19"), replacement_lot_id=new.id
            )
        self.assertEqual(order.state, "done")
        self.assertFalse(order.delivery_picking_id)
        self.assertEqual(order.receipt_picking_id.partner_id, self.dealer)
        self.assertEqual(new.replaces_lot_id, old)
        claim = order.claim_id
        self.assertEqual(claim.claim_type_id.kind, "exchange_offset")
        self.assertEqual(claim.service_point_id, self.dealer)
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.amount_approved, 1800.0)  # the unit's cost
        self.assertEqual(claim.approved_date, d("2026-03-19"))
        self.assertFalse(order.credit_note_id)
        settlement = self.Settlement._settle_period(self.company, d("2026-03-01"), d("2026-03-31"))
        self.assertEqual(settlement.partner_id, self.dealer)
        self.assertEqual(settlement.claim_ids, claim)
        self.assertEqual(settlement.amount_total, 1800.0)
        settlement.accounting_date = d("2026-04-05")
        accountant = settlement.with_user(self.user_accountant)
        accountant.action_notify()
        accountant.action_confirm()
        accountant.action_post()
        self.assertEqual(settlement.move_id.state, "posted")
        self.assertEqual(claim.state, "settled")

    def test_dealer_refund_claims_the_refund_it_paid(self):
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._dealer_order(unit, "refund", return_date=d("2026-03-12"))
        self.assertEqual(order.offset_amount, 2999.0)
        self.assertEqual(order.claim_id.amount_approved, 2999.0)
        self.assertIn(f"Refund of unit {unit.name}", order.claim_id.line_ids.name)
        self.assertFalse(order.credit_note_id)  # the dealer refunded the customer

    def test_without_a_三包冲账_claim_type_the_dealer_order_stops_clearly(self):
        self.env["aftersales.claim.type"].search([("kind", "=", "exchange_offset")]).active = False
        unit = self._customer_unit(self.fridge, d("2026-03-10"))
        order = self._order(unit, dealer_id=self.dealer.id, return_date=d("2026-03-12"))
        order.action_approve()
        with self.assertRaises(UserError) as error:
            order.with_user(self.user_warehouse).action_receive_unit()
        self.assertIn("has no claim type of kind 三包冲账", str(error.exception))
        self.assertEqual(order.state, "approved")
        self.assertEqual(order.receipt_picking_id.state, "assigned")
