"""Steps of make test-faults, run by ``odoo-bin shell`` with FAULT_STEP set (stdin):

plant   approved claims of last month for 40 new dealers and 300 requests reported three
        days ago (their service-level deadlines passed), committed; prints nothing else
settle  the monthly settlement cron, one batch of 5 dealers per call, committed after each
        call as Odoo's cron runner does, until nothing remains (the step is killed midway)
breach  the service-level breach cron the same way, 25 requests a call
check   every planted claim on exactly one settlement, one settlement per dealer, the amounts
        whole; every planted request's breaches noted once each
connection  a claim written, then the database connection lost before the commit: the
        transaction rolls back whole (nothing of it is found afterwards)

Two cron workers (the steps below, driven by scripts/test_faults.sh around a multi-process
server with two cron workers):

plant_workers  a backlog of many batches for each cron of WORKER_CRONS (tagged CRONS)
workers_ready  those crons due now with the small batch sizes of WORKER_CRONS in their code,
        every other cron of the copy paused, their progress records cleared
manual  Run manually (ir.cron.method_direct_trigger, as the web client calls it: one
        transaction, retried on a serialization failure) pressed on each of those crons in
        turn while the cron workers run them, until none has work left
check_workers  every planted record processed exactly once; the batches of each cron worker
        (from the server's log, FAULT_SERVER_LOG) and of Run manually
"""

import os
import re
import sys
import time
from collections import Counter
from datetime import date, timedelta
from functools import partial

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service.model import retrying

TAG = "FAULTS"
STEP = os.environ["FAULT_STEP"]
WTAG = "CRONS"
#: the addon's crons that do real work, with the batch size the two-worker step gives them:
#: small, so that each backlog is many batches, more than the 10 a cron worker runs before it
#: hands the cron back (Odoo's MAX_BATCH_PER_CRON_JOB)
WORKER_CRONS = {
    "ir_cron_aftersales_monthly_settlement": 2,
    "ir_cron_aftersales_sla_breach": 10,
    "ir_cron_aftersales_deduction_notices": 2,
    "ir_cron_aftersales_recovery_deemed_accepted": 2,
    "ir_cron_aftersales_overdue_old_parts": 3,
    "ir_cron_aftersales_propose_deductions": 3,
    "ir_cron_aftersales_overdue_loaners": 2,
    "ir_cron_aftersales_factory_repair_breach": 2,
    "ir_cron_aftersales_parts_answer_breach": 2,
}


def plant(env):
    company = env.company
    company._aftersales_setup_settlement_accounting()
    today = fields.Date.context_today(env["res.partner"])
    approved = (today.replace(day=1) - relativedelta(months=1)) + timedelta(days=9)
    product = env["product.product"].search([("tracking", "=", "serial")], limit=1)
    customer = env["res.partner"].create({"name": f"{TAG} customer"})
    dealers = env["res.partner"].create(
        [
            {"name": f"{TAG} dealer {n:02d}", "is_company": True, "is_service_point": True}
            for n in range(40)
        ]
    )
    units = env["stock.lot"].create(
        [
            {
                "name": f"{TAG}-{n:04d}",
                "product_id": product.id,
                "customer_id": customer.id,
                "sale_date": today - timedelta(days=60),
            }
            for n in range(200)
        ]
    )
    claims = (
        env["aftersales.claim"]
        .with_context(tracking_disable=True)
        .create(
            [
                {
                    "service_point_id": dealers[n % 40].id,
                    "partner_id": customer.id,
                    "lot_id": units[n].id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "line_type": "other",
                                "name": "Repair",
                                "quantity": 1,
                                "price_unit": 10 + n % 7,
                            },
                        )
                    ],
                }
                for n in range(200)
            ]
        )
    )
    claims.line_ids.write({"appraisal": "approved"})
    claims.write({"state": "approved", "approved_date": approved})
    tickets = env["helpdesk.ticket"].create(
        [
            {
                "name": f"{TAG} request {n:03d}",
                "description": "fault test",
                "partner_id": customer.id,
                "request_type": "repair",
                "reported_at": fields.Datetime.now() - timedelta(days=3),
            }
            for n in range(300)
        ]
    )
    env.cr.commit()
    print(f"planted {len(claims)} claims of {len(dealers)} dealers, {len(tickets)} requests")


