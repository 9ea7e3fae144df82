# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestAftersalesDemo(AftersalesCommon):
    """The demo company is a Chinese one: what its users read is Chinese, and the
    settings its paid jobs use are filled in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env.ref("aftersales_service.aftersales_service_job_01_demo", False)
        cls.paid_job = cls.env.ref("aftersales_service.aftersales_service_job_02_demo", False)

    def setUp(self):
        super().setUp()
        if not self.job:
            self.skipTest("installed without demo data")

    def test_demo_chatter_and_activities_are_in_chinese(self):
        jobs = self.env["aftersales.service.job"].search([])
        bodies = " ".join(str(body) for body in jobs.message_ids.mapped("body"))
        self.assertNotIn("Service Job", bodies)
        summaries = self.env["mail.activity"].search([("res_model", "=", "aftersales.service.job")])
        self.assertTrue(summaries)
        self.assertNotIn("Call the customer back", summaries.mapped("summary"))
        self.assertIn("回访客户", summaries.mapped("summary"))

    def test_demo_state_changes_are_logged_in_chinese(self):
        """A tracked selection keeps the label of the language it was written in: a
        demo step written without the Chinese context logged 草稿 → 已结算 as Draft →
        Settled in every demo claim's chatter."""
        values = self.env["mail.tracking.value"].search(
            [("field_id.model", "like", "aftersales."), ("field_id.ttype", "=", "selection")]
        )
        self.assertIn("已结算", values.mapped("new_value_char"))
        latin = values.filtered(
            lambda value: any(
                label[:1].isascii()
                for label in (value.old_value_char, value.new_value_char)
                if label
            )
        )
        self.assertFalse(
            [(value.field_id.name, value.old_value_char, value.new_value_char) for value in latin]
        )

    def test_paid_job_settings_are_filled_in_and_invoiced_in_chinese(self):
        company = self.env.company
        self.assertTrue(company.aftersales_fee_pricelist_id)
        self.assertTrue(company.aftersales_labour_product_id)
        self.assertTrue(company.aftersales_travel_product_id)
        lines = self.paid_job.invoice_id.invoice_line_ids
        self.assertIn("[AS-LABOUR] 工时", lines.mapped("name"))

    def test_demo_names_time_and_places_in_chinese(self):
        chinese = self.env["res.lang"]._lang_get("zh_CN")
        self.assertEqual(chinese.date_format, "%Y-%m-%d")
        self.assertEqual(chinese.time_format, "%H:%M:%S")
        self.assertEqual(self.env.company.resource_calendar_id.name, "标准工时 每周 40 小时")
        customers = self.env.ref("stock.stock_location_customers")
        self.assertEqual(customers.complete_name, "往来单位/客户")

    def test_the_paid_request_is_solved_by_its_completed_job(self):
        self.assertEqual(self.paid_job.state, "done")
        self.assertTrue(self.paid_job.ticket_id.stage_id.closed)

    def test_each_demo_user_opens_odoo_on_its_work(self):
        desk = self.env.ref("aftersales_service.aftersales_desk_action")
        for role, action in (
            ("clerk", desk),
            ("technician", desk),
            ("manager", desk),
            ("warehouse", self.env.ref("aftersales_service.aftersales_spare_part_action")),
            ("accountant", self.env.ref("aftersales_service.aftersales_dealer_invoice_action")),
        ):
            with self.subTest(role=role):
                user = self.env.ref(f"aftersales_service.user_{role}_demo")
                self.assertEqual(user.action_id.id, action.id)

    def test_the_demo_claim_was_returned_for_its_missing_repair_record(self):
        claim = self.job.claim_ids
        self.assertEqual(claim.state, "returned")
        failed = claim.current_check_ids.filtered(lambda result: result.outcome != "pass")
        self.assertEqual(failed.rule_id.code, "job_done")
        self.assertEqual(
            claim.line_ids.filtered("old_part_required").product_id.default_code, "P-HEAT-2000"
        )

    def test_a_demo_campaign_and_a_pre_authorisation_waiting_for_the_manager(self):
        campaign = self.env.ref("aftersales_service.aftersales_campaign_thermostat_demo")
        self.assertEqual(campaign.unit_count, 2)
        self.assertTrue(campaign._is_open_on(fields.Date.context_today(campaign)))
        preauth = self.env.ref("aftersales_service.aftersales_preauthorisation_01_demo")
        self.assertEqual(preauth.state, "requested")
        self.assertEqual(preauth.claim_type_id.kind, "goodwill")

    def _demo_claim(self, name):
        return self.env.ref(f"aftersales_service.aftersales_claim_{name}_demo")

    def test_demo_claims_in_every_state_before_settlement(self):
        states = {
            name: self._demo_claim(name).state
            for name in (
                "draft",
                "cancelled",
                "returned",
                "rejected",
                "waiting_parts",
                "appraisal",
                "review",
                "approved",
            )
        }
        self.assertEqual(
            states,
            {
                "draft": "draft",
                "cancelled": "cancel",
                "returned": "returned",
                "rejected": "rejected",
                "waiting_parts": "waiting_parts",
                "appraisal": "appraisal",
                "review": "appraisal",
                "approved": "approved",
            },
        )
        returned = self._demo_claim("returned")
        self.assertEqual(
            returned.current_check_ids.filtered(lambda r: r.outcome != "pass").rule_id.code,
            "registration_card",
        )
        review = self._demo_claim("review")
        self.assertEqual(review.pending_review_count, 1)

    def test_demo_manifest_received_with_a_missing_part(self):
        claim = self._demo_claim("appraisal")
        tank = self.env.ref("aftersales_service.aftersales_claim_appraisal_tank_demo")
        element = self.env.ref("aftersales_service.aftersales_claim_appraisal_element_demo")
        self.assertEqual(tank.old_part_state, "received")
        self.assertEqual(element.old_part_state, "missing")
        manifest = claim.old_part_picking_ids
        self.assertEqual(manifest.state, "done")
        self.assertFalse(self.env["stock.picking"].search([("backorder_id", "=", manifest.id)]))
        to_appraise = self.env.company._aftersales_warehouse().aftersales_to_appraise_location_id
        self.assertEqual(
            self.env["stock.quant"]._get_available_quantity(tank.product_id, to_appraise), 1
        )
        waiting = self._demo_claim("waiting_parts").old_part_picking_ids
        self.assertEqual(waiting.state, "assigned")
        self.assertEqual(waiting.partner_id, self._demo_claim("waiting_parts").service_point_id)

    def test_demo_claim_approved_in_part_by_the_technician(self):
        claim = self._demo_claim("approved")
        travel = self.env.ref("aftersales_service.aftersales_claim_approved_travel_demo")
        self.assertEqual(travel.appraisal, "partial")
        self.assertEqual(travel.amount_claimed, 90.0)
        self.assertEqual(travel.amount_approved, 45.0)
        self.assertEqual(claim.amount_approved, claim.amount_claimed - 45.0)
        self.assertTrue(claim.repair_record)

    def test_demo_old_part_store_reconciles(self):
        action = self.env["aftersales.old.part.reconciliation"].action_open()
        rows = self.env["aftersales.old.part.reconciliation.line"].search(action["domain"])
        tank = self.env.ref("aftersales_service.aftersales_claim_appraisal_tank_demo")
        row = rows.filtered(lambda row: row.product_id == tank.product_id)
        self.assertEqual((row.booked_qty, row.on_hand_qty, row.labelled_qty), (1, 1, 1))
        self.assertFalse(row.is_difference)

    def test_a_unit_opens_its_claims(self):
        unit = self.env.ref("aftersales_service.stock_lot_heater_07_demo")
        self.assertEqual(unit.aftersales_claim_count, 2)
        action = unit.action_view_aftersales_claims()
        claims = self.env["aftersales.claim"].search(action["domain"])
        self.assertEqual(set(claims.mapped("state")), {"waiting_parts", "cancel"})

    def test_demo_month_of_settlements(self):
        settlements = self.env["aftersales.claim.settlement"].search([])
        by_point = {}
        for settlement in settlements:  # the newest period of each point
            by_point.setdefault(settlement.partner_id, settlement)
        hangzhou = by_point[self.env.ref("aftersales_service.partner_point_hangzhou_demo")]
        suzhou = by_point[self.env.ref("aftersales_service.partner_point_suzhou_demo")]
        ningbo = by_point[self.env.ref("aftersales_service.partner_point_ningbo_demo")]
        self.assertEqual(hangzhou.state, "reconciled")
        overdue = self.env.ref("aftersales_service.account_move_hangzhou_overdue_demo")
        due = self.env.ref("aftersales_service.account_move_hangzhou_due_demo")
        self.assertEqual(overdue.payment_state, "paid", "the oldest invoice is cleared first")
        self.assertEqual(due.amount_residual, due.amount_total - (hangzhou.amount_total - 90))
        self.assertEqual(suzhou.state, "notified")
        self.assertTrue(suzhou.message_ids.attachment_ids, "the notice PDF went to the dealer")
        self.assertEqual(ningbo.mode, "bill")
        self.assertEqual(ningbo.move_id.move_type, "in_invoice")
        self.assertEqual(ningbo.move_id.ref, "NB-FP-2026-0117")
        self.assertEqual(ningbo.move_id.amount_total, ningbo.amount_total)

    def test_demo_portal_points_have_money_of_their_own(self):
        """The portal logins hangzhou and ningbo each find last month's settlement to
        confirm and a deduction on their deposit."""
        for xmlid in ("partner_point_hangzhou_demo", "partner_point_ningbo_demo"):
            point = self.env.ref(f"aftersales_service.{xmlid}")
            settlements = self.env["aftersales.claim.settlement"].search(
                [("partner_id", "=", point.id)]
            )
            self.assertIn("notified", settlements.mapped("state"), xmlid)
            moves = self.env["aftersales.deposit.move"].search(
                [("partner_id", "=", point.id), ("state", "=", "posted")]
            )
            self.assertEqual(set(moves.mapped("move_type")), {"topup", "deduction"}, xmlid)

    def test_demo_supplier_recovery_booked_with_its_refund_and_return(self):
        supplier = self.env.ref("aftersales_service.partner_supplier_element_demo")
        recovery = self.env["aftersales.supplier.recovery"].search(
            [("partner_id", "=", supplier.id)]
        )
        self.assertEqual(recovery.state, "booked")
        element = self.env.ref("aftersales_service.aftersales_claim_supplier_element_demo")
        self.assertEqual(recovery.line_ids.claim_line_id, element)
        line = recovery.line_ids
        self.assertEqual(line.part_amount, element.amount_approved * 1.2)
        self.assertEqual(line.fee_amount, 20)
        self.assertEqual(recovery.refund_id.move_type, "in_refund")
        self.assertEqual(recovery.refund_id.state, "posted")
        self.assertEqual(recovery.refund_id.amount_total, recovery.amount_total)
        warehouse = self.env.company._aftersales_warehouse()
        picking = recovery.picking_id
        self.assertEqual(picking.location_id, warehouse.aftersales_to_supplier_location_id)
        self.assertEqual(picking.partner_id, supplier)
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(supplier.aftersales_recovery_rate, 100)

    def test_demo_deposits_of_every_kind(self):
        deposits = self.env["aftersales.deposit.account"].search([])
        dealers = self.env["res.partner"].search(
            [
                ("is_company", "=", True),
                "|",
                ("is_service_point", "=", True),
                ("is_dealer", "=", True),
            ]
        )
        self.assertEqual(deposits.partner_id, dealers, "every demo dealer holds a deposit")
        account = self.env.company.aftersales_deposit_account_id
        for deposit in deposits:
            lines = self.env["account.move.line"].search(
                [
                    ("account_id", "=", account.id),
                    ("partner_id", "=", deposit.partner_id.id),
                    ("parent_state", "=", "posted"),
                ]
            )
            self.assertEqual(deposit.balance, -sum(lines.mapped("balance")))
        movements = self.env["aftersales.deposit.move"].search(
            [("state", "in", ("posted", "reversed"))]
        )
        self.assertEqual(
            set(movements.mapped("move_type")), {"topup", "deduction", "refund", "reversal"}
        )
        self.assertTrue(movements.filtered("rule_id.breach"), "deductions from real breaches")
        appeals = self.env["aftersales.deposit.appeal"].search([])
        self.assertEqual(sorted(appeals.mapped("state")), ["open", "upheld"])
        ningbo = self.env.ref("aftersales_service.partner_point_ningbo_demo")
        short = deposits.filtered(lambda deposit: deposit.shortfall > 0)
        self.assertIn(ningbo, short.partner_id)

    def test_demo_exchange_done_and_refund_waiting_for_the_manager(self):
        exchange = self.env.ref("aftersales_service.aftersales_unit_return_exchange_demo")
        self.assertEqual(exchange.state, "done")
        self.assertEqual(exchange.disposition_state, "in_progress")
        self.assertEqual(exchange.replacement_lot_id.replaces_lot_id, exchange.lot_id)
        warehouse = self.env.company._aftersales_warehouse()
        quant = exchange.lot_id.quant_ids.filtered(lambda quant: quant.quantity > 0)
        self.assertEqual(quant.location_id, warehouse.aftersales_returned_location_id)
        refund = self.env.ref("aftersales_service.aftersales_unit_return_refund_demo")
        self.assertEqual(refund.state, "to_approve")
        self.assertEqual(refund.refund_amount, 3280.0)  # within the 7 days: the full price
        self.assertTrue(
            refund.activity_ids.user_id.has_group("aftersales_service.group_aftersales_manager")
        )
        self.assertIn("审批退换机单", refund.activity_ids.summary)
        self.assertEqual(exchange.ticket_id.unit_return_ids, exchange)
        self.assertEqual(refund.ticket_id.request_type, "return")
