# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark at a national manufacturer's size (``make bench``, issue 15): the crons' and
the 三包 engine's hot paths over 2,000 service points, 200,000 units, 100,000 open service
requests and their 100,000 field jobs, 100,000 claims of 300,000 lines, each figure beside
Odoo's own floor for the same work measured in the same run (a bare indexed ORM search, a
bare search and a plain write), as a ratio, with the query plan PostgreSQL chooses at that
size and the peak memory.

Run inside Odoo with ``odoo-bin shell`` and this file on stdin; everything is rolled back.
The default is a twentieth of the size (a size CI affords: about 10 seconds on the 2-core
machine); ``AFTERSALES_BENCH_FULL=1`` runs the full size (about 2 minutes, 1.5 of them
building the data), ``AFTERSALES_BENCH_SCALE_SCALE`` any other (1 = full). The query plans
are those of the size run: at the default size PostgreSQL reads some small tables whole
where the full size uses an index. A report, not a gate: SLOW lines and sequential scans
do not change the exit code, only a crash does.

The generator: service points, customers, one unit per day of sale (the 三包 policy's
computed dates) and the units' repairs are made with the ORM (quiet context); the other
units are copies of the unit sold the same day, inserted by SQL (``INSERT … SELECT
generate_series``), so their stored 三包 dates are the ORM's. The requests and jobs are
written with ``COPY`` from rows computed here with the addon's own methods: the service
level rule (``_find_rule``), its deadlines and working hours (``_add_working_hours``,
``_working_hours_between``), the 三包 snapshot (``_decide_each``) and the status and next
deadline as ``_compute_sla_status`` sets them; the other columns are those of a request and
a job made by the ORM. A sample is recomputed by the ORM and compared. The claims and their
lines are inserted by SQL with the column choices of ``bench_quality.py`` and
``bench_settlement.py``. Then the big tables are analysed, so the planner sees the bench
size.

The requests were reported over the last three days: a callback is made within half an
hour, a technician is on site before the deadline, 3 % of the clocks are met late; of the
requests past their on-site deadline without a visit, 2 % of all are already flagged breached
(by earlier ticks) and 1 % of all are the "newly overdue" share: flagged too for the usual
tick (nothing to do), unflagged for the second measure. Every open deadline is at least two
hours ahead, so nothing falls due while the bench runs.

The measures and their floors (read-only ones: the median of REPEAT runs, each on a cold
ORM cache after a warm-up call, as a running scheduler has its caches):

1. the SLA breach cron, one scheduler call (``_cron_aftersales_sla_breach``) over the open
   requests: (a) the usual tick, nothing newly overdue, beside a bare indexed ORM search on
   one deadline column with the same limit and order (``onsite_deadline < now``, 200, id),
   target at most twice that; (b) with the newly overdue share (one batch of 200: a note
   and an activity each), beside the same search plus a plain ``write`` of the same
   boolean on the same requests; commit-time work included in both; no target;
2. the 三包 decision of half the units in one batch (at least 5,000 units/s) and of 100
   units one by one (at most 5 ms each);
3. what every other cron searches (its domain, its limit, order id) beside a bare search on
   one indexed column of the same table;