def run_cron(env, model, method, remaining, **kwargs):
    """Call the cron's method, committing after each call as Odoo's cron runner does, while
    ``remaining(env)`` finds work left."""
    calls = 0
    while remaining(env):
        getattr(env[model], method)(**kwargs)
        env.cr.commit()
        calls += 1
        print(f"{method}: call {calls}, {remaining(env)} left", flush=True)
        time.sleep(0.3)


def unsettled(env):
    return env["aftersales.claim"].search_count(
        [("service_point_id.name", "like", f"{TAG} dealer"), ("settlement_id", "=", False)]
    )


def unbreached(env):
    Ticket = env["helpdesk.ticket"]
    return Ticket.search_count(
        [
            *Ticket._aftersales_sla_breach_domain(fields.Datetime.now()),
            ("name", "like", f"{TAG} request"),
        ]
    )


def check(env):
    problems = []
    claims = env["aftersales.claim"].search([("service_point_id.name", "like", f"{TAG} dealer")])
    settlements = env["aftersales.claim.settlement"].search(
        [("partner_id.name", "like", f"{TAG} dealer")]
    )
    unsettled = claims.filtered(lambda claim: not claim.settlement_id)
    if unsettled:
        problems.append(f"{len(unsettled)} claims on no settlement")
    per_dealer = {}
    for settlement in settlements:
        per_dealer.setdefault(settlement.partner_id, []).append(settlement)
    doubled = {partner.name: len(s) for partner, s in per_dealer.items() if len(s) > 1}
    if doubled:
        problems.append(f"dealers with two settlements: {doubled}")
    lines = settlements.line_ids.filtered("claim_id")
    if len(lines) != len(claims) or len(lines.claim_id) != len(claims):
        problems.append(f"{len(lines)} settlement lines for {len(claims)} claims")
    if round(sum(settlements.mapped("amount_total")), 2) != round(
        sum(claims.mapped("amount_approved")), 2
    ):
        problems.append("the settlements' amounts differ from the claims'")
    tickets = env["helpdesk.ticket"].search([("name", "like", f"{TAG} request")])
    clocks = ("callback", "onsite", "opinion", "resolution")
    for ticket in tickets:
        breached = sum(1 for clock in clocks if ticket[f"{clock}_breached"])
        notes = env["mail.message"].search_count(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("body", "ilike", "deadline missed"),
            ]
        )
        if notes != breached:
            problems.append(f"{ticket.name}: {breached} breaches, {notes} notes")
            break
    if unbreached(env):
        problems.append(f"{unbreached(env)} requests past their deadlines not breached")
    if not any(ticket[f"{clock}_breached"] for ticket in tickets for clock in clocks):
        problems.append("no planted request was breached: the test proves nothing")
    print(f"{len(claims)} claims on {len(settlements)} settlements; {len(tickets)} requests")
    print("CHECK " + ("OK" if not problems else "FAILED: " + "; ".join(problems)))
    return not problems


