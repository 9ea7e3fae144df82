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

from odoo import Command

COUNTS = {"request create": 5000, "job create (snapshot)": 2000}
# The claim part (bench_claims.py), with its sizes and scale.
SCALE = float(os.environ.get("AFTERSALES_BENCH_SCALE", "1"))
CLAIMS, POINTS = int(10000 * SCALE), 20
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def timed(env, create):
    env.flush_all()
    env.invalidate_all()
    start = time.perf_counter()
    create()
    env.cr.precommit.run()  # the tracking messages, written at commit
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
    floor.update(claims_floor(env, partner))
    with open(os.environ["AFTERSALES_BENCH_FLOOR"], "w") as out:
        json.dump(floor, out)
    print("Odoo floor:", ", ".join(f"{what} {1 / s:,.0f}/s" for what, s in floor.items()))


def claims_floor(env, partner):
    """The floor of bench_claims.py's lines.

    Claim create: a bare helpdesk.ticket (mail.thread and a sequence, no lines).
    Claim submit: what any submission costs in Odoo itself, one batched write of a tracked
    field (the stage) and one internal note per record in one batch (the checks' summary),
    on tickets. helpdesk_mgmt's stage write logs no tracking message here, while each
    claim gets one (state, version): the floor leaves it out, as the checks and their 13
    results per claim, which have no counterpart in Odoo.
    Old parts: the same number of plain incoming moves of an untracked product, one
    picking per service point, created and confirmed; then received (quantities, picked,
    one ``button_validate`` per picking, no backorder), exactly as the old-part returns are."""
    floor = {}
    start = time.perf_counter()
    tickets = (
        env["helpdesk.ticket"]
        .with_context(**QUIET)
        .create(
            [
                {
                    "name": f"Floor claim {i}",
                    "description": "<p>Floor</p>",
                    "partner_id": partner.id,
                }
                for i in range(CLAIMS)
            ]
        )
    )
    env.flush_all()
    floor["claim create (3 lines)"] = (time.perf_counter() - start) / CLAIMS
    stage = env["helpdesk.ticket.stage"].search([("id", "not in", tickets.stage_id.ids)], limit=1)

    loud = tickets.with_context(tracking_disable=False, mail_notrack=False, mail_create_nolog=False)

    def submit():
        loud.write({"stage_id": stage.id})
        loud._message_log_batch(
            dict.fromkeys(loud.ids, "Submission 1 checked: 0 of 13 checks raised something.")
        )

    floor["claim submit"] = timed(env, submit) / CLAIMS
    floor["claim submit (small batch)"] = floor["claim submit"]

    part = env["product.product"].create(
        {"name": "Floor element", "type": "consu", "is_storable": True}
    )
    operation = env["stock.warehouse"].search([], limit=1).in_type_id
    source = env.ref("stock.stock_location_customers")
    destination = operation.default_location_dest_id
    per_point = CLAIMS // POINTS
    pickings = env["stock.picking"]

    def create_returns():
        nonlocal pickings
        pickings = env["stock.picking"].create(
            [
                {
                    "picking_type_id": operation.id,
                    "partner_id": partner.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": f"Floor part {p}-{m}",
                                # one move per part, as one per claim line: not merged
                                "description_picking": f"Floor part {p}-{m}",
                                "product_id": part.id,
                                "product_uom_qty": 1.0,
                                "product_uom": part.uom_id.id,
                                "location_id": source.id,
                                "location_dest_id": destination.id,
                            }
                        )
                        for m in range(per_point)
                    ],
                }
                for p in range(POINTS)
            ]
        )
        pickings.action_confirm()
        assert len(pickings.move_ids) == per_point * POINTS, len(pickings.move_ids)

    def receive():
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

    floor["old-part returns create"] = timed(env, create_returns) / (per_point * POINTS)
    floor["old-part receipt"] = timed(env, receive) / (per_point * POINTS)
    assert set(pickings.mapped("state")) == {"done"}, pickings.mapped("state")
    return floor


try:
    main(env)  # noqa: F821 (given by odoo-bin shell)
finally:
    env.cr.rollback()  # noqa: F821
