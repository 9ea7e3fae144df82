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
"""

import os
import sys
import time
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields

TAG = "FAULTS"
STEP = os.environ["FAULT_STEP"]


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