def plant_workers(env):
    """Backlogs of the crons of WORKER_CRONS, committed."""
    company = env.company
    company._aftersales_setup_settlement_accounting()
    company._aftersales_setup_deposit_accounting()
    today = fields.Date.context_today(env["res.partner"])
    now = fields.Datetime.now()
    approved = (today.replace(day=1) - relativedelta(months=1)) + timedelta(days=9)
    product = env["product.product"].search([("tracking", "=", "serial")], limit=1)
    customer = env["res.partner"].create({"name": f"{WTAG} customer"})
    units = env["stock.lot"].create(
        [
            {
                "name": f"{WTAG}-{n:04d}",
                "product_id": product.id,
                "customer_id": customer.id,
                "sale_date": today - timedelta(days=60),
            }
            for n in range(200)
        ]
    )
    Claim = env["aftersales.claim"].with_context(tracking_disable=True)
    # the monthly settlement: 30 dealers, 3 approved claims each
    dealers = env["res.partner"].create(
        [
            {"name": f"{WTAG} dealer {n:02d}", "is_company": True, "is_service_point": True}
            for n in range(30)
        ]
    )
    claims = Claim.create(
        [
            {
                "service_point_id": dealers[n % 30].id,
                "partner_id": customer.id,
                "lot_id": units[n].id,
                "line_ids": [
                    Command.create(
                        {"line_type": "other", "name": "Repair", "price_unit": 10 + n % 7}
                    )
                ],
            }
            for n in range(90)
        ]
    )
    claims.line_ids.write({"appraisal": "approved"})
    claims.write({"state": "approved", "approved_date": approved})
    # the old parts overdue (and the deductions they breach): 45 claims of 15 points
    points = env["res.partner"].create(
        [
            {"name": f"{WTAG} point {n:02d}", "is_company": True, "is_service_point": True}
            for n in range(15)
        ]
    )
    part = env["product.product"].create(
        {"name": f"{WTAG} old part", "type": "consu", "aftersales_old_part_required": True}
    )
    waiting = Claim.create(
        [
            {
                "service_point_id": points[n % 15].id,
                "partner_id": customer.id,
                "lot_id": units[90 + n].id,
                "line_ids": [
                    Command.create({"line_type": "part", "product_id": part.id, "price_unit": 20})
                ],
            }
            for n in range(45)
        ]
    )
    waiting.write({"state": "waiting_parts", "first_submitted_on": now - timedelta(days=90)})
    # the service levels: 150 requests reported three days ago
    tickets = (
        env["helpdesk.ticket"]
        .with_context(tracking_disable=True)
        .create(
            [
                {
                    "name": f"{WTAG} request {n:03d}",
                    "description": "cron workers test",
                    "partner_id": customer.id,
                    "request_type": "repair",
                    "reported_at": now - timedelta(days=3),
                }
                for n in range(150)
            ]
        )
    )
    # the loaners lent to the first 30 requests, due back five days ago
    loans = (
        env["aftersales.loaner"]
        .with_context(tracking_disable=True)
        .create(
            [
                {
                    "ticket_id": tickets[n].id,
                    "lot_id": units[135 + n].id,
                    "state": "lent",
                    "lent_at": now - timedelta(days=20),
                    "due_date": today - timedelta(days=5),
                }
                for n in range(30)
            ]
        )
    )
    # the factory repairs received a month ago, past their promise
    repairs = (
        env["aftersales.factory.repair"]
        .with_context(tracking_disable=True)
        .create(
            [
                {
                    "partner_id": customer.id,
                    "lot_id": units[165 + n].id,
                    "state": "received",
                    "received_at": now - timedelta(days=30),
                }
                for n in range(30)
            ]
        )
    )
    # the urgent parts orders requested five days ago, not answered
    orders = (
        env["sale.order"]
        .with_context(tracking_disable=True)
        .create(
            [
                {
                    "partner_id": dealers[n].id,
                    "aftersales_urgent": True,
                    "aftersales_requested_at": now - timedelta(days=5),
                }
                for n in range(30)
            ]
        )
    )
    # the supplier recoveries sent a month ago, unanswered
    supplier = env["res.partner"].create({"name": f"{WTAG} supplier", "is_company": True})
    agreement = env["aftersales.supplier.agreement"].create(
        {"partner_id": supplier.id, "price_basis": "claim", "answer_days": 15}
    )
    recoveries = (
        env["aftersales.supplier.recovery"]
        .with_context(tracking_disable=True)
        .create(
            [
                {
                    "partner_id": supplier.id,
                    "agreement_id": agreement.id,
                    "period_start": date(2020, 1, 1) + relativedelta(months=n),
                    "period_end": date(2020, 1, 1) + relativedelta(months=n + 1, days=-1),
                    "state": "sent",
                    "sent_on": today - timedelta(days=30),
                }
                for n in range(30)
            ]
        )
    )
    # the deduction notices: 24 deductions posted on 4 dealers' deposits
    admin = env.ref("base.user_admin")
    Move = env["aftersales.deposit.move"].with_user(admin)
    bank = env["account.journal"].search(
        [*env["account.journal"]._check_company_domain(company), ("type", "=", "bank")], limit=1
    )
    payers = env["res.partner"].create(
        [{"name": f"{WTAG} payer {n}", "is_company": True, "is_dealer": True} for n in range(4)]
    )
    deposits = env["aftersales.deposit.account"]._for(company, payers)
    Move.create(
        [
            {
                "deposit_account_id": deposit.id,
                "move_type": "topup",
                "amount": 10000,
                "reason": f"{WTAG} top-up",
                "journal_id": bank.id,
            }
            for deposit in deposits
        ]
    ).action_post()
    deductions = Move.create(
        [
            {
                "deposit_account_id": deposits[n % 4].id,
                "move_type": "deduction",
                "amount": 100 + n,
                "reason": f"{WTAG} deduction {n:02d}",
            }
            for n in range(24)
        ]
    )
    deductions.action_submit()
    deductions.action_approve()
    deductions.action_post()
    env.cr.commit()
    print(
        f"planted {len(claims)} claims of {len(dealers)} dealers to settle, {len(waiting)} claims "
        f"with old parts overdue, {len(tickets)} requests, {len(loans)} loans, "
        f"{len(repairs)} factory repairs, {len(orders)} parts orders, {len(recoveries)} "
        f"recoveries, {len(deductions)} deductions posted"
    )


