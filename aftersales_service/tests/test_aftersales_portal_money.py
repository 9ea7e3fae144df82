# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common_portal import AftersalesPortalCommon

#: a 1×1 PNG: what the signature pad sends
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kg"
    "AAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class TestAftersalesPortalMoney(AftersalesPortalCommon):
    """The dealer confirms or disputes its settlement notice and appeals a deduction
    through the models' ``_portal_*`` methods, as its portal user."""

    def setUp(self):
        super().setUp()
        self.mine = self._plant_money(self.point)
        self.theirs = self._plant_money(self.point_b)

    # ------------------------------------------------------------------
    # Settlements
    # ------------------------------------------------------------------

    def test_confirm_own_notice_with_name_and_signature(self):
        settlement = self.mine["settlement"]
        settlement.with_user(self.portal_a)._portal_confirm("王经理", SIGNATURE)
        self.assertEqual(settlement.state, "confirmed")
        self.assertEqual(settlement.confirmed_by, "王经理")
        self.assertEqual(
            settlement.confirmed_on, fields.Date.context_today(settlement.with_user(self.portal_a))
        )
        self.assertEqual(settlement.confirmation, SIGNATURE.encode())
        message = settlement.message_ids[:1]
        self.assertEqual(message.author_id, self.portal_a.partner_id)
        self.assertIn("王经理", str(message.body))

    def test_confirm_another_dealers_notice_is_refused(self):
        settlement = self.theirs["settlement"]
        with self.assertRaises(AccessError):
            settlement.with_user(self.portal_a)._portal_confirm("王经理", SIGNATURE)
        self.assertEqual(settlement.state, "notified")
        self.assertFalse(settlement.confirmed_by)

    def test_confirm_needs_a_name_a_signature_and_a_notified_notice(self):
        settlement = self.mine["settlement"]
        as_dealer = settlement.with_user(self.portal_a)
        with self.assertRaisesRegex(UserError, "name"):
            as_dealer._portal_confirm("  ", SIGNATURE)
        with self.assertRaisesRegex(UserError, "Sign"):
            as_dealer._portal_confirm("王经理", "")
        with self.assertRaisesRegex(UserError, "Sign"):
            as_dealer._portal_confirm("王经理", base64.b64encode(PDF).decode())
        self.assertEqual(settlement.state, "notified")
        as_dealer._portal_confirm("王经理", SIGNATURE)
        with self.assertRaisesRegex(UserError, "cannot be confirmed"):
            as_dealer._portal_confirm("李会计", SIGNATURE)
        self.assertEqual(settlement.confirmed_by, "王经理", "nothing written on error")

    def test_dispute_keeps_the_notice_notified_for_the_accountant(self):
        settlement = self.mine["settlement"]
        settlement.with_user(self.portal_a)._portal_dispute("索赔单 金额少算 50 元")
        self.assertEqual(settlement.state, "notified", "it stays notified")
        self.assertTrue(settlement.is_disputed)
        self.assertEqual(settlement.dispute_note, "索赔单 金额少算 50 元")
        activity = settlement.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertTrue(
            activity.user_id.has_group("aftersales_service.group_aftersales_accountant")
        )
        self.assertEqual(settlement.message_ids[:1].author_id, self.portal_a.partner_id)
        # once answered the dealer confirms it after all: no longer disputed
        settlement.with_user(self.portal_a)._portal_confirm("王经理", SIGNATURE)
        self.assertEqual(settlement.state, "confirmed")
        self.assertFalse(settlement.is_disputed)

    def test_dispute_refused_without_note_other_dealer_or_once_confirmed(self):
        settlement = self.mine["settlement"]
        with self.assertRaisesRegex(UserError, "wrong"):
            settlement.with_user(self.portal_a)._portal_dispute("")
        with self.assertRaises(AccessError):
            self.theirs["settlement"].with_user(self.portal_a)._portal_dispute("x")
        self.assertFalse(self.theirs["settlement"].is_disputed)
        settlement.with_user(self.portal_a)._portal_confirm("王经理", SIGNATURE)
        with self.assertRaisesRegex(UserError, "cannot be disputed"):
            settlement.with_user(self.portal_a)._portal_dispute("晚了")
        self.assertFalse(settlement.is_disputed)
        self.assertFalse(settlement.activity_ids)

    # ------------------------------------------------------------------
    # Deductions
    # ------------------------------------------------------------------

    def test_appeal_own_deduction_with_grounds_and_evidence(self):
        deduction = self.mine["deduction"]
        appeal = deduction.with_user(self.portal_a)._portal_appeal(
            "用户改约, 有通话录音", [("录音.pdf", PDF, "application/pdf")]
        )
        self.assertEqual(appeal.state, "open")
        self.assertEqual(appeal.grounds, "用户改约, 有通话录音")
        self.assertEqual(appeal.attachment_ids.mapped("name"), ["录音.pdf"])
        self.assertEqual(deduction.appeal_state, "open")
        self.assertTrue(appeal.activity_ids, "the manager reviews it")
        self.assertEqual(appeal.message_ids[:1].author_id, self.portal_a.partner_id)
        self.assertFalse(deduction.with_user(self.portal_a)._portal_can_appeal())
        self.assertEqual(appeal.with_user(self.portal_a).grounds, "用户改约, 有通话录音")

    def test_appeal_another_dealers_deduction_is_refused(self):
        deduction = self.theirs["deduction"]
        with self.assertRaises(AccessError):
            deduction.with_user(self.portal_a)._portal_appeal("x")
        self.assertFalse(deduction.appeal_ids)

    def test_appeal_after_the_deadline_is_refused(self):
        deduction = self.mine["deduction"]
        days = self.env.company.aftersales_appeal_days
        today = fields.Date.context_today(deduction.with_user(self.portal_a))  # the dealer's day
        deduction.posted_on = today - timedelta(days=days + 1)
        self.assertFalse(deduction.with_user(self.portal_a)._portal_can_appeal())
        with self.assertRaisesRegex(UserError, "can no longer be appealed"):
            deduction.with_user(self.portal_a)._portal_appeal("晚了")
        self.assertFalse(deduction.appeal_ids, "nothing written on error")
        deduction.posted_on = today - timedelta(days=days)
        self.assertTrue(deduction.with_user(self.portal_a)._portal_appeal("最后一天").id)

    def test_one_open_appeal_grounds_and_posted_deductions_only(self):
        appealed = self.mine["appealed"]
        with self.assertRaisesRegex(UserError, "already under appeal"):
            appealed.with_user(self.portal_a)._portal_appeal("再次申诉")
        self.assertEqual(len(appealed.appeal_ids), 1)
        with self.assertRaisesRegex(UserError, "grounds"):
            self.mine["deduction"].with_user(self.portal_a)._portal_appeal(" ")
        with self.assertRaisesRegex(UserError, "Only a posted deduction"):
            self.mine["topup"].with_user(self.portal_a)._portal_appeal("充值")
        self.assertFalse(self.mine["deduction"].appeal_ids | self.mine["topup"].appeal_ids)

    def test_the_dealer_reads_only_its_own_money(self):
        Settlement = self.env["aftersales.claim.settlement"].with_user(self.portal_a)
        self.assertEqual(Settlement.search([]), self.mine["settlement"])
        Move = self.env["aftersales.deposit.move"].with_user(self.portal_a)
        self.assertEqual(
            set(Move.search([]).ids),
            {self.mine[key].id for key in ("topup", "deduction", "appealed")},
        )
        deposit = self.env["aftersales.deposit.account"].with_user(self.portal_a).search([])
        self.assertEqual(deposit.partner_id, self.point)
        self.assertEqual(deposit.balance, 4500)


