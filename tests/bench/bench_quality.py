# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the quality reports (``make bench``): a year of claims — 1,000,000 claim
lines (``AFTERSALES_BENCH_FULL=1``; default a tenth: 100,000) over 500,000 units of 20
models sold in the two years before — exported as the monthly 质量信息反馈表 (the year) and
the 千台索赔率 XLSX (every model and month of sale), time and peak Python memory, beside
Odoo's own floor measured in the same run: the same groupings read with ``_read_group``
straight on the claim lines and units, and the same number of rows written by xlsxwriter
in constant-memory mode.

Run inside Odoo with ``odoo-bin shell`` and this file on stdin; everything is rolled back.
The units, claims and lines are inserted with SQL (two lines a claim: labour and a part;
faults, parts, points spread by the row number). A report, not a gate.
"""

import io
import os
import time
import tracemalloc

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import fields

SCALE = float(
    os.environ.get("AFTERSALES_BENCH_QUALITY_SCALE")
    or ("1" if os.environ.get("AFTERSALES_BENCH_FULL") else "0.1")
)
LINES = int(1_000_000 * SCALE)
CLAIMS = LINES // 2
UNITS = CLAIMS
MODELS = 20
TARGET = 2.0  # the report at most twice the floor
ROWS = []


def measure(env, what, count, function):
    env.flush_all()
    env.invalidate_all()
    tracemalloc.start()
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ROWS.append((what, count, seconds, peak / 2**20))
    return result


def build(env):
    company = env.company
    uid = env.uid
    today = fields.Date.context_today(env.user)
    category = env["product.category"].create({"name": "Bench quality appliances"})
    models = env["product.product"].create(
        [
            {
                "name": f"Bench quality model {i:02d}",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": category.id,
            }
            for i in range(MODELS)
        ]
    )
    faults = env["aftersales.fault.code"].create(
        [
            {"name": f"Bench fault {i}", "code": f"BQ-{i}", "product_category_id": category.id}
            for i in range(30)
        ]
    )
    parts = env["product.product"].create([{"name": f"Bench part {i}"} for i in range(50)])
    points = env["res.partner"].create(
        [
            {"name": f"Bench quality point {i}", "is_company": True, "is_service_point": True}
            for i in range(100)
        ]
    )
    claim_type = env["aftersales.claim.type"].search(
        [("kind", "=", "warranty"), ("company_id", "=", company.id)], limit=1
    )
    start = today - relativedelta(years=2)
    env.cr.execute(
        """INSERT INTO stock_lot (name, product_id, company_id, sale_date, create_uid,
                                  write_uid, create_date, write_date)
           SELECT 'BQ-' || n, (%(models)s::int[])[1 + n %% %(nmodels)s], %(company)s,
                  %(start)s::date + (n %% 365), %(uid)s, %(uid)s, now(), now()
             FROM generate_series(1, %(units)s) n""",
        {
            "models": models.ids,
            "nmodels": MODELS,
            "company": company.id,
            "start": start,
            "uid": uid,
            "units": UNITS,
        },
    )
    env.cr.execute(
        """INSERT INTO aftersales_claim (name, company_id, claim_type_id, service_point_id,
                   lot_id, product_tmpl_id, fault_code_id, state, version, repair_start,
                   create_uid, write_uid, create_date, write_date)
           SELECT 'BQC-' || lot.id, %(company)s, %(type)s,
                  (%(points)s::int[])[1 + lot.id %% 100], lot.id, product.product_tmpl_id,
                  (%(faults)s::int[])[1 + (lot.id * 7) %% 30], 'settled', 1,
                  %(today)s::date - (lot.id %% 365), %(uid)s, %(uid)s, now(), now()
             FROM stock_lot lot JOIN product_product product ON product.id = lot.product_id
            WHERE lot.name LIKE 'BQ-%%'""",
        {
            "company": company.id,
            "type": claim_type.id,
            "points": points.ids,
            "faults": faults.ids,
            "today": today,
            "uid": uid,
        },
    )
    env.cr.execute(
        """INSERT INTO aftersales_claim_line (claim_id, company_id, sequence, line_type,
                   product_id, part_role, quantity, price_unit, amount_claimed,
                   amount_approved, create_uid, write_uid, create_date, write_date)
           SELECT claim.id, claim.company_id, kind.sequence, kind.line_type,
                  CASE WHEN kind.line_type = 'part'
                       THEN (%(parts)s::int[])[1 + claim.id %% 50] END,
                  CASE WHEN kind.line_type = 'part' THEN 'causal' END,
                  1, kind.price, kind.price, kind.price, %(uid)s, %(uid)s, now(), now()
             FROM aftersales_claim claim
            CROSS JOIN (VALUES (10, 'labour', 60.0), (20, 'part', 40.0))
                  AS kind(sequence, line_type, price)
            WHERE claim.name LIKE 'BQC-%%'""",
        {"parts": parts.ids, "uid": uid},
    )
    env.invalidate_all()
    return models


def floor_feedback(env, date_from, date_to):
    """The same groupings, on the claim lines' own table, and the rows written."""
    Line = env["aftersales.claim.line"]
    domain = [
        ("claim_id.repair_start", ">=", date_from),
        ("claim_id.repair_start", "<=", date_to),
        ("claim_id.state", "=", "settled"),
    ]
    groupings = [
        ["claim_id"],  # per claim: what the analysis counts once
        ["product_id"],
        ["company_id"],
    ]
    rows = 0
    for groupby in groupings[1:]:
        rows += len(Line._read_group(domain, groupby, ["amount_approved:sum", "quantity:sum"]))
    rows += len(
        env["aftersales.claim"]._read_group(
            [("repair_start", ">=", date_from), ("repair_start", "<=", date_to)],
            ["product_tmpl_id", "fault_code_id"],
            ["__count"],
        )
    )
    rows += len(
        env["aftersales.claim"]._read_group(
            [("repair_start", ">=", date_from), ("repair_start", "<=", date_to)],
            ["service_point_id"],
            ["__count"],
        )
    )
    return write_rows(rows, 6)


