# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the claim volume paths (``make bench``, after ``bench_aftersales.py``):
1,000 then 10,000 三包 claims submitted in one call each (every check rule in one batch),
then the old parts of those waiting for them (9,800) put into return manifests (one per
service point, one call) and received (one validation per manifest).

Run inside Odoo with ``odoo-bin shell`` and this file on stdin, like
``bench_aftersales.py``; everything is rolled back. ``AFTERSALES_BENCH_SCALE`` (default 1)
shrinks the sizes while developing. Odoo's floor of the same work comes from
``bench_floor.py`` (``AFTERSALES_BENCH_FLOOR``). A report, not a gate.

The claims are made directly (batched ``create``, quiet context), not from 10,000 service
jobs: building the jobs would take longer than what is measured. Without a job, the
"job completed" check asks only for the signed repair record.
"""

import base64
import json
import os
import random
import resource
import time
from datetime import timedelta

from odoo import Command, fields

SCALE = float(os.environ.get("AFTERSALES_BENCH_SCALE", "1"))
CLAIMS = int(10000 * SCALE)  # submitted in one call
SMALL = CLAIMS // 10  # submitted first in one call: queries per claim must not grow
POINTS = 20  # service points, one return manifest each
FAIL_EVERY = 10  # one claim in ten of the big batch fails a check
# The failures, in turn: what the claim lacks and the check it fails.
FAILURES = ["late card", "labour over norm", "out of 三包", "no repair record", "duplicate"]

# what -> (kind, threshold), as in bench_aftersales.py. Submission: 100 claims/s is
# 10,000 claims (a month of a large network) in under two minutes, and stays far above
# the clerks' pace; receipt: 200 parts/s is a store's day of returns in seconds; the
# queries of a submission stay the same per claim whatever the batch ("q/row" of the
# small and the big batch; checked in the report).
TARGETS = {
    "claim submit": ("rate", 100.0),
    "claim submit (small batch)": ("rate", 100.0),
    "old-part returns create": ("rate", 200.0),
    "old-part receipt": ("rate", 200.0),
}

QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
REPAIR_RECORD = base64.b64encode(b"%PDF-1.4 bench signed repair record")

ROWS = []


def measure(env, what, count, function):
    """Run ``function`` on a cold cache; record time and queries; return its result."""
    env.flush_all()
    env.invalidate_all()
    profiler = None
    if os.environ.get("AFTERSALES_BENCH_PROFILE") == what:  # developing: pip install pyinstrument
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = function()
    env.cr.precommit.run()  # the tracking messages, written at commit
    env.flush_all()
    seconds = time.perf_counter() - start
    if profiler:
        profiler.stop()
        print(profiler.output_text(show_all=False, short_mode=False))
    ROWS.append((what, count, seconds, env.cr.sql_log_count - queries))
    return result


def print_report(setup_seconds):
    path = os.environ.get("AFTERSALES_BENCH_FLOOR")
    floor = json.load(open(path)) if path and os.path.exists(path) else {}
    header = (
        f"{'what':<27} {'count':>6} {'seconds':>8} {'per second':>11} {'queries':>8} "
        f"{'q/row':>6} {'Odoo floor/s':>13}  target"
    )
    print()
    print(header)
    print("-" * (len(header) + 16))
    for what, count, seconds, queries in ROWS:
        rate = count / seconds if seconds else float("inf")
        floor_rate = f"{1 / floor[what]:>13,.0f}" if floor.get(what) else f"{'—':>13}"
        kind, threshold = TARGETS.get(what, (None, None))
        target = "(no target)"
        if kind == "rate":
            target = f"{'OK' if rate >= threshold else 'SLOW'} (>= {threshold:,.0f}/s)"
        print(
            f"{what:<27} {count:>6} {seconds:>8.3f} {rate:>11,.0f} {queries:>8} "
            f"{queries / count:>6.1f} {floor_rate}  {target}"
        )
    print("-" * (len(header) + 16))
    per_claim = {what: queries / count for what, count, _s, queries in ROWS}
    small, big = per_claim["claim submit (small batch)"], per_claim["claim submit"]
    print(
        f"queries per claim at submission: {small:.1f} ({SMALL} claims), {big:.1f} "
        f"({CLAIMS} claims): {'OK, constant' if big <= small * 1.1 else 'GROWS'}"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"claim data set-up (not measured): {setup_seconds:.1f} s; peak memory {peak_mb:.0f} MB")


# ----------------------------------------------------------------------
# Data set-up
# ----------------------------------------------------------------------
def make_catalogue(env):
    """A serial heater under a copy of the household preset, its fault (0.5 h norm) and
    a heating element whose old part comes back."""
    category = env["product.category"].create({"name": "Bench claim heaters"})
    heater = env["product.product"].create(
        {
            "name": "Bench claim heater",
            "categ_id": category.id,
            "type": "consu",
            "is_storable": True,
            "tracking": "serial",
        }
    )
    household = env.ref("aftersales_service.aftersales_warranty_policy_household")
    household.copy(
        {"name": "Bench claim household", "product_category_ids": [Command.set(category.ids)]}
    )
    symptom = env["aftersales.fault.code"].create(
        {"name": "No heating", "code": "BENCH-NH", "product_category_id": category.id}
    )
    fault = env["aftersales.fault.code"].create(
        {
            "name": "Element burnt",
            "code": "BENCH-NH-01",
            "parent_id": symptom.id,
            "labour_hours": 0.5,
            "cause_class": "product_quality",
        }
    )
    element = env["product.product"].create(
        {
            "name": "Bench heating element",
            "type": "consu",
            "is_storable": True,
            "standard_price": 40.0,
            "aftersales_old_part_required": True,
        }
    )
    return heater, fault, element


def make_units(env, rng, heater, customers, today):
    """SMALL + CLAIMS units: sold 60 to 300 days ago with their registration card in
    time, except the big batch's "late card" and "out of 三包" units."""
    vals = []
    for i in range(SMALL + CLAIMS):
        failure = claim_failure(i - SMALL)
        sold = today - timedelta(days=500 if failure == "out of 三包" else rng.randint(60, 300))
        vals.append(
            {
                "name": f"BENCH-CLAIM-{i:06d}",
                "product_id": heater.id,
                "customer_id": customers[i % len(customers)].id,
                "sale_date": sold,
                "registration_card_date": False if failure == "late card" else sold,
            }
        )
    return env["stock.lot"].with_context(**QUIET).create(vals)


