# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

import pytz

from odoo import Command

from .common import AftersalesCommon

SHANGHAI = pytz.timezone("Asia/Shanghai")


def utc(local):
    """Naive UTC datetime of a 'YYYY-MM-DD HH:MM' wall time in Shanghai."""
    dt = SHANGHAI.localize(datetime.strptime(local, "%Y-%m-%d %H:%M"))
    return dt.astimezone(pytz.utc).replace(tzinfo=None)


class AftersalesServiceCommon(AftersalesCommon):
    """Service requests on a hotline calendar of their own: Monday to Saturday
    08:00-18:00 in Shanghai, Monday 9 March 2026 a public holiday. The preset
    rules are archived; each class creates the rules it needs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["aftersales.sla.rule"].search([]).action_archive()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Test hotline",
                "tz": "Asia/Shanghai",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": str(day),
                            "dayofweek": str(day),
                            "hour_from": 8.0,
                            "hour_to": 18.0,
                            "day_period": "morning",
                        }
                    )
                    for day in range(6)
                ],
                "global_leave_ids": [Command.clear()],
            }
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Test public holiday",
                "calendar_id": cls.calendar.id,
                "date_from": utc("2026-03-09 00:00"),
                "date_to": utc("2026-03-09 23:59"),
            }
        )
        cls.stage_new = cls.env["helpdesk.ticket.stage"].create(
            {"name": "Test new", "sequence": -10}
        )
        cls.stage_waiting = cls.env["helpdesk.ticket.stage"].create(
            {"name": "Test waiting", "sequence": -9, "aftersales_sla_pause": True}
        )
        cls.stage_done = cls.env["helpdesk.ticket.stage"].create(
            {"name": "Test done", "sequence": -8, "closed": True}
        )

    @classmethod
    def _create_rule(cls, name, **values):
        return cls.env["aftersales.sla.rule"].create(
            dict({"name": name, "calendar_id": cls.calendar.id}, **values)
        )

    @classmethod
    def _create_ticket(cls, reported_at, **values):
        vals = {
            "name": "Heater does not heat",
            "description": "<p>No hot water since yesterday.</p>",
            "reported_at": reported_at,
            "stage_id": cls.stage_new.id,
        }
        vals.update(values)
        return cls.env["helpdesk.ticket"].create(vals)
