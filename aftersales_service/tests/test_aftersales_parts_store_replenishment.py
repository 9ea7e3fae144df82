# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_job import SIGNATURE
from .common_parts_store import AftersalesPartsStoreCommon


@tagged("post_install", "-at_install")
class TestAftersalesPartsStoreReplenishment(AftersalesPartsStoreCommon):
    """Safety stock: a service point's reordering rule sees its jobs' planned parts and is
    filled from 新件库 by 网点补货, which the point signs on delivery."""

    def _point_orderpoint(self, minimum, maximum, **vals):
        return (
            self.env["stock.warehouse.orderpoint"]
            .with_user(self.user_warehouse)
            .create(
                {
                    "product_id": self.element.id,
                    "location_id": self.point_location.id,
                    "product_min_qty": minimum,
                    "product_max_qty": maximum,
                    "trigger": "manual",
                    **vals,
                }
            )
        )

    def _dispatched_job(self, quantity):
        job = self._create_job(self.unit_in_warranty)
        job.write(
            {
                "part_ids": [
                    (0, 0, {"product_id": self.element.id, "quantity": quantity}),
                ]
            }
        )
        job.action_dispatch()
        return job

    def test_job_parts_are_demand_on_the_point(self):
        """Planned on a dispatched job, a part is a confirmed move out of the point's
        location; cancelled with the job; the same move leaves stock on completion."""
        job = self._create_job(self.unit_in_warranty)
        job.write({"part_ids": [(0, 0, {"product_id": self.element.id, "quantity": 2})]})
        self.assertFalse(job.part_ids.move_ids, "a job to dispatch is no demand yet")
        job.action_dispatch()
        move = job.part_ids.move_ids
        self.assertEqual(move.state, "assigned" if move.quantity else "confirmed")
        self.assertEqual(move.location_id, self.point_location)
        self.assertEqual(move.product_uom_qty, 2)
        self.assertEqual(
            self.element.with_context(location=self.point_location.id).virtual_available, 3
        )
        job.part_ids.quantity = 4
        self.assertEqual(move.product_uom_qty, 4)
        job.action_cancel()
        self.assertEqual(move.state, "cancel")
        self.assertEqual(
            self.element.with_context(location=self.point_location.id).virtual_available, 5
        )

    def test_completed_job_consumes_its_demand_move(self):
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job, quantity=2)
        demand = job.part_ids.move_ids
        self.assertEqual(len(demand), 1)
        job.action_complete()
        self.assertEqual(job.part_ids.move_ids, demand)
        self.assertEqual(demand.state, "done")
        self.assertEqual(self._point_stock(self.element), 3)

    def test_point_rule_proposes_the_quantity_to_max(self):
        """5 on hand, a job needs 3: forecast 2, below the minimum 4, so the rule proposes
        10 - 2 = 8 by 网点补货 from 新件库."""
        orderpoint = self._point_orderpoint(4, 10)
        self.assertEqual(orderpoint.route_id, self.warehouse.aftersales_parts_route_id)
        self.assertEqual(orderpoint.qty_to_order, 0, "5 on hand is above the minimum 4")
        self._dispatched_job(3)
        orderpoint.invalidate_recordset()
        self.assertEqual(orderpoint.qty_on_hand, 5)
        self.assertEqual(orderpoint.qty_forecast, 2)
        self.assertEqual(orderpoint.qty_to_order, 8)
        self.assertEqual(
            orderpoint.rule_ids.picking_type_id, self.warehouse.aftersales_point_supply_type_id
        )

    def test_replenishment_signed_by_the_point_on_delivery(self):
        """The warehouse replenishes the point from 新件库: the transfer is addressed to the
        point, cannot be validated unsigned, and once signed brings the parts."""
        self._receive(self.element, 20, 30.0)
        orderpoint = self._point_orderpoint(4, 10)
        self._dispatched_job(3)
        orderpoint.with_user(self.user_warehouse).action_replenish()
        picking = self.env["stock.picking"].search(
            [("location_dest_id", "=", self.point_location.id), ("state", "!=", "cancel")]
        )
        self.assertEqual(len(picking), 1)
        self.assertEqual(picking.picking_type_id, self.warehouse.aftersales_point_supply_type_id)
        self.assertEqual(picking.location_id, self.store)
        self.assertEqual(picking.partner_id, self.point)
        self.assertEqual(picking.move_ids.product_uom_qty, 8)
        picking = picking.with_user(self.user_warehouse)
        picking.action_assign()
        picking.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "signs .* on delivery"):
            picking.button_validate()
        picking.signature = SIGNATURE
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(self._point_stock(self.element), 13)
        self.assertEqual(self.element.with_context(location=self.store.id).qty_available, 12)

    def test_store_rule_buys(self):
        """The store's own rule is filled by purchase (采购计划): its rule is a buy rule
        into 新件库 through 新件入库."""
        orderpoint = (
            self.env["stock.warehouse.orderpoint"]
            .with_user(self.user_warehouse)
            .create(
                {
                    "product_id": self.valve.id,
                    "location_id": self.store.id,
                    "product_min_qty": 10,
                    "product_max_qty": 30,
                    "trigger": "manual",
                }
            )
        )
        self.assertEqual(orderpoint.route_id, self.warehouse.aftersales_parts_route_id)
        self.assertEqual(orderpoint.rule_ids.action, "buy")
        self.assertEqual(
            orderpoint.rule_ids.picking_type_id, self.warehouse.aftersales_new_parts_receipt_type_id
        )
        self.assertEqual(orderpoint.qty_to_order, 30)

    def test_point_buttons_show_stock_and_use(self):
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job, quantity=2)
        job.action_complete()
        point = self.point.with_user(self.user_warehouse)
        self.assertEqual(point.aftersales_point_stock_count, 1)
        self.assertEqual(point.aftersales_point_used_count, 1)
        quants = self.env["stock.quant"].search(
            point.action_view_aftersales_point_stock()["domain"]
        )
        self.assertEqual(quants.quantity, 3)
        moves = self.env["stock.move"].search(point.action_view_aftersales_point_used()["domain"])
        self.assertEqual(moves.aftersales_job_id, job)
        self.assertEqual(moves.quantity, 2)