def floor_rates(env):
    groups = env["stock.lot"]._read_group(
        [("sale_date", "!=", False)], ["product_id", "sale_date:month"], ["__count"]
    )
    return write_rows(len(groups), 9)


def write_rows(count, columns):
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True})
    sheet = workbook.add_worksheet()
    for row in range(count):
        for column in range(columns):
            sheet.write_number(row, column, row + column)
    workbook.close()
    return len(buffer.getvalue())


def main(env):
    today = fields.Date.context_today(env.user)
    date_from, date_to = today - relativedelta(years=1), today
    try:
        start = time.perf_counter()
        build(env)
        print(
            f"data: {UNITS:,} units, {CLAIMS:,} claims, {LINES:,} lines in "
            f"{time.perf_counter() - start:.1f} s"
        )
        feedback = env["aftersales.quality.feedback"].create(
            {"date_from": date_from, "date_to": date_to}
        )
        Report = env["ir.actions.report"]
        measure(
            env,
            "floor: feedback groupings + rows",
            LINES,
            lambda: floor_feedback(env, date_from, date_to),
        )
        measure(
            env,
            "质量信息反馈表 XLSX (a year)",
            LINES,
            lambda: Report._render_xlsx(
                "aftersales_service.aftersales_quality_feedback_xlsx", feedback.ids, None
            ),
        )
        rates = env["aftersales.claim.rate"].search([])
        measure(env, "floor: units by model and month + rows", UNITS, lambda: floor_rates(env))
        measure(
            env,
            "千台索赔率 XLSX (every model and month)",
            UNITS,
            lambda: Report._render_xlsx(
                "aftersales_service.aftersales_claim_rate_xlsx", rates.ids, None
            ),
        )
    finally:
        env.cr.rollback()
    print()
    print(f"| what | over | seconds | peak MiB (Python) | vs floor (target ≤ {TARGET}×) |")
    print("|---|---|---|---|---|")
    for index, (what, count, seconds, peak) in enumerate(ROWS):
        ratio = ""
        if index % 2:
            floor = ROWS[index - 1][2]
            verdict = "OK" if seconds <= TARGET * floor else "SLOW"
            ratio = f"{seconds / floor:.2f}× {verdict}"
        print(f"| {what} | {count:,} | {seconds:.2f} | {peak:.1f} | {ratio} |")


main(env)  # noqa: F821 - odoo-bin shell's environment
