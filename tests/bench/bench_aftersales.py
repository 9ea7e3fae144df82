# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the addon's hot paths (``make bench``): a report, not a test.

Run inside Odoo with ``odoo-bin shell`` and this file on stdin (``env`` is given by
the shell). Everything is created in the shell's transaction and rolled back at the
end. Prints one table (what, count, seconds, per second, queries) and OK / SLOW
against the targets below; a SLOW line does not change the exit code, only a crash
does.
"""

import bisect
import json
import os
import random
import resource
import time
from datetime import timedelta

from odoo import Command, fields

from odoo.addons.aftersales_service.models.res_partner_kpi import KPI_FIELDS

# ----------------------------------------------------------------------
# Sizes and targets
# ----------------------------------------------------------------------
UNITS = 2000  # serial units under the household 三包 preset
SINGLE_UNITS = 100  # units decided one by one
CUSTOMERS = 2000  # customers with a region, for the service-point finder
POINTS = 20  # service points
TICKETS = 5000  # service requests of those points
JOBS = 2000  # service jobs of those requests
CITIES, COUNTIES_PER_CITY = 10, 10

# what -> (kind, threshold): "rate" = at least so many per second,
# "seconds" = at most so many seconds.
TARGETS = {
    "entitlement batch": ("rate", 5000.0),
    "entitlement single": ("rate", 200.0),  # at most 5 ms a decision
    "service-point finder": ("rate", 2000.0),
    "KPI compute (20 points)": ("seconds", 2.0),
}

# Set-up only: no chatter messages or tracking values for thousands of records.
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


# ----------------------------------------------------------------------
# Measuring
# ----------------------------------------------------------------------
ROWS = []


def measure(env, what, count, function):
    """Run ``function`` on a cold cache; record time and queries; return its result."""
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = function()
    env.flush_all()
    seconds = time.perf_counter() - start
    ROWS.append((what, count, seconds, env.cr.sql_log_count - queries))
    return result


def verdict(what, count, seconds):
    kind, threshold = TARGETS.get(what, (None, None))
    if kind == "rate":
        ok = count / seconds >= threshold if seconds else True
        return f"{'OK' if ok else 'SLOW'} (>= {threshold:,.0f}/s)"
    if kind == "seconds":
        ok = seconds < threshold
        return f"{'OK' if ok else 'SLOW'} (< {threshold:g} s)"
    return "(no target)"


def odoo_floor():
    """{what: seconds per record} of the same creates in Odoo without the addon
    (bench_floor.py, same run), or {} when it was not measured."""
    path = os.environ.get("AFTERSALES_BENCH_FLOOR")
    if not path or not os.path.exists(path):
        return {}
    with open(path) as floor:
        return json.load(floor)


def print_report(setup_seconds):
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    floor = odoo_floor()
    header = (
        f"{'what':<26} {'count':>6} {'seconds':>8} {'per second':>11} {'queries':>8} "
        f"{'Odoo floor/s':>13}  target"
    )
    print()
    print(header)
    print("-" * (len(header) + 16))
    for what, count, seconds, queries in ROWS:
        rate = count / seconds if seconds else float("inf")
        floor_rate = f"{1 / floor[what]:>13,.0f}" if floor.get(what) else f"{'—':>13}"
        print(
            f"{what:<26} {count:>6} {seconds:>8.3f} {rate:>11,.0f} {queries:>8} {floor_rate}  "
            f"{verdict(what, count, seconds)}"
        )
    print("-" * (len(header) + 16))
    print(
        f"other data set-up (not measured): {setup_seconds:.1f} s; "
        f"peak memory (ru_maxrss): {peak_mb:.0f} MB"
    )


# ----------------------------------------------------------------------
# Data set-up
# ----------------------------------------------------------------------
def make_product(env):
    """A serial-tracked heater in its own category, under a copy of the household preset."""
    category = env["product.category"].create({"name": "Bench heaters"})
    product = env["product.product"].create(
        {
            "name": "Bench heater",
            "categ_id": category.id,
            "type": "consu",
            "is_storable": True,
            "tracking": "serial",
        }
    )
    household = env.ref("aftersales_service.aftersales_warranty_policy_household")
    household.copy({"name": "Bench household", "product_category_ids": [Command.set(category.ids)]})
    return product


def make_regions(env):
    """CITIES cities of COUNTIES_PER_CITY counties each; returns (cities, counties)."""
    cities = env["aftersales.region"].create(
        [{"name": f"Bench city {c}", "area_class": "central_city"} for c in range(CITIES)]
    )
    counties = env["aftersales.region"].create(
        [
            {"name": f"Bench county {c}-{k}", "parent_id": city.id}
            for c, city in enumerate(cities)
            for k in range(COUNTIES_PER_CITY)
        ]
    )
    return cities, counties


def make_points(env, rng, cities, counties):
    """POINTS service points: a provincial agent over every city, city agents over
    one city each, the others (third-party, dealer) over a handful of counties, so
    some counties fall back to their city."""
    levels = ["provincial"] + ["city"] * 5 + ["third_party", "dealer"] * ((POINTS - 6) // 2)
    vals = []
    for i, level in enumerate(levels[:POINTS]):
        if level == "provincial":
            regions = cities
        elif level == "city":
            regions = cities[i - 1]
        else:
            regions = counties.browse(rng.sample(counties.ids, 4))
        vals.append(
            {
                "name": f"Bench point {i}",
                "is_company": True,
                "is_service_point": True,
                "network_level": level,
                "service_region_ids": [Command.set(regions.ids)],
            }
        )
    return env["res.partner"].with_context(**QUIET).create(vals)


def make_customers(env, rng, counties):
    return (
        env["res.partner"]
        .with_context(**QUIET)
        .create(
            [
                {"name": f"Bench customer {i}", "region_id": rng.choice(counties.ids)}
                for i in range(CUSTOMERS)
            ]
        )
    )


def make_units(env, rng, product, customers, today):
    """UNITS units sold over the last three years, a third of them with repairs."""
    lots = (
        env["stock.lot"]
        .with_context(**QUIET)
        .create(
            [
                {
                    "name": f"BENCH-{i:05d}",
                    "product_id": product.id,
                    "customer_id": customers[i % len(customers)].id,
                    "sale_date": today - timedelta(days=rng.randint(0, 3 * 365)),
                }
                for i in range(UNITS)
            ]
        )
    )
    repairs = []
    for lot in lots:
        if rng.random() > 1 / 3:
            continue
        day = lot.sale_date
        for _n in range(rng.randint(1, 3)):
            day = day + timedelta(days=rng.randint(1, 120))
            if day >= today:
                break
            end = min(day + timedelta(days=rng.randint(0, 20)), today - timedelta(days=1))
            repairs.append(
                {
                    "lot_id": lot.id,
                    "date_start": day,
                    "date_end": max(end, day),
                    "fault_key": rng.choice(["no-heat", "leak", "noise"]),
                }
            )
            day = max(end, day)
    env["aftersales.unit.repair"].create(repairs)
    return lots


def make_tickets(env, rng, points, customers, now):
    """TICKETS requests reported over the last 400 days (some before the KPI year).
    The SLA outcome (callback / on-site times, breaches) is given in the create
    values instead of going through the callback action and the breach cron:
    the workflow for 5,000 requests would be far too slow for a benchmark."""
    vals = []
    for i in range(TICKETS):
        reported = now - timedelta(minutes=rng.randint(60, 400 * 24 * 60))
        ticket = {
            "name": f"Bench request {i}",
            "description": "<p>Bench</p>",
            "partner_id": rng.choice(customers.ids),
            "service_point_id": points[i % len(points)].id,
            "request_type": rng.choice(["repair"] * 6 + ["installation"] * 3 + ["complaint"]),
            "reported_at": reported,
        }
        if rng.random() < 0.8:
            ticket["callback_done_at"] = min(reported + timedelta(hours=rng.randint(0, 6)), now)
            ticket["callback_breached"] = rng.random() < 0.15
        if rng.random() < 0.6:
            ticket["onsite_done_at"] = min(reported + timedelta(hours=rng.randint(2, 60)), now)
            ticket["onsite_breached"] = rng.random() < 0.2
        vals.append(ticket)
    return env["helpdesk.ticket"].with_context(**QUIET).create(vals)


def make_jobs(env, rng, tickets, lots, now):
    """JOBS jobs of the requests, most of them completed. State, check-out and callback
    answers are set directly (create values, then one write per re-dispatch) instead
    of dispatch / check-in / complete / callback: too slow for 2,000 jobs."""
    # A job's 三包 snapshot is decided on its request's report day: the unit must be
    # sold by then.
    by_sale = lots.sorted("sale_date")
    sale_days = by_sale.mapped("sale_date")
    vals = []
    for i in range(JOBS):
        ticket = tickets[i]
        sold = bisect.bisect_left(sale_days, ticket.reported_at.date())
        state = rng.choice(["done"] * 4 + ["called_back"] * 4 + ["draft", "cancel"])
        lot = by_sale[rng.randrange(max(sold, 1))]
        job = {
            "ticket_id": ticket.id,
            "partner_id": lot.customer_id.id,  # a unit is serviced for its own customer
            "lot_id": lot.id,
            "service_point_id": ticket.service_point_id.id,
            "job_type": rng.choice(["repair"] * 4 + ["installation"]),
            "state": state,
        }
        if state in ("done", "called_back"):
            job["checkout_at"] = min(ticket.reported_at + timedelta(days=rng.randint(0, 5)), now)
        if state == "called_back":
            job.update(
                {
                    "callback_method": "phone",
                    "callback_attitude": str(rng.randint(1, 5)),
                    "callback_quality": str(rng.randint(2, 5)),
                    "callback_resolution": str(rng.randint(3, 5)),
                }
            )
        vals.append(job)
    jobs = env["aftersales.service.job"].with_context(**QUIET).create(vals)
    # One job in twenty was re-dispatched: it loses its first-time fix.
    for job, again in zip(jobs[0:100], jobs[100:200], strict=True):
        again.write({"previous_job_id": job.id})
    return jobs


# ----------------------------------------------------------------------
# The measures
# ----------------------------------------------------------------------
def bench_entitlements(env, lots, today):
    decisions = measure(
        env, "entitlement batch", len(lots), lambda: lots.aftersales_entitlements(today)
    )
    some = lots[:SINGLE_UNITS]
    measure(
        env,
        "entitlement single",
        len(some),
        lambda: [lot.aftersales_entitlement(today) for lot in some],
    )
    counts = {}
    for result in decisions:
        counts[result["decision"]] = counts.get(result["decision"], 0) + 1
    print("entitlement decisions:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


def bench_finder(env, customers):
    found = measure(
        env,
        "service-point finder",
        len(customers),
        lambda: customers._aftersales_find_service_points(),
    )
    covered = sum(1 for point in found.values() if point)
    print(f"service-point finder: {covered} of {len(customers)} customers covered")


def bench_kpis(env, points):
    values = measure(
        env, "KPI compute (20 points)", len(points), lambda: points.read(list(KPI_FIELDS))
    )
    requests = sum(v["kpi_request_count"] for v in values)
    print(f"KPI compute: {requests} requests in the KPI year over {len(points)} points")


# ----------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------
def main(env):
    env = env(context=dict(env.context, lang="en_US"))
    rng = random.Random(20261124)
    today = fields.Date.context_today(env["res.partner"])
    now = fields.Datetime.now().replace(microsecond=0)

    start = time.perf_counter()
    print(
        f"Building the data set: {UNITS} units, {CUSTOMERS} customers, "
        f"{TICKETS} requests, {JOBS} jobs..."
    )
    product = make_product(env)
    cities, counties = make_regions(env)
    points = make_points(env, rng, cities, counties)
    customers = make_customers(env, rng, counties)
    lots = make_units(env, rng, product, customers, today)
    env.flush_all()
    setup_seconds = time.perf_counter() - start
    # Creating requests and jobs is a hot path too (a job decides its unit's 三包 on
    # create): timed, without a target.
    tickets = measure(
        env, "request create", TICKETS, lambda: make_tickets(env, rng, points, customers, now)
    )
    measure(env, "job create (snapshot)", JOBS, lambda: make_jobs(env, rng, tickets, lots, now))

    bench_entitlements(env, lots, today)
    bench_finder(env, customers)
    bench_kpis(env, points)
    print_report(setup_seconds)


try:
    main(env)  # noqa: F821 (given by odoo-bin shell)
finally:
    env.cr.rollback()  # noqa: F821
