# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from .common_job import SIGNATURE, AftersalesJobCommon


class TestAftersalesPartsProfitJobs(AftersalesJobCommon):
    """售后配件月利润表 for the parts a paid job used: the job's invoice is the sale, the
    part's FIFO cost out of the service point's stock is its cost."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        wear = cls.env.ref("aftersales_service.product_category_parts_wear")
        cls.gasket = cls.env["product.product"].create(
            {
                "name": "Test door gasket",
                "is_storable": True,
                "categ_id": wear.id,
                "list_price": 80.0,
                "taxes_id": [Command.clear()],
            }
        )
        # two receipts at the point: the first used is the 30.00 one
        for cost in (30.0, 45.0):
            move = cls.env["stock.move"].create(
                {
                    "name": cls.gasket.display_name,
                    "product_id": cls.gasket.id,
                    "product_uom": cls.gasket.uom_id.id,
                    "product_uom_qty": 1,
                    "price_unit": cost,
                    "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                    "location_dest_id": cls.point_location.id,
                }
            )
            move._action_confirm()
            move.quantity = 1
            move.picked = True
            move._action_done()

    def test_a_paid_job_part_counts_its_fifo_cost(self):
        job = self._create_job(self.unit_expired)
        job.action_dispatch()
        job.action_accept()
        job.action_check_in()
        job.write(
            {
                "part_ids": [Command.create({"product_id": self.gasket.id, "quantity": 1})],
                "signature": SIGNATURE,
                "signed_by": "Test customer",
                "resolution": "Replaced the door gasket",
            }
        )
        job.action_complete()
        self.assertEqual(job.invoice_id.state, "posted")
        [(partner, quantity, sales, cost, margin)] = (
            self.env["aftersales.parts.profit.report"]
            .with_user(self.user_accountant)
            ._read_group(
                [("product_id", "=", self.gasket.id)],
                ["partner_id"],
                ["quantity:sum", "sales_amount:sum", "cost_amount:sum", "margin:sum"],
            )
        )
        self.assertEqual(partner, self.customer)
        self.assertEqual(quantity, 1)
        self.assertAlmostEqual(sales, 80.0, places=2)
        self.assertAlmostEqual(cost, 30.0, places=2)
        self.assertAlmostEqual(margin, 50.0, places=2)