def claim_failure(i):
    """The check claim ``i`` of the big batch fails, or None (negative i: small batch)."""
    if i < 0 or i % FAIL_EVERY:
        return None
    return FAILURES[(i // FAIL_EVERY) % len(FAILURES)]


def make_claims(env, rng, units, points, fault, element, today):
    """Draft claims with labour at the norm, one element (its old part comes back) and
    10 km of travel; the first SMALL are all valid; one in FAIL_EVERY of the others
    fails one check (a "duplicate" repeats a claim of the small batch)."""
    vals = []
    for i, unit in enumerate(units):
        failure = claim_failure(i - SMALL)
        if failure == "duplicate":
            unit = units[(i // FAIL_EVERY) % SMALL]
        start = today - timedelta(days=rng.randint(1, 10))
        vals.append(
            {
                "service_point_id": points[i % len(points)].id,
                "lot_id": unit.id,
                "partner_id": unit.customer_id.id,
                "fault_code_id": fault.id,
                "cause_class": "product_quality",
                "repair_start": start,
                "repair_end": start + timedelta(days=rng.randint(0, 1)),
                "repair_record": False if failure == "no repair record" else REPAIR_RECORD,
                "repair_record_name": "record.pdf",
                "line_ids": [
                    Command.create(
                        {
                            "line_type": "labour",
                            "name": "Labour",
                            "quantity": 1.0 if failure == "labour over norm" else 0.5,
                        }
                    ),
                    Command.create({"line_type": "part", "product_id": element.id}),
                    Command.create({"line_type": "travel", "name": "Travel", "quantity": 10.0}),
                ],
            }
        )
    return env["aftersales.claim"].with_context(**QUIET).create(vals)


# ----------------------------------------------------------------------
# The measures
# ----------------------------------------------------------------------
def bench_submit(env, claims):
    small, big = claims[:SMALL], claims[SMALL:]
    measure(env, "claim submit (small batch)", len(small), small.action_submit)
    measure(env, "claim submit", len(big), big.action_submit)
    counts = {}
    for claim in big:
        counts[claim.state] = counts.get(claim.state, 0) + 1
    print(
        "claim states after submission:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )


def receive(pickings):
    for move in pickings.move_ids:
        move.quantity = move.product_uom_qty
    pickings.move_ids.picked = True
    # One validation per manifest, as the store receives them: Odoo cannot validate
    # 10,000 incoming moves at once (stock.move._trigger_assign ORs one domain per move,
    # PostgreSQL's parser gives up near 10,000).
    for picking in pickings:
        picking.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=picking.ids
        ).button_validate()


def bench_old_parts(env, claims):
    waiting = claims.filtered(lambda claim: claim.state == "waiting_parts")
    lines = waiting.line_ids.filtered("old_part_required")
    action = measure(
        env, "old-part returns create", len(lines), waiting.action_create_old_part_returns
    )
    pickings = env["stock.picking"].search(action["domain"])
    measure(env, "old-part receipt", len(lines), lambda: receive(pickings))
    states = {}
    for line in lines:
        states[line.old_part_state] = states.get(line.old_part_state, 0) + 1
    print(
        f"old parts: {len(pickings)} return manifests; lines "
        + ", ".join(f"{k} {v}" for k, v in sorted(states.items()))
        + f"; claims in appraisal {len(waiting.filtered(lambda c: c.state == 'appraisal'))}"
    )


def main(env):
    env = env(context=dict(env.context, lang="en_US"))
    rng = random.Random(20261202)
    today = fields.Date.context_today(env["res.partner"])
    start = time.perf_counter()
    print(f"Building {SMALL} + {CLAIMS} draft claims over {POINTS} service points...")
    heater, fault, element = make_catalogue(env)
    points = (
        env["res.partner"]
        .with_context(**QUIET)
        .create(
            [
                {"name": f"Bench claim point {i}", "is_company": True, "is_service_point": True}
                for i in range(POINTS)
            ]
        )
    )
    customers = (
        env["res.partner"]
        .with_context(**QUIET)
        .create([{"name": f"Bench claim customer {i}"} for i in range(500)])
    )
    units = make_units(env, rng, heater, customers, today)
    env.flush_all()
    setup_seconds = time.perf_counter() - start
    # Creating the claims (three lines each, priced and decided on create) is timed
    # too, without a target.
    claims = measure(
        env,
        "claim create (3 lines)",
        SMALL + CLAIMS,
        lambda: make_claims(env, rng, units, points, fault, element, today),
    ).with_env(env)  # submitted and received with tracking, as by a user
    bench_submit(env, claims)
    bench_old_parts(env, claims)
    print_report(setup_seconds)


try:
    main(env)  # noqa: F821 (given by odoo-bin shell)
finally:
    env.cr.rollback()  # noqa: F821