def worker_crons(env):
    return env["ir.cron"].union(*(env.ref(f"aftersales_service.{name}") for name in WORKER_CRONS))


def workers_ready(env):
    now = fields.Datetime.now()
    crons = env["ir.cron"].with_context(active_test=False)
    for name, batch_size in WORKER_CRONS.items():
        cron = env.ref(f"aftersales_service.{name}")
        method = cron.code.strip().removeprefix("model.").split("(")[0]
        cron.write(
            {
                "code": f"model.{method}(batch_size={batch_size})",
                "nextcall": now - timedelta(minutes=1),
                "active": True,
            }
        )
    (crons.search([]) - worker_crons(env)).write({"active": False})
    env["ir.cron.progress"].search([]).unlink()
    env.cr.commit()
    print(f"{len(WORKER_CRONS)} crons due now, the others paused")


def ready(cr, cron_ids):
    """The crons of ``cron_ids`` the cron runner would take now (its own condition)."""
    cr.execute(
        """
        SELECT count(*) FROM ir_cron c
         WHERE c.active AND c.id = ANY(%s)
           AND (c.nextcall <= (now() AT TIME ZONE 'UTC')
                OR EXISTS (SELECT 1 FROM ir_cron_trigger t
                            WHERE t.cron_id = c.id AND t.call_at <= (now() AT TIME ZONE 'UTC')))
        """,
        [list(cron_ids)],
    )
    return cr.fetchone()[0]


def press(env, cron_id):
    """Run manually as the web client's request runs it: the transaction has read before
    the button (the session, the form), so its snapshot is older than the press; then
    what the run did: the progress record it made, the newest this transaction sees (a
    cron worker's newer one is not visible before it commits)."""
    cron = env["ir.cron"].browse(cron_id)
    cron.read(["name", "nextcall"])
    time.sleep(0.02)
    cron.method_direct_trigger()
    progress = (
        env["ir.cron.progress"].sudo().search([("cron_id", "=", cron_id)], order="id desc", limit=1)
    )
    return progress.done


def manual(env):
    registry = Registry(env.cr.dbname)
    admin = env.ref("base.user_admin").id
    tally = {cron.id: Counter() for cron in worker_crons(env)}
    names = {cron.id: cron.name for cron in worker_crons(env)}
    idle, stop = 0, time.monotonic() + 600
    while idle < 2 and time.monotonic() < stop:
        for cron_id, counts in tally.items():
            registry = registry.check_signaling()
            with registry.cursor() as cr:
                user_env = api.Environment(cr, admin, {})
                try:
                    done = retrying(partial(press, user_env, cron_id), user_env)
                except UserError:  # "This cron task is currently being executed"
                    counts["refused"] += 1
                    continue
                counts["ran"] += 1
                counts["records"] += done
            time.sleep(0.05)
        with registry.cursor() as cr:
            idle = 0 if ready(cr, tally) else idle + 1
        time.sleep(0.2)
    for cron_id, counts in tally.items():
        print(
            f"Run manually {names[cron_id]}: {counts['ran']} runs did {counts['records']} "
            f"records, {counts['refused']} refused (a cron worker had it)"
        )
    print(f"manual: {sum(c['ran'] for c in tally.values())} runs", flush=True)


def _chatter(records, model="mail.message"):
    """Per record id, its messages (not the tracking ones) or its activities."""
    if model == "mail.activity":
        domain = [("res_model", "=", records._name)]
    else:
        domain = [
            ("model", "=", records._name),
            ("message_type", "!=", "user_notification"),  # "assigned to you" of an activity
            ("tracking_value_ids", "=", False),
            ("body", "!=", False),
        ]
    groups = records.env[model]._read_group(
        [*domain, ("res_id", "in", records.ids)], ["res_id"], ["__count"]
    )
    return Counter(dict(groups))


def _tally(records, done, counts, expected=None):
    """(records, processed once, twice or more, not processed): ``done`` says which are
    processed, ``counts`` how many times, ``expected`` how many times is once (1)."""
    once = twice = missed = 0
    for record in records:
        want = expected(record) if expected else 1
        if not done(record) or counts[record.id] < want or not want:
            missed += 1
        elif counts[record.id] > want:
            twice += 1
        else:
            once += 1
    return len(records), once, twice, missed


