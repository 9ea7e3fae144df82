# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's own floor for the creates the benchmark times (``make bench``).

Run with ``odoo-bin shell`` on a database with helpdesk_mgmt and stock but not the
addon; writes ``{what: seconds per record}`` as JSON to the path in the environment
variable ``AFTERSALES_BENCH_FLOOR`` for ``bench_aftersales.py`` to print beside its own
figures. The same counts and the same quiet context as there; rolled back.
"""

import json
import os
import time

COUNTS = {"request create": 5000, "job create (snapshot)": 2000}
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def timed(env, create):
    env.flush_all()
    env.invalidate_all()
    start = time.perf_counter()
    create()
    env.flush_all()
    return time.perf_counter() - start


def main(env):
    env = env(context=dict(env.context, lang="en_US", **QUIET))
    partner = env["res.partner"].create({"name": "Floor customer"})
    product = env["product.product"].create(
        {"name": "Floor heater", "type": "consu", "is_storable": True, "tracking": "serial"}
    )
    floor = {}
    # A bare helpdesk.ticket of helpdesk_mgmt: mail.thread, tracking, a sequence.
    floor["request create"] = (
        timed(
            env,
            lambda: env["helpdesk.ticket"].create(
                [
                    {"name": f"Floor {i}", "description": "<p>Floor</p>", "partner_id": partner.id}
                    for i in range(COUNTS["request create"])
                ]
            ),
        )
        / COUNTS["request create"]
    )
    # A bare record with mail.thread and a sequence: a stock.lot named by its sequence.
    floor["job create (snapshot)"] = (
        timed(
            env,
            lambda: env["stock.lot"].create(
                [{"product_id": product.id} for _i in range(COUNTS["job create (snapshot)"])]
            ),
        )
        / COUNTS["job create (snapshot)"]
    )
    with open(os.environ["AFTERSALES_BENCH_FLOOR"], "w") as out:
        json.dump(floor, out)
    print("Odoo floor:", ", ".join(f"{what} {1 / s:,.0f}/s" for what, s in floor.items()))


try:
    main(env)  # noqa: F821 (given by odoo-bin shell)
finally:
    env.cr.rollback()  # noqa: F821
