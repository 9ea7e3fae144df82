# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_job import SIGNATURE, AftersalesJobCommon


@tagged("post_install", "-at_install")
class TestAftersalesMenus(AftersalesJobCommon):
    """Each menu of the app shows what its name says: after-sales records, not the rest
    of the company's data."""

    def _records(self, action_xmlid, user=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(action_xmlid)
        domain = safe_eval(action.get("domain") or "[]", {"uid": (user or self.env.user).id})
        return self.env[action["res_model"]].with_user(user or self.user_clerk).search(domain)

    def test_spare_parts_are_the_parts_not_every_product(self):
        self.element.aftersales_is_spare_part = True
        parts = self._records("aftersales_service.aftersales_spare_part_action")
        self.assertIn(self.element.product_tmpl_id, parts)
        self.assertNotIn(self.heater.product_tmpl_id, parts, "a heater is a unit, not a part")
        labour = self.env.ref("aftersales_service.product_service_labour").product_tmpl_id
        self.assertNotIn(labour, parts)

    def test_customers_are_neither_users_nor_the_network(self):
        customers = self._records("aftersales_service.aftersales_customer_action")
        self.assertIn(self.customer, customers)
        self.assertNotIn(self.user_clerk.partner_id, customers, "an internal user")
        self.assertNotIn(self.technician, customers)
        self.assertNotIn(self.point, customers)

    def test_dealer_invoices_are_the_dealers_and_paid_jobs_have_their_own(self):
        dealer = self.env["res.partner"].create(
            {"name": "Test dealer", "is_company": True, "is_dealer": True}
        )
        moves = self.env["account.move"]
        dealer_invoice, consumer_invoice = moves.create(
            [
                {"move_type": "out_invoice", "partner_id": partner.id}
                for partner in (dealer, self.customer)
            ]
        )
        dealer_invoices = self._records(
            "aftersales_service.aftersales_dealer_invoice_action", self.user_accountant
        )
        self.assertIn(dealer_invoice, dealer_invoices)
        self.assertNotIn(consumer_invoice, dealer_invoices)

        job = self._create_job(self.unit_expired)
        self._work_on_site(job)
        job.signature = SIGNATURE
        job.action_complete()
        service_invoices = self._records(
            "aftersales_service.aftersales_service_invoice_action", self.user_accountant
        )
        self.assertEqual(job.invoice_id & service_invoices, job.invoice_id)
        self.assertNotIn(consumer_invoice, service_invoices)

    def test_transfers_are_those_of_the_service_points(self):
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        issue, other = self.env["stock.picking"].create(
            [
                {
                    "picking_type_id": warehouse.int_type_id.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": destination.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": self.element.name,
                                "product_id": self.element.id,
                                "product_uom_qty": 1,
                                "location_id": warehouse.lot_stock_id.id,
                                "location_dest_id": destination.id,
                            }
                        )
                    ],
                }
                for destination in (
                    self.point_location,
                    self.env.ref("stock.stock_location_customers"),
                )
            ]
        )
        transfers = self._records(
            "aftersales_service.aftersales_transfer_action", self.user_warehouse
        )
        self.assertIn(issue, transfers)
        self.assertNotIn(other, transfers)

    def test_parts_moves_show_what_a_job_took_from_the_point(self):
        job = self._create_job(self.unit_in_warranty)
        self._work_on_site(job)
        job.action_complete()
        moves = self._records(
            "aftersales_service.aftersales_stock_move_action", self.user_warehouse
        )
        self.assertEqual(
            moves.filtered(lambda line: line.move_id.aftersales_job_id == job).quantity, 1
        )

    def test_policy_list_groups_do_not_add_up_periods(self):
        policies = self.env["aftersales.warranty.policy"]
        for fname in ("sanbao_months", "repair_months", "refund_days", "exchange_days"):
            with self.subTest(field=fname):
                self.assertFalse(policies._fields[fname].aggregator)
        search = self.env.ref("aftersales_service.aftersales_warranty_policy_view_search")
        self.assertNotIn("'group_by': 'code'", search.arch, "grouped by category, not by code")
        self.assertIn("'group_by': 'product_category_ids'", search.arch)