class TestAftersalesPortalPartsOrder(AftersalesPortalCommon):
    """The dealer places its parts order on the portal, as a quotation of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.part = cls.env["product.product"].create(
            {
                "name": "Thermostat TS-20",
                "default_code": "TS-20",
                "type": "consu",
                "sale_ok": True,
                "list_price": 150.0,
                "categ_id": cls.env.ref("aftersales_service.product_category_parts_wear").id,
            }
        )
        cls.not_a_part = cls.env["product.product"].create(
            {"name": "Heater 2000", "type": "consu", "sale_ok": True, "list_price": 999.0}
        )
        cls.Order = cls.env["sale.order"]

    def test_place_own_parts_order(self):
        order = self.Order.with_user(self.portal_a)._portal_create_parts_order(
            {str(self.part.id): "3"}, urgent=True, note="尽快发货"
        )
        self.assertEqual(order.partner_id, self.point)
        self.assertEqual(order.state, "draft", "a quotation for the company to confirm")
        self.assertTrue(order.aftersales_is_parts_order)
        self.assertTrue(order.aftersales_urgent)
        self.assertEqual(order.order_line.product_id, self.part)
        self.assertEqual(order.order_line.product_uom_qty, 3)
        self.assertEqual(order.message_ids[:1].author_id, self.portal_a.partner_id)
        mine = self.Order.with_user(self.portal_a).search(
            [("aftersales_is_parts_order", "=", True)]
        )
        self.assertEqual(mine, order, "the dealer reads its order")
        theirs = self.Order.with_user(self.portal_b).search([("id", "=", order.id)])
        self.assertFalse(theirs, "another dealer does not")

    def test_the_dealer_reads_the_parts_orders_the_company_entered_for_it(self):
        entered = self.Order.with_user(self.user_clerk).create(
            {
                "partner_id": self.point.id,
                "order_line": [(0, 0, {"product_id": self.part.id, "product_uom_qty": 2})],
            }
        )
        self.assertTrue(entered.aftersales_is_parts_order)
        self.assertNotIn(self.point, entered.message_partner_ids, "the dealer follows nothing")
        as_dealer = self.Order.with_user(self.portal_a)
        self.assertEqual(as_dealer.search([("id", "=", entered.id)]), entered)
        self.assertEqual(
            entered.order_line.with_user(self.portal_a).read(["product_uom_qty"])[0][
                "product_uom_qty"
            ],
            2,
        )
        self.assertFalse(self.Order.with_user(self.portal_b).search([("id", "=", entered.id)]))
        with self.assertRaises(AccessError):
            entered.with_user(self.portal_a).write({"note": "changed"})

    def test_only_catalogue_parts_and_real_quantities(self):
        as_dealer = self.Order.with_user(self.portal_a)
        count = self.Order.search_count([])
        with self.assertRaisesRegex(UserError, "cannot be ordered"):
            as_dealer._portal_create_parts_order({self.not_a_part.id: 1})
        with self.assertRaisesRegex(UserError, "at least one part"):
            as_dealer._portal_create_parts_order({self.part.id: "0"})
        with self.assertRaisesRegex(UserError, "negative"):
            as_dealer._portal_create_parts_order({self.part.id: "-2"})
        with self.assertRaisesRegex(UserError, "number"):
            as_dealer._portal_create_parts_order({self.part.id: "abc"})
        self.assertEqual(self.Order.search_count([]), count, "nothing created on error")

    def test_the_catalogue_says_what_the_new_part_store_can_ship(self):
        stocked, elsewhere, none = self.env["product.product"].create(
            [
                {
                    "name": name,
                    "is_storable": True,
                    "sale_ok": True,
                    "categ_id": self.part.categ_id.id,
                }
                for name in (
                    "Stocked part",
                    "Part in the reusable old-part store",
                    "Part never stocked",
                )
            ]
        )
        warehouse = self.env.company._aftersales_warehouse()
        Quant = self.env["stock.quant"]
        Quant._update_available_quantity(stocked, warehouse.aftersales_new_parts_location_id, 5)
        Quant._update_available_quantity(elsewhere, warehouse.aftersales_reusable_location_id, 5)
        parts = stocked | elsewhere | none
        self.assertEqual(
            self.Order.with_user(self.portal_a)._portal_parts_in_stock(parts),
            {stocked.id: True, elsewhere.id: False, none.id: False},
        )

    def test_a_portal_user_of_no_dealer_is_refused(self):
        customer = self.env["res.partner"].create({"name": "Private customer"})
        user = self._portal_user(customer, "aftersales-portal-customer")
        with self.assertRaises(AccessError):
            self.Order.with_user(user)._portal_create_parts_order({self.part.id: 1})