def _settlement_tally(env):
    claims = env["aftersales.claim"].search([("service_point_id.name", "like", f"{WTAG} dealer")])
    lines = env["aftersales.claim.settlement.line"].search([("claim_id", "in", claims.ids)])
    per_claim = Counter(line.claim_id.id for line in lines)
    settlements = lines.settlement_id
    per_dealer = Counter((s.partner_id.id, s.period_start) for s in settlements)
    doubled = sum(1 for n in per_dealer.values() if n > 1)  # a dealer with two settlements
    records, once, twice, missed = _tally(claims, lambda claim: claim.settlement_id, per_claim)
    return records, once, twice + doubled, missed


def _sla_tally(env):
    tickets = env["helpdesk.ticket"].search([("name", "like", f"{WTAG} request")])
    clocks = ("callback", "onsite", "opinion", "resolution")
    return _tally(
        tickets,
        lambda ticket: True,
        _chatter(tickets),
        lambda ticket: sum(1 for clock in clocks if ticket[f"{clock}_breached"]),
    )


def _deductions_tally(env):
    moves = env["aftersales.deposit.move"].search(
        [("reason", "like", f"{WTAG} deduction"), ("move_type", "=", "deduction")]
    )
    notices = env["mail.message"]._read_group(
        [
            ("model", "=", moves._name),
            ("res_id", "in", moves.ids),
            ("attachment_ids", "!=", False),
        ],
        ["res_id"],
        ["__count"],
    )
    return _tally(moves, lambda move: not move.notice_pending, Counter(dict(notices)))


def _old_part_lines(env):
    return env["aftersales.claim.line"].search(
        [("claim_id.service_point_id.name", "like", f"{WTAG} point")]
    )


def _proposed_tally(env):
    lines = _old_part_lines(env)
    rules = env["aftersales.penalty.rule"].search(
        [("breach", "=", "old_part_late"), ("company_id", "=", env.company.id)]
    )
    moves = env["aftersales.deposit.move"].search(
        [("rule_id", "in", rules.ids), ("claim_line_id", "in", lines.ids)]
    )
    return _tally(
        lines,
        lambda line: True,
        Counter(move.claim_line_id.id for move in moves),
        lambda line: len(rules),
    )


def worker_tallies(env):
    """Per cron of WORKER_CRONS: (records, processed once, twice or more, not processed)."""
    search = {
        model: env[model].search([(field, "like", value)])
        for model, field, value in (
            ("aftersales.supplier.recovery", "partner_id.name", f"{WTAG} supplier"),
            ("aftersales.claim", "service_point_id.name", f"{WTAG} point"),
            ("aftersales.loaner", "ticket_id.name", f"{WTAG} request"),
            ("aftersales.factory.repair", "lot_id.name", f"{WTAG}-"),
            ("sale.order", "partner_id.name", f"{WTAG} dealer"),
        )
    }
    recoveries, waiting, loans, repairs, orders = search.values()
    activity = partial(_chatter, model="mail.activity")
    return {
        "ir_cron_aftersales_monthly_settlement": _settlement_tally(env),
        "ir_cron_aftersales_sla_breach": _sla_tally(env),
        "ir_cron_aftersales_deduction_notices": _deductions_tally(env),
        "ir_cron_aftersales_recovery_deemed_accepted": _tally(
            recoveries, lambda r: r.state == "accepted", _chatter(recoveries)
        ),
        "ir_cron_aftersales_overdue_old_parts": _tally(
            waiting, lambda claim: claim.old_part_reminded, activity(waiting)
        ),
        "ir_cron_aftersales_propose_deductions": _proposed_tally(env),
        "ir_cron_aftersales_overdue_loaners": _tally(
            loans, lambda loan: loan.overdue_reminded, activity(loans)
        ),
        "ir_cron_aftersales_factory_repair_breach": _tally(
            repairs, lambda repair: repair.late_flagged, _chatter(repairs)
        ),
        "ir_cron_aftersales_parts_answer_breach": _tally(
            orders, lambda order: order.aftersales_answer_breached, _chatter(orders)
        ),
    }


JOB_LINE = re.compile(
    r" (\d+) INFO \S+ odoo\.addons\.base\.models\.ir_cron: Job .* \((\d+)\) processed "
    r"(\d+) records"
)


