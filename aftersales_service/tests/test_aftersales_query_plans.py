# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hottest queries of the crons and reports can use an index on the big tables.

A test database is small, so PostgreSQL would scan every table whatever its indexes; with
sequential scans priced out (``enable_seqscan = off``) a plan still reads a whole table (a
sequential scan, or an index walked without a condition) only when no index serves the
condition, which is what this test looks for.
"""

import json

from odoo import fields

from ..models.helpdesk_ticket_sla import SLA_BREACH_BATCH
from .common import AftersalesCommon

#: the tables that reach hundreds of thousands of rows at a national manufacturer
BIG_TABLES = {
    "helpdesk_ticket",
    "aftersales_service_job",
    "aftersales_claim",
    "aftersales_claim_line",
    "stock_lot",
    "aftersales_unit_repair",
    "aftersales_deposit_move",
}


class TestAftersalesQueryPlans(AftersalesCommon):
    def _scanned_tables(self, records_or_query):
        query = records_or_query
        sql = query.select()
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        try:
            self.env.cr.execute(b"EXPLAIN (FORMAT JSON) " + sql.code.encode(), sql.params)
            [(plan,)] = self.env.cr.fetchall()
        finally:
            self.env.cr.execute("SET LOCAL enable_seqscan = on")
        plan = plan if isinstance(plan, list) else json.loads(plan)
        scanned = set()

        def walk(node):
            # a whole-index walk without a condition reads every row as a scan does
            whole_index = node.get("Node Type") in ("Index Scan", "Index Only Scan") and (
                "Index Cond" not in node
            )
            if node.get("Node Type") == "Seq Scan" or whole_index:
                scanned.add(node["Relation Name"])
            for child in node.get("Plans", []):
                walk(child)

        walk(plan[0]["Plan"])
        return scanned & BIG_TABLES

    def _assert_indexed(self, model, domain, what, **search):
        query = self.env[model]._search(domain, **search)
        self.assertFalse(self._scanned_tables(query), f"{what}: {query.select().code}")

    def test_the_crons_find_their_records_by_an_index(self):
        now = fields.Datetime.now()
        today = fields.Date.today()
        Ticket = self.env["helpdesk.ticket"]
        self._assert_indexed(
            "helpdesk.ticket",
            Ticket._aftersales_sla_breach_domain(now),
            "SLA breach cron (one batch, as process_batch reads it)",
            order="id",
            limit=SLA_BREACH_BATCH,
        )
        Claim = self.env["aftersales.claim"]
        self._assert_indexed(
            "aftersales.claim", Claim._overdue_old_parts_domain(), "overdue old parts cron"
        )
        Settlement = self.env["aftersales.claim.settlement"]
        self._assert_indexed(
            "aftersales.claim",
            Settlement._claims_to_settle_domain(self.env.company, today, today),
            "monthly settlement",
        )
        self._assert_indexed(
            "aftersales.service.job",
            [("service_point_id", "=", 1), ("state", "in", ("dispatched", "accepted"))],
            "a service point's open jobs (desk, portal)",
        )
        self._assert_indexed("stock.lot", [("name", "=", "SN-1")], "a unit by its serial")
        self._assert_indexed(
            "aftersales.unit.repair", [("lot_id", "in", [1, 2])], "a unit's repair history"
        )
        self._assert_indexed(
            "aftersales.claim",
            [("lot_id", "=", 1), ("state", "not in", ("cancel", "rejected"))],
            "a unit's live claims (duplicate check)",
        )
        self._assert_indexed(
            "aftersales.deposit.move",
            [("partner_id", "=", 1), ("state", "=", "posted")],
            "a dealer's deposit movements",
        )

    def test_the_quality_scan_reads_its_window_by_an_index(self):
        rule = self.env["aftersales.quality.rule"].new(
            {"name": "x", "window": "month", "company_id": self.env.company.id}
        )
        self._assert_indexed(
            "aftersales.claim", rule._claim_domain(fields.Date.today()), "quality warning scan"
        )

    def test_the_probe_sees_a_scan(self):
        query = self.env["aftersales.claim"]._search([("repair_record_name", "=", "x")])
        self.assertEqual(self._scanned_tables(query), {"aftersales_claim"})