and for each the plan of the query the ORM builds (``EXPLAIN``), a sequential scan or a walk
of a whole index of a big table flagged; the peak memory (ru_maxrss) after the set-up and at
the end.
"""

import contextlib
import io
import json
import os
import random
import resource
import statistics
import time
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tools import SQL

from odoo.addons.aftersales_service.models.aftersales_entitlement import FREE_DECISIONS
from odoo.addons.aftersales_service.models.aftersales_factory_repair import AT_FACTORY_STATES
from odoo.addons.aftersales_service.models.aftersales_sla_rule import SLA_CLOCKS
from odoo.addons.aftersales_service.models.helpdesk_ticket_sla import (
    SLA_BREACH_BATCH,
    TIMED_CLOCKS,
)

# the big tables the plan test checks; a sequential scan on one the generator fills is flagged
from odoo.addons.aftersales_service.tests.test_aftersales_query_plans import BIG_TABLES

GENERATED_BIG_TABLES = BIG_TABLES - {"aftersales_deposit_move"}  # no deposit movements made

# ----------------------------------------------------------------------
# Sizes and targets
# ----------------------------------------------------------------------
SCALE = float(
    os.environ.get("AFTERSALES_BENCH_SCALE_SCALE")
    or ("1" if os.environ.get("AFTERSALES_BENCH_FULL") else "0.05")
)
POINTS = max(int(2000 * SCALE), 20)  # service points
CITIES = max(int(100 * SCALE), 2)  # of 20 counties each
COUNTIES_PER_CITY = 20
UNITS = max(int(200_000 * SCALE), 2000)
CUSTOMERS = UNITS // 10
REPAIRED_EVERY = 10  # one unit in ten was repaired once
SALE_DAYS = 3 * 365  # units sold over the last three years, one ORM unit per day
REQUESTS = max(int(100_000 * SCALE), 1000)  # open, one field job each
CLAIMS = max(int(100_000 * SCALE), 1000)  # three lines each
REPORT_MINUTES = 3 * 24 * 60  # requests reported over the last three days
NEWLY_OVERDUE = REQUESTS // 100  # on-site deadline passed, not flagged yet (second measure)
ALREADY_BREACHED = REQUESTS * 2 // 100  # on-site deadline passed, flagged by earlier ticks
LATE_SHARE = 0.03  # clocks met after their deadline
MARGIN = timedelta(hours=2)  # every open deadline is at least this far ahead
ENTITLEMENT_SLICE = UNITS // 2  # decided in one batch
SINGLE = 100  # decided one by one
REPEAT = 5  # read-only measures of milliseconds: the median of this many runs
SAMPLE = 300  # requests and jobs recomputed by the ORM to check the generator

TARGETS = {
    "SLA breach cron, usual tick": ("ratio", 2.0),
    "entitlement batch": ("rate", 5000.0),
    "entitlement single": ("ms", 5.0),
}

QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
ROWS = []  # (what, count, seconds, queries, floor seconds, count is work done)
PLANS = []  # (what, plan summary, flagged tables)
PARTIAL_INDEXES = set()  # names of the indexes with a condition (btree_not_null)


# ----------------------------------------------------------------------
# Measuring
# ----------------------------------------------------------------------
def timed(env, function, repeat=1, commit_work=False):
    """(result, seconds, queries) of ``function`` on a cold ORM cache; the median of
    ``repeat`` runs (read-only functions only). ``commit_work``: the tracking and
    notifications written at commit are included."""
    runs = []
    result = None
    for _run in range(repeat):
        env.flush_all()
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        result = function()
        if commit_work:
            env.cr.precommit.run()
        env.flush_all()
        runs.append((time.perf_counter() - start, env.cr.sql_log_count - queries))
    seconds = statistics.median(run[0] for run in runs)
    return result, seconds, runs[-1][1]


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def record(what, count, measured, floor=None, rate=True):
    """A line of the report; ``rate``: ``count`` is the work done (per second is shown)."""
    ROWS.append((what, count, measured[1], measured[2], floor and floor[1], rate))


@contextlib.contextmanager
def rolled_back(env):
    """Undo what the block did (flushed), keeping the data set built before it."""
    with contextlib.closing(env.cr.savepoint()):
        yield
        env.flush_all()
    env.invalidate_all()


def explain(env, what, model, domain, limit=None, order=None, floor=False):
    """Summarise the plan of the query the ORM builds for ``domain``: per table, index
    scans (with the indexes) or sequential scans; a sequential scan or a walk of a whole
    index without a condition (reading every row in id order) on a big table is flagged,
    except for a floor."""
    if not PARTIAL_INDEXES:
        env.cr.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indpred IS NOT NULL"
        )
        PARTIAL_INDEXES.update(row[0] for row in env.cr.fetchall())
    query = env[model]._search(domain, limit=limit, order=order)
    env.cr.execute(SQL("EXPLAIN (FORMAT JSON) %s", query.select()))
    [(plan,)] = env.cr.fetchall()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    tables = {}
    flagged = set()

    def walk(node, parent_table=None):
        kind = node.get("Node Type")
        table = node.get("Relation Name")
        index = node.get("Index Name")
        if kind == "Seq Scan":
            tables.setdefault(table, set()).add("seq scan")
            if table in GENERATED_BIG_TABLES:
                flagged.add(table)
        elif kind in ("Index Scan", "Index Only Scan"):
            if "Index Cond" in node:
                tables.setdefault(table, set()).add(f"index {index}")
            elif index in PARTIAL_INDEXES:  # only the rows of its condition
                tables.setdefault(table, set()).add(f"all of partial index {index}")
            else:
                tables.setdefault(table, set()).add(f"whole index {index}")
                if table in GENERATED_BIG_TABLES:
                    flagged.add(table)
        elif kind == "Bitmap Heap Scan":
            parent_table = table
            tables.setdefault(table, set())
        elif kind == "Bitmap Index Scan" and parent_table:
            tables[parent_table].add(f"index {index}")
        for child in node.get("Plans", []):
            walk(child, parent_table)

    walk(plan[0]["Plan"])
    summary = "; ".join(
        f"{table}: {', '.join(sorted(ways))}" for table, ways in sorted(tables.items())
    )
    PLANS.append((what, summary, set() if floor else flagged))


def verdict(what, count, seconds, floor):
    kind, threshold = TARGETS.get(what, (None, None))
    if kind == "rate":
        ok = count / seconds >= threshold
        return f"{'OK' if ok else 'SLOW'} (>= {threshold:,.0f}/s)"
    if kind == "ms":
        ok = seconds / count * 1000 <= threshold
        return f"{'OK' if ok else 'SLOW'} (<= {threshold:g} ms each)"
    if kind == "ratio" and floor:
        ok = seconds <= threshold * floor
        return f"{'OK' if ok else 'SLOW'} (<= {threshold:g}x the floor)"
    return "(no target)"


def print_report(sizes, setup_seconds, setup_peak):
    header = (
        f"{'what':<46} {'count':>7} {'seconds':>9} {'per second':>11} {'queries':>8} "
        f"{'floor s':>9} {'ratio':>7}  target"
    )
    print()
    print(sizes)
    print(header)
    print("-" * (len(header) + 24))
    for what, count, seconds, queries, floor, per_second in ROWS:
        rate = f"{count / seconds:>11,.0f}" if per_second and seconds else f"{'—':>11}"
        floor_text = f"{floor:>9.4f}" if floor is not None else f"{'—':>9}"
        ratio = f"{seconds / floor:>6.2f}x" if floor else f"{'—':>7}"
        print(
            f"{what:<46} {count:>7} {seconds:>9.4f} {rate} {queries:>8} {floor_text} "
            f"{ratio}  {verdict(what, count, seconds, floor)}"
        )
    print("-" * (len(header) + 24))
    print("Query plans at this size (EXPLAIN of the query the ORM builds):")
    for what, summary, flagged in PLANS:
        flag = f"  <-- WHOLE TABLE READ: {', '.join(sorted(flagged))}" if flagged else ""
        print(f"  {what}: {summary}{flag}")
    seq = [what for what, _summary, flagged in PLANS if flagged]
    print("whole-table reads of the big tables: " + (", ".join(seq) if seq else "none"))
    print(
        f"data set-up (not measured): {setup_seconds:.1f} s; peak memory (ru_maxrss) "
        f"{setup_peak:.0f} MB after the set-up, {peak_mb():.0f} MB at the end"
    )


# ----------------------------------------------------------------------
# SQL helpers
# ----------------------------------------------------------------------
def reserve_ids(cr, table, count):
    cr.execute(
        SQL(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            f"{table}_id_seq",
            count,
        )
    )
    return [row[0] for row in cr.fetchall()]


def template_row(cr, table, record_id):
    cr.execute(SQL("SELECT * FROM %s WHERE id = %s", SQL.identifier(table), record_id))
    columns = [column[0] for column in cr.description]
    return dict(zip(columns, cr.fetchone(), strict=True))


def _copy_value(value):
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat(" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value)
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_rows(cr, table, template, rows):
    """COPY ``rows`` (dicts of the columns that differ) into ``table``, the other columns
    taken from ``template`` (a row made by the ORM)."""
    columns = list(template)
    buffer = io.StringIO()
    for values in rows:
        merged = {**template, **values}
        buffer.write("\t".join(_copy_value(merged[column]) for column in columns))
        buffer.write("\n")
    buffer.seek(0)
    column_list = ", ".join(f'"{column}"' for column in columns)
    cr.flush()
    cr._obj.copy_expert(f'COPY "{table}" ({column_list}) FROM STDIN', buffer)


def analyze(cr):
    for table in sorted(GENERATED_BIG_TABLES | {"res_partner"}):
        cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))


# ----------------------------------------------------------------------
# Data set-up: ORM part
# ----------------------------------------------------------------------
def make_catalogue(env):
    """A serial-tracked heater under a copy of the household 三包 preset, two parts (the
    element comes back as an old part, the knob does not) and 30 fault codes."""
    category = env["product.category"].create({"name": "Bench scale heaters"})
    heater = env["product.product"].create(
        {
            "name": "Bench scale heater",
            "categ_id": category.id,
            "type": "consu",
            "is_storable": True,
            "tracking": "serial",
        }
    )
    household = env.ref("aftersales_service.aftersales_warranty_policy_household")
    household.copy(
        {"name": "Bench scale household", "product_category_ids": [Command.set(category.ids)]}
    )
    element = env["product.product"].create(
        {"name": "Bench scale element", "aftersales_old_part_required": True}
    )
    knob = env["product.product"].create({"name": "Bench scale knob"})
    faults = env["aftersales.fault.code"].create(
        [
            {
                "name": f"Bench scale fault {i}",
                "code": f"BS-{i}",
                "product_category_id": category.id,
            }
            for i in range(30)
        ]
    )
    return heater, element, knob, faults


def make_network(env, rng):
    """CITIES cities of COUNTIES_PER_CITY counties (towns and remote rural ones, some
    taking the city's class); a city agent per city, the other points over three counties
    each; CUSTOMERS customers spread over the counties."""
    Region = env["aftersales.region"]
    cities = Region.create(
        [{"name": f"Bench scale city {c}", "area_class": "central_city"} for c in range(CITIES)]
    )
    classes = [False, "town", "town", "remote_rural"]
    counties = Region.create(
        [
            {
                "name": f"Bench scale county {c}-{k}",
                "parent_id": city.id,
                "area_class": classes[k % len(classes)],
            }
            for c, city in enumerate(cities)
            for k in range(COUNTIES_PER_CITY)
        ]
    )
    vals = []
    for i in range(POINTS):
        if i < CITIES:
            level, regions = "city", cities[i].ids
        else:
            level = ["third_party", "dealer"][i % 2]
            regions = rng.sample(counties.ids, 3)
        vals.append(
            {
                "name": f"Bench scale point {i:04d}",
                "is_company": True,
                "is_service_point": True,
                "network_level": level,
                "service_region_ids": [Command.set(regions)],
            }
        )
    Partner = env["res.partner"].with_context(**QUIET)
    points = Partner.create(vals)
    customers = Partner.create(
        [
            {"name": f"Bench scale customer {i:06d}", "region_id": rng.choice(counties.ids)}
            for i in range(CUSTOMERS)
        ]
    )
    return points, customers


def make_units(env, rng, heater, customers, today):
    """UNITS units: one per day of sale made by the ORM (its 三包 dates computed), the
    others copied from the unit sold the same day by SQL; then one unit in ten gets a
    finished repair by the ORM (its dates recomputed). Returns [(id, sale date)]."""
    Lot = env["stock.lot"].with_context(**QUIET)
    templates = Lot.create(
        [
            {
                "name": f"BSU-T{day:04d}",
                "product_id": heater.id,
                "customer_id": customers[day % len(customers)].id,
                "sale_date": today - timedelta(days=day),
            }
            for day in range(SALE_DAYS)
        ]
    )
    env.flush_all()
    overrides = {
        "name": "'BSU-' || lpad(n::text, 7, '0')",
        "customer_id": "(%(customers)s::int[])[1 + n %% %(ncustomers)s]",
        "create_date": "now() at time zone 'UTC'",
        "write_date": "now() at time zone 'UTC'",
    }
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'stock_lot' "
        "AND column_name <> 'id' ORDER BY ordinal_position"
    )
    columns = [row[0] for row in env.cr.fetchall()]
    select = ", ".join(overrides.get(column, f't."{column}"') for column in columns)
    column_list = ", ".join(f'"{column}"' for column in columns)
    env.cr.execute(
        f"""INSERT INTO stock_lot ({column_list})
            SELECT {select}
              FROM generate_series(1, %(count)s) n
              JOIN stock_lot t ON t.id = (%(templates)s::int[])[1 + n %% %(ndays)s]""",
        {
            "customers": customers.ids,
            "ncustomers": len(customers),
            "count": UNITS - SALE_DAYS,
            "templates": templates.ids,
            "ndays": SALE_DAYS,
        },
    )
    env.cr.execute("SELECT id, sale_date FROM stock_lot WHERE name LIKE 'BSU-%' ORDER BY id")
    units = env.cr.fetchall()
    env.invalidate_all()
    repairs = []
    for lot_id, sold in units[::REPAIRED_EVERY]:
        age = (today - sold).days
        if age < 30:
            continue
        start = sold + timedelta(days=rng.randint(1, age - 20))
        repairs.append(
            {
                "lot_id": lot_id,
                "date_start": start,
                "date_end": start + timedelta(days=rng.randint(0, 12)),
                "fault_key": rng.choice(["no-heat", "leak", "noise"]),
                "remedy": "repair",
            }
        )
    env["aftersales.unit.repair"].create(repairs)
    env.flush_all()
    env.invalidate_all()
    return units


# ----------------------------------------------------------------------
# Data set-up: requests and jobs (rows computed here, COPY)
# ----------------------------------------------------------------------
class Clocks:
    """The addon's service level arithmetic, memoised over the few rules and the
    five-minute report times of the bench."""

    def __init__(self, env, company):
        self.env = env
        self.company = company
        self.Rule = env["aftersales.sla.rule"].sudo()
        self.rules = {}
        self.deadlines = {}
        self.hours = {}

    def rule(self, request_type, urgency, area_class):
        key = (request_type, urgency, area_class)
        if key not in self.rules:
            self.rules[key] = self.Rule._find_rule(self.company, *key)
        return self.rules[key]

    def deadline(self, rule, clock, reported):
        key = (rule.id, clock, reported)
        if key not in self.deadlines:
            target = rule and rule._target_hours(clock)
            self.deadlines[key] = target and rule._add_working_hours(reported, target) or None
        return self.deadlines[key]

    def between(self, rule, start, end):
        key = (rule.id, start, end)
        if key not in self.hours:
            self.hours[key] = rule._working_hours_between(start, end)
        return self.hours[key]


def sla_status(row, stage_closed=False):
    """As ``_compute_sla_status``: (status, next deadline, next deadline the breach cron
    checks) of a request's row."""
    clocks = [clock for clock in SLA_CLOCKS if row.get(f"{clock}_deadline")]
    open_clocks = [
        clock
        for clock in clocks
        if not stage_closed and not (clock in TIMED_CLOCKS and row.get(f"{clock}_done_at"))
    ]
    next_deadline = min((row[f"{clock}_deadline"] for clock in open_clocks), default=None)
    check_at = min(
        (row[f"{clock}_deadline"] for clock in open_clocks if not row.get(f"{clock}_breached")),
        default=None,
    )
    if not clocks:
        status = "none"
    elif any(row.get(f"{clock}_breached") for clock in clocks):
        status = "breached"
    elif not open_clocks:
        status = "met"
    else:
        status = "running"
    return status, next_deadline, check_at


def plan_requests(env, rng, clocks, customers, units, now):
    """What is drawn for each request, in a short list: customer, type, urgency, area,
    report time, unit, when the callback, opinion and on-site clocks were met (None: open)
    and whether the on-site clock is an open overdue one (flagged by an earlier tick); then
    the open overdue share is chosen among the visits made on time. Returns the plans and
    the indexes of the newly overdue ones (flagged for the usual tick, unflagged after)."""
    today = fields.Date.context_today(env["helpdesk.ticket"], now)
    eligible = [lot_id for lot_id, sold in units if (today - sold).days >= 4]
    lots = rng.sample(eligible, REQUESTS)
    plans = []
    for i in range(REQUESTS):
        customer_id, area_class = customers[i % len(customers)]
        request_type = "repair" if rng.random() < 0.7 else "installation"
        urgency = rng.choices(["normal", "urgent", "batch"], [94, 5, 1])[0]
        area_class = area_class or "central_city"
        rule = clocks.rule(request_type, urgency, area_class)
        reported = now - timedelta(minutes=rng.randrange(5, REPORT_MINUTES, 5))
        done = {}
        for clock, after in (("callback", timedelta(minutes=30)), ("opinion", timedelta(hours=2))):
            deadline = clocks.deadline(rule, clock, reported)
            if not deadline:
                continue
            met = reported + after if reported + after <= now else None
            if met is None and deadline < now + MARGIN:
                met = reported  # answered at once: no open clock falls due during the bench
            if met and rng.random() < LATE_SHARE and deadline + after <= now:
                met = deadline + after
            done[clock] = met
        deadline = clocks.deadline(rule, "onsite", reported)
        if deadline:
            if deadline < now:
                met = deadline - timedelta(hours=2)
                if rng.random() < LATE_SHARE and deadline + timedelta(hours=2) <= now:
                    met = deadline + timedelta(hours=2)
            elif deadline < now + MARGIN or rng.random() < 0.3:
                met = reported + (now - reported) / 2
            else:
                met = None
            done["onsite"] = met and met.replace(microsecond=0)
        plans.append(
            [
                customer_id,
                request_type,
                urgency,
                area_class,
                rule,
                reported,
                lots[i],
                done.get("callback"),
                done.get("opinion"),
                done.get("onsite"),
                False,
            ]
        )
    # the open overdue on-site visits: ALREADY_BREACHED + NEWLY_OVERDUE visits taken back
    visited_on_time = [
        i
        for i, plan in enumerate(plans)
        if (deadline := clocks.deadline(plan[4], "onsite", plan[5]))
        and deadline < now - timedelta(minutes=10)
        and plan[9] <= deadline
    ]
    overdue = rng.sample(visited_on_time, ALREADY_BREACHED + NEWLY_OVERDUE)
    for i in overdue:
        plans[i][9] = None
        plans[i][10] = True
    return plans, set(overdue[ALREADY_BREACHED:])


def request_row(clocks, plan, number, points_of):
    """The columns of a planned request, as the ORM computes them."""
    customer_id, request_type, urgency, area_class, rule, reported, lot_id = plan[:7]
    callback, opinion, onsite, flagged = plan[7:]
    row = {
        "name": f"Bench scale request {number:06d}",
        "number": f"BSR{number:06d}",
        "partner_id": customer_id,
        "commercial_partner_id": customer_id,
        "service_point_id": points_of.get(customer_id),
        "lot_id": lot_id,
        "request_type": request_type,
        "urgency": urgency,
        "area_class": area_class,
        "sla_rule_id": rule.id,
        "reported_at": reported,
        "last_stage_update": reported,
        "create_date": reported,
        "write_date": reported,
        "callback_done_at": callback,
        "opinion_done_at": opinion,
        "onsite_done_at": onsite,
    }
    for clock in SLA_CLOCKS:
        deadline = clocks.deadline(rule, clock, reported)
        met = row.get(f"{clock}_done_at")
        row[f"{clock}_deadline"] = deadline
        row[f"{clock}_breached"] = bool(deadline and met and met > deadline)
        row[f"{clock}_overdue_hours"] = (
            clocks.between(rule, deadline, met) if row[f"{clock}_breached"] else 0.0
        )
        row[f"{clock}_paused_hours"] = 0.0
    if flagged:  # by the first tick after the deadline
        deadline = row["onsite_deadline"]
        row["onsite_breached"] = True
        row["onsite_overdue_hours"] = clocks.between(
            rule, deadline, deadline + timedelta(minutes=5)
        )
    for clock in ("callback", "onsite"):
        met = row[f"{clock}_done_at"]
        row[f"{clock}_response_hours"] = clocks.between(rule, reported, met) if met else 0.0
        row[f"{clock}_on_time"] = bool(met and not row[f"{clock}_breached"])
    row["sla_status"], row["sla_next_deadline"], row["sla_breach_check_at"] = sla_status(row)
    return row


def decide_units(env, rows):
    """The 三包 snapshot of each request's unit on its report day, in one batch per day
    (as ``_compute_entitlement``); the job of the request has the same unit and day."""
    Ticket = env["helpdesk.ticket"]
    engine = env["aftersales.entitlement"]
    by_day = {}
    for row in rows:
        day = fields.Date.context_today(Ticket, row["reported_at"])
        row["entitlement_date"] = day
        by_day.setdefault(day, []).append(row)
    for day, day_rows in by_day.items():
        lots = env["stock.lot"].browse([row["lot_id"] for row in day_rows])
        results = engine._decide_each(lots, day, fault_key=False)
        for row in day_rows:
            result = results[row["lot_id"]]
            row["entitlement_decision"] = result["decision"] or None
            row["entitlement_rule"] = result["rule"] or None
            row["entitlement_explanation"] = result["explanation"] or None
    env.invalidate_all()


def job_row(rng, row, job_id, number, now):
    """The open job of a request: on site when the technician checked in, else to
    dispatch, dispatched or accepted."""
    reported, onsite = row["reported_at"], row["onsite_done_at"]
    if onsite:
        state = "on_site"
    elif reported < now - timedelta(hours=1):
        state = rng.choices(["accepted", "dispatched", "draft"], [5, 3, 2])[0]
    else:
        state = "draft"
    decision = row["entitlement_decision"]
    return {
        "id": job_id,
        "name": f"BSJ{number:06d}",
        "ticket_id": row["id"],
        "partner_id": row["partner_id"],
        "service_point_id": row["service_point_id"],
        "lot_id": row["lot_id"],
        "job_type": row["request_type"],
        "state": state,
        "dispatched_at": reported + timedelta(minutes=10) if state != "draft" else None,
        "accepted_at": reported + timedelta(minutes=15)
        if state in ("accepted", "on_site")
        else None,
        "checkin_at": onsite,
        "entitlement_decision": decision,
        "entitlement_rule": row["entitlement_rule"],
        "entitlement_explanation": row["entitlement_explanation"],
        "entitlement_date": row["entitlement_date"],
        "coverage": "sanbao" if decision in FREE_DECISIONS else "paid",
        "create_date": reported,
        "write_date": reported,
    }


def make_requests_and_jobs(env, rng, customers, units, now):
    """REQUESTS open requests and one open job each, by COPY in chunks of 10,000.
    Returns the requests' ids and, for the newly overdue ones, (id, status once
    unflagged)."""
    clocks = Clocks(env, env.company)
    points_of = {
        customer_id: point.id
        for customer_id, point in customers._aftersales_find_service_points().items()
        if point
    }
    customer_rows = [(customer.id, customer.area_class) for customer in customers]
    plans, newly = plan_requests(env, rng, clocks, customer_rows, units, now)
    stages = env["helpdesk.ticket.stage"].search(
        [("closed", "=", False), ("aftersales_sla_pause", "=", False)], order="sequence, id"
    )[:2]
    # a request and a job made by the ORM give the other columns, then go
    template = (
        env["helpdesk.ticket"]
        .with_context(**QUIET)
        .create(
            {"name": "Bench template", "description": "<p>Bench</p>", "partner_id": customers[0].id}
        )
    )
    template_job = (
        env["aftersales.service.job"].with_context(**QUIET).create({"ticket_id": template.id})
    )
    env.flush_all()
    ticket_template = template_row(env.cr, "helpdesk_ticket", template.id)
    job_template = template_row(env.cr, "aftersales_service_job", template_job.id)
    template_job.unlink()
    template.unlink()
    env.flush_all()
    ticket_ids = reserve_ids(env.cr, "helpdesk_ticket", REQUESTS)
    job_ids = reserve_ids(env.cr, "aftersales_service_job", REQUESTS)
    unflagged = []
    for start in range(0, REQUESTS, 10000):
        rows = []
        for i in range(start, min(start + 10000, REQUESTS)):
            row = request_row(clocks, plans[i], i, points_of)
            row["id"] = ticket_ids[i]
            rows.append(row)
            if i in newly:
                unflagged.append((row["id"], sla_status({**row, "onsite_breached": False})))
        decide_units(env, rows)
        jobs = [job_row(rng, row, job_ids[i], i, now) for i, row in enumerate(rows, start)]
        for row, job in zip(rows, jobs, strict=True):
            stage = stages[0] if job["state"] == "draft" else stages[-1]
            row["stage_id"] = stage.id
            row["unattended"] = stage.unattended
        copy_rows(env.cr, "helpdesk_ticket", ticket_template, rows)
        copy_rows(env.cr, "aftersales_service_job", job_template, jobs)
    env.invalidate_all()
    return ticket_ids, unflagged


# ----------------------------------------------------------------------
# Data set-up: claims and lines (SQL)
# ----------------------------------------------------------------------
def insert_claims(env, units, points, element, knob, faults, today):
    """CLAIMS claims of three lines (labour, a part, travel) over two years, about 4,200
    a month at the full size, by state in thousandths: 846 settled (repaired 45 days to two
    years ago), 40 approved last month (the monthly settlement's), 20 approved this month,
    30 rejected (a third of them false claims), 30 waiting for their old part (submitted
    in the last 90 days; the element comes back, due by the company's rule from the first
    submission; when overdue, reminded by earlier ticks but one in ten), 10 in appraisal,
    14 submitted in the last ten days, 10 cancelled."""
    company = env.company
    uid = env.uid
    claim_type = env["aftersales.claim.type"].search(
        [("kind", "=", "warranty"), ("company_id", "=", company.id)], limit=1
    )
    Reason = env["aftersales.claim.reject.reason"]
    false_reason = Reason.search([("false_claim", "=", True)], limit=1)
    other_reason = Reason.search([("false_claim", "=", False)], limit=1)
    this_month = today.replace(day=1)
    last_month = this_month - relativedelta(months=1)
    # the old parts' due day of a claim first submitted k days ago (k < 90)
    dues = [company._aftersales_old_part_due(today - timedelta(days=k)) for k in range(90)]
    env.cr.execute(
        """
        WITH c AS (
            SELECT n, n %% 1000 AS b,
                   (%(units)s::int[])[1 + (n * 7919) %% %(nunits)s] AS lot_id,
                   (%(points)s::int[])[1 + n %% %(npoints)s] AS point_id,
                   (%(faults)s::int[])[1 + n %% 30] AS fault_id
              FROM generate_series(0, %(count)s - 1) n
        ), d AS (
            SELECT c.*,
                   CASE
                     WHEN b < 846 THEN %(today)s::date - (45 + n %% 686)
                     WHEN b < 886 THEN %(last_month)s::date
                                       + (n %% (%(this_month)s::date - %(last_month)s::date))
                                       - 10
                     WHEN b < 906 THEN %(today)s::date - (n %% %(day)s) - 10
                     WHEN b < 936 THEN %(today)s::date - (30 + n %% 700)
                     WHEN b < 966 THEN %(today)s::date - (n %% 90) - 3
                     WHEN b < 976 THEN %(today)s::date - (n %% 20) - 3
                     WHEN b < 990 THEN %(today)s::date - (n %% 10) - 3
                     ELSE %(today)s::date - (n %% 700) - 3
                   END AS repair_start,
                   CASE
                     WHEN b < 846 THEN 'settled' WHEN b < 906 THEN 'approved'
                     WHEN b < 936 THEN 'rejected' WHEN b < 966 THEN 'waiting_parts'
                     WHEN b < 976 THEN 'appraisal' WHEN b < 990 THEN 'submitted'
                     ELSE 'cancel'
                   END AS state
              FROM c
        )
        INSERT INTO aftersales_claim (
            name, company_id, claim_type_id, service_point_id, lot_id, partner_id,
            product_tmpl_id, fault_code_id, state, version, cause_class, repair_start,
            repair_end, amount_claimed, amount_approved, submitted_on, first_submitted_on,
            approved_on, approved_date, old_part_reminded, create_uid, write_uid,
            create_date, write_date)
        SELECT 'BSC' || lpad(d.n::text, 6, '0'), %(company)s, %(type)s, d.point_id, d.lot_id,
               lot.customer_id, product.product_tmpl_id, d.fault_id, d.state, 1,
               'product_quality', d.repair_start, d.repair_start + 2, 120.0,
               CASE WHEN d.state IN ('settled', 'approved') THEN 120.0 ELSE 0.0 END,
               d.repair_start + 3 + interval '2 hours', d.repair_start + 3 + interval '2 hours',
               CASE WHEN d.state IN ('settled', 'approved')
                    THEN d.repair_start + 10 + interval '2 hours' END,
               CASE WHEN d.state IN ('settled', 'approved') THEN d.repair_start + 10 END,
               d.state = 'waiting_parts'
                   AND (%(dues)s::date[])[1 + (%(today)s::date - d.repair_start - 3)]
                       < %(today)s::date
                   AND d.n %% 10 <> 0,
               %(uid)s, %(uid)s, d.repair_start + interval '2 hours',
               d.repair_start + 3 + interval '2 hours'
          FROM d
          JOIN stock_lot lot ON lot.id = d.lot_id
          JOIN product_product product ON product.id = lot.product_id
        """,
        {
            "units": [lot_id for lot_id, _sold in units],
            "nunits": len(units),
            "points": points.ids,
            "npoints": len(points),
            "faults": faults.ids,
            "count": CLAIMS,
            "today": today,
            "last_month": last_month,
            "this_month": this_month,
            "day": max(today.day, 1),
            "dues": dues,
            "company": company.id,
            "type": claim_type.id,
            "uid": uid,
        },
    )
    env.cr.execute(
        """
        INSERT INTO aftersales_claim_line (
            claim_id, company_id, sequence, line_type, name, product_id, part_role,
            quantity, price_unit, norm_hours, amount_claimed, amount_approved, appraisal,
            appraised_on, appraised_by_id, reject_reason_id, old_part_required,
            old_part_state, old_part_due_date, old_part_destination, old_part_barcode,
            create_uid, write_uid, create_date, write_date)
        SELECT c.id, c.company_id, k.seq, k.line_type, k.name,
               CASE WHEN k.line_type = 'part' THEN
                    CASE WHEN c.state IN ('waiting_parts', 'submitted') THEN %(element)s
                         ELSE %(knob)s END END,
               CASE WHEN k.line_type = 'part' THEN 'causal' END,
               k.qty, k.price, CASE WHEN k.line_type = 'labour' THEN 1.0 ELSE 0.0 END,
               k.qty * k.price,
               CASE WHEN c.state IN ('settled', 'approved') THEN k.qty * k.price ELSE 0 END,
               CASE WHEN c.state IN ('settled', 'approved') THEN 'approved'
                    WHEN c.state = 'rejected' THEN 'rejected' END,
               CASE WHEN c.state IN ('settled', 'approved', 'rejected')
                    THEN c.first_submitted_on + interval '3 days' END,
               CASE WHEN c.state IN ('settled', 'approved', 'rejected') THEN %(uid)s END,
               CASE WHEN c.state = 'rejected' AND k.line_type = 'part' THEN
                    CASE WHEN c.id %% 3 = 0 THEN %(false_reason)s ELSE %(other_reason)s END
                    END,
               old.required, CASE WHEN old.required THEN 'to_return' ELSE 'none' END,
               CASE WHEN old.required THEN
                    (%(dues)s::date[])[1 + (%(today)s::date - c.first_submitted_on::date)]
                    END,
               'scrap', CASE WHEN old.required THEN c.name || '-02' END,
               %(uid)s, %(uid)s, c.create_date, c.write_date
          FROM aftersales_claim c
         CROSS JOIN (VALUES (10, 'labour', NULL, 1.0, 60.0), (20, 'part', NULL, 1.0, 40.0),
                            (30, 'travel', 'Travel', 10.0, 2.0))
               AS k(seq, line_type, name, qty, price)
         CROSS JOIN LATERAL (SELECT k.line_type = 'part'
                                    AND c.state IN ('waiting_parts', 'submitted') AS required
                            ) old
         WHERE c.name LIKE 'BSC%%'
        """,
        {
            "element": element.id,
            "knob": knob.id,
            "uid": uid,
            "false_reason": false_reason.id or None,
            "other_reason": other_reason.id or None,
            "dues": dues,
            "today": today,
        },
    )
    env.invalidate_all()


# ----------------------------------------------------------------------
# Checking the generator
# ----------------------------------------------------------------------
CHECKED_TICKET_FIELDS = [
    "sla_rule_id",
    "area_class",
    "service_point_id",
    *(f"{clock}_deadline" for clock in SLA_CLOCKS),
    "sla_status",
    "sla_next_deadline",
    "sla_breach_check_at",
    "callback_response_hours",
    "onsite_response_hours",
    "callback_on_time",
    "onsite_on_time",
    "entitlement_decision",
    "entitlement_rule",
]


def check_sample(env, rng, ticket_ids):
    """Recompute a sample of requests and of their jobs' coverage with the ORM (rolled
    back) and count the values that differ from the generated ones."""
    sample = env["helpdesk.ticket"].browse(rng.sample(ticket_ids, min(SAMPLE, len(ticket_ids))))
    stored = {ticket["id"]: ticket for ticket in sample.read(CHECKED_TICKET_FIELDS, load=None)}
    jobs = sample.job_ids
    stored_jobs = {job.id: (job.coverage, job.entitlement_decision) for job in jobs}
    differences = {}
    with rolled_back(env):
        env.invalidate_all()
        Ticket = env["helpdesk.ticket"]
        for fname in CHECKED_TICKET_FIELDS:
            env.add_to_compute(Ticket._fields[fname], sample)
        env.add_to_compute(env["aftersales.service.job"]._fields["coverage"], jobs)
        env.add_to_compute(env["aftersales.service.job"]._fields["entitlement_decision"], jobs)
        for ticket in sample:
            for fname in CHECKED_TICKET_FIELDS:
                value = ticket[fname]
                value = value.id if hasattr(value, "_name") else value
                if (value or False) != (stored[ticket.id][fname] or False):
                    differences.setdefault(fname, 0)
                    differences[fname] += 1
        for job in jobs:
            if (job.coverage, job.entitlement_decision) != stored_jobs[job.id]:
                differences["job coverage / decision"] = (
                    differences.get("job coverage / decision", 0) + 1
                )
    if differences:
        print(
            f"generator check: {len(sample)} requests recomputed, differences: "
            + ", ".join(f"{k} {v}" for k, v in sorted(differences.items()))
        )
    else:
        print(
            f"generator check: {len(sample)} requests and their jobs recomputed by the ORM: "
            "every value the same"
        )


# ----------------------------------------------------------------------
# The measures
# ----------------------------------------------------------------------
def bench_sla_tick(env):
    """1 (a): one scheduler call when nothing is newly overdue, beside a bare indexed
    search on one deadline column with the same limit."""
    Ticket = env["helpdesk.ticket"]

    def floor():
        return Ticket.search(
            [("onsite_deadline", "<", fields.Datetime.now())], limit=SLA_BREACH_BATCH, order="id"
        )

    def cron():
        return Ticket._cron_aftersales_sla_breach()

    floor()  # warm: the registry's and PostgreSQL's caches, as a running scheduler has them
    cron()
    found = Ticket.search_count(Ticket._aftersales_sla_breach_domain(fields.Datetime.now()))
    if found:
        print(f"warning: {found} requests newly overdue before the usual tick")
    floor_measure = timed(env, floor, REPEAT)
    record("SLA breach cron, usual tick", REQUESTS, timed(env, cron, REPEAT), floor_measure, False)
    now = fields.Datetime.now()
    explain(
        env,
        "SLA breach cron (usual tick)",
        "helpdesk.ticket",
        Ticket._aftersales_sla_breach_domain(now),
        SLA_BREACH_BATCH,
        "id",
    )
    explain(
        env,
        "its floor: onsite_deadline < now",
        "helpdesk.ticket",
        [("onsite_deadline", "<", now)],
        SLA_BREACH_BATCH,
        "id",
        floor=True,
    )


def bench_sla_overdue(env, newly):
    """1 (b): the planted share unflagged, one scheduler call (one batch: a note and an
    activity per request); floor: the bare search and a plain write of the same boolean
    on the same requests."""
    Ticket = env["helpdesk.ticket"]
    ids = [ticket_id for ticket_id, _status in newly]
    statuses = [status for _ticket_id, (status, _next, _check) in newly]
    checks = [check for _ticket_id, (_status, _next, check) in newly]
    env.cr.execute(
        """UPDATE helpdesk_ticket t
              SET onsite_breached = false, onsite_overdue_hours = 0, sla_status = u.status,
                  sla_breach_check_at = u.check_at
             FROM unnest(%s::int[], %s::varchar[], %s::timestamp[]) AS u(id, status, check_at)
            WHERE t.id = u.id""",
        (ids, statuses, checks),
    )
    env.invalidate_all()
    now = fields.Datetime.now()
    domain = Ticket._aftersales_sla_breach_domain(now)
    due = Ticket.search(domain, limit=SLA_BREACH_BATCH, order="id")
    print(
        f"SLA breach cron: {Ticket.search_count(domain)} requests newly overdue, "
        f"{len(due)} in the first batch"
    )
    explain(
        env,
        "SLA breach cron (newly overdue)",
        "helpdesk.ticket",
        Ticket._aftersales_sla_breach_domain(now),
        SLA_BREACH_BATCH,
        "id",
    )

    def floor():
        Ticket.search(
            [("onsite_deadline", "<", fields.Datetime.now())], limit=SLA_BREACH_BATCH, order="id"
        )
        Ticket.browse(due.ids).write({"onsite_breached": True})

    with rolled_back(env):
        floor_measure = timed(env, floor, commit_work=True)
    with rolled_back(env):
        measured = timed(env, Ticket._cron_aftersales_sla_breach, commit_work=True)
        flagged = Ticket.search_count([("id", "in", due.ids), ("onsite_breached", "=", True)])
    record(f"SLA breach cron, {len(due)} newly overdue", len(due), measured, floor_measure)
    print(f"SLA breach cron: {flagged} of {len(due)} flagged breached in one call")


def bench_entitlements(env, rng, units, today):
    """2: the 三包 decision of a large slice of the units in one batch, and one by one."""
    Lot = env["stock.lot"]
    ids = [lot_id for lot_id, _sold in units]
    lots = Lot.browse(rng.sample(ids, ENTITLEMENT_SLICE))
    some = Lot.browse(rng.sample(ids, SINGLE))
    some[:5].aftersales_entitlements(today)  # warm
    measured = timed(env, lambda: lots.aftersales_entitlements(today))
    record("entitlement batch", len(lots), measured)
    counts = {}
    for result in measured[0]:
        counts[result["decision"]] = counts.get(result["decision"], 0) + 1
    print("entitlement decisions:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    record(
        "entitlement single",
        len(some),
        timed(env, lambda: [lot.aftersales_entitlement(today) for lot in some]),
    )


def cron_searches(env, today, now):
    """3: what each other cron searches, at the bench size, beside a bare search on one
    indexed column of the same table with the same limit; and its plan."""
    company = env.company
    Settlement = env["aftersales.claim.settlement"]
    start, end = Settlement._month_of(today - relativedelta(months=1))
    ticket_breach = [("company_id", "=", company.id), ("service_point_id", "!=", False)]
    searches = [
        # (what, model, domain, limit, floor domain); as the crons search (the deduction
        # proposals: aftersales_penalty_rule_breaches.py)
        (
            "overdue old parts",
            "aftersales.claim",
            env["aftersales.claim"]._overdue_old_parts_domain(),
            200,
            [("state", "=", "waiting_parts")],
        ),
        (
            "monthly settlement (last month)",
            "aftersales.claim",
            Settlement._claims_to_settle_domain(company, start, end),
            None,
            [("approved_date", ">=", start), ("approved_date", "<=", end)],
        ),
        (
            "deductions: callback late",
            "helpdesk.ticket",
            [*ticket_breach, ("callback_breached", "=", True)],
            None,
            [("callback_breached", "=", True)],
        ),
        (
            "deductions: on-site late",
            "helpdesk.ticket",
            [*ticket_breach, ("onsite_breached", "=", True)],
            None,
            [("onsite_breached", "=", True)],
        ),
        (
            "deductions: complaint upheld",
            "helpdesk.ticket",
            [*ticket_breach, ("complaint_upheld", "=", True)],
            None,
            [("complaint_upheld", "=", True)],
        ),
        (
            "deductions: old part late",
            "aftersales.claim.line",
            [
                ("company_id", "=", company.id),
                ("old_part_state", "in", ("to_return", "missing")),
                ("old_part_due_date", "<", today),
                ("claim_id.state", "not in", ("draft", "cancel")),
            ],
            None,
            [("old_part_due_date", "<", today)],
        ),
        (
            "deductions: false claim",
            "aftersales.claim",
            [
                ("company_id", "=", company.id),
                ("state", "=", "rejected"),
                ("line_ids.reject_reason_id.false_claim", "=", True),
            ],
            None,
            [("state", "=", "rejected")],
        ),
    ]
    for rule in env["aftersales.quality.rule"].search([("company_id", "=", company.id)]):
        window = rule._window_start(today)
        searches.append(
            (
                f"quality scan ({rule.window} rule)",
                "aftersales.claim",
                rule._claim_domain(today),
                None,
                [("repair_start", ">=", window), ("repair_start", "<=", today)],
            )
        )
    searches += [
        (
            "factory repairs past their promise (demo size)",
            "aftersales.factory.repair",
            env["aftersales.factory.repair"]._aftersales_breach_domain(now),
            200,
            [("state", "in", AT_FACTORY_STATES)],
        ),
        (
            "overdue loaners (demo size)",
            "aftersales.loaner",
            env["aftersales.loaner"]._overdue_to_remind_domain(),
            200,
            None,
        ),
        (
            "deduction notices (demo size)",
            "aftersales.deposit.move",
            [("notice_pending", "=", True)],
            50,
            None,
        ),
        (
            "contracts past their end (demo size)",
            "aftersales.agency.contract",
            [("state", "=", "active"), ("date_end", "<", today)],
            None,
            [("state", "=", "active")],
        ),
        (
            "recoveries deemed accepted (demo size)",
            "aftersales.supplier.recovery",
            [("state", "=", "sent"), ("answer_due", "<", today)],
            None,
            [("answer_due", "<", today)],
        ),
        (
            "parts orders past their answer (demo size)",
            "sale.order",
            env["sale.order"]._aftersales_answer_breach_domain(now),
            200,
            [("aftersales_is_parts_order", "=", True)],
        ),
    ]
    for what, model, domain, limit, floor_domain in searches:
        Model = env[model]

        def search(domain=domain, Model=Model, limit=limit):
            return Model.search(domain, limit=limit, order="id")

        search()
        measured = timed(env, search, REPEAT)
        floor = None
        if floor_domain:

            def bare(floor_domain=floor_domain, Model=Model, limit=limit):
                return Model.search(floor_domain, limit=limit, order="id")

            bare()
            floor = timed(env, bare, REPEAT)
        record(f"{what}: found", len(measured[0]), measured, floor, False)
        explain(env, what, model, domain, limit, "id")


# ----------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------
def main(env):
    env = env(context=dict(env.context, lang="en_US"))
    rng = random.Random(20261204)
    today = fields.Date.context_today(env["res.partner"])
    now = fields.Datetime.now().replace(second=0, microsecond=0)
    sizes = (
        f"scale {SCALE:g}: {POINTS:,} service points, {CUSTOMERS:,} customers, {UNITS:,} units, "
        f"{REQUESTS:,} open requests and jobs, {CLAIMS:,} claims of {3 * CLAIMS:,} lines"
    )
    print(f"Building the data set ({sizes})...")
    began = time.perf_counter()
    heater, element, knob, faults = make_catalogue(env)
    points, customers = make_network(env, rng)
    env.flush_all()
    print(f"  points and customers: {time.perf_counter() - began:.1f} s, {peak_mb():.0f} MB")
    units = make_units(env, rng, heater, customers, today)
    print(f"  units and repairs: {time.perf_counter() - began:.1f} s, {peak_mb():.0f} MB")
    ticket_ids, newly = make_requests_and_jobs(env, rng, customers, units, now)
    print(f"  requests and jobs: {time.perf_counter() - began:.1f} s, {peak_mb():.0f} MB")
    insert_claims(env, units, points, element, knob, faults, today)
    analyze(env.cr)
    setup_seconds = time.perf_counter() - began
    setup_peak = peak_mb()
    print(f"  claims and lines, ANALYZE: {setup_seconds:.1f} s")
    check_sample(env, rng, ticket_ids)

    bench_sla_tick(env)
    bench_entitlements(env, rng, units, today)
    cron_searches(env, today, fields.Datetime.now())
    bench_sla_overdue(env, newly)
    print_report(sizes, setup_seconds, setup_peak)


try:
    main(env)  # noqa: F821 (given by odoo-bin shell)
finally:
    env.cr.rollback()  # noqa: F821