def server_batches(path):
    """From the server's log: per cron id, per cron worker (pid), [batches, records]."""
    batches = {}
    with open(path, encoding="utf-8") as log:
        for line in log:
            match = JOB_LINE.search(line)
            if match:
                pid, cron_id, records = (int(group) for group in match.groups())
                counts = batches.setdefault(cron_id, {}).setdefault(pid, [0, 0])
                counts[0] += 1
                counts[1] += records
    return batches


def check_workers(env):
    batches = server_batches(os.environ["FAULT_SERVER_LOG"])
    problems = []
    workers, shared, by_hand = set(), 0, 0
    for name, (records, once, twice, missed) in worker_tallies(env).items():
        cron = env.ref(f"aftersales_service.{name}")
        done = sum(env["ir.cron.progress"].search([("cron_id", "=", cron.id)]).mapped("done"))
        by_worker = batches.get(cron.id, {})
        workers |= set(by_worker)
        runner = sum(records_ for _batches, records_ in by_worker.values())
        shares = ", ".join(
            f"worker {pid} {n} batches / {records_} records"
            for pid, (n, records_) in sorted(by_worker.items())
        )
        print(
            f"{name.removeprefix('ir_cron_aftersales_')}: {records} planted, {once} once, "
            f"{twice} twice, {missed} missed; {shares or 'no worker batch'}; progress "
            f"{done} records, {done - runner} of them by Run manually"
        )
        shared += len(by_worker) > 1
        by_hand += done - runner
        if twice or missed or not records:
            problems.append(f"{name}: {twice} twice, {missed} missed of {records}")
    print(
        f"{shared} of {len(WORKER_CRONS)} crons ran in both cron workers by turns; "
        f"{by_hand} records done by Run manually between the workers' batches"
    )
    if len(workers) < 2 or not shared or not by_hand:
        problems.append("the workers or Run manually did not share the work: it proves nothing")
    print("CHECK WORKERS " + ("OK" if not problems else "FAILED: " + "; ".join(problems)))
    return not problems


def connection(env):
    import odoo

    registry = odoo.modules.registry.Registry(env.cr.dbname)
    with registry.cursor() as probe:
        probe.execute("SELECT count(*) FROM aftersales_claim")
        before = probe.fetchone()[0]
    cr = registry.cursor()
    try:
        work = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        dealer = work["res.partner"].search([("name", "like", f"{TAG} dealer")], limit=1)
        unit = work["stock.lot"].search([("name", "like", f"{TAG}-")], limit=1)
        work["aftersales.claim"].create(
            {"service_point_id": dealer.id, "lot_id": unit.id, "name": f"{TAG} lost"}
        )
        work.flush_all()
        with registry.cursor() as killer:
            killer.execute("SELECT pg_terminate_backend(%s)", [cr.connection.get_backend_pid()])
        try:
            cr.commit()
            print("CONNECTION FAILED: the commit went through")
            return False
        except Exception as error:  # the connection is gone: psycopg2.OperationalError
            print(f"the commit failed as it must: {type(error).__name__}")
    finally:
        try:
            cr.close()
        except Exception:  # noqa: BLE001 (the connection is already gone)
            pass
    with registry.cursor() as probe:
        probe.execute("SELECT count(*) FROM aftersales_claim WHERE name = %s", [f"{TAG} lost"])
        lost = probe.fetchone()[0]
        probe.execute("SELECT count(*) FROM aftersales_claim")
        after = probe.fetchone()[0]
    ok = lost == 0 and after == before
    print("CONNECTION " + ("OK: nothing of the transaction was kept" if ok else "FAILED"))
    return ok


env = env(context=dict(env.context, lang="en_US"))  # noqa: F821 (odoo-bin shell)
if STEP == "plant":
    plant(env)
elif STEP == "settle":
    run_cron(
        env,
        "aftersales.claim.settlement",
        "_cron_aftersales_monthly_settlement",
        unsettled,
        batch_size=5,
    )
elif STEP == "breach":
    run_cron(env, "helpdesk.ticket", "_cron_aftersales_sla_breach", unbreached, batch_size=25)
elif STEP == "check":
    sys.exit(0 if check(env) else 1)
elif STEP == "connection":
    sys.exit(0 if connection(env) else 1)
elif STEP == "plant_workers":
    plant_workers(env)
elif STEP == "workers_ready":
    workers_ready(env)
elif STEP == "manual":
    manual(env)
elif STEP == "check_workers":
    sys.exit(0 if check_workers(env) else 1)
