# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models

from .helpdesk_ticket import DISPATCHED_REQUEST_TYPES


class AftersalesDesk(models.AbstractModel):
    """售后工作台: today's work of the desk, the landing page of the app.

    Each tile is a count and the list behind it; its domain is stated here once, the
    screen (``static/src/desk``) only shows what this returns. The desk is the clerk's
    and the warranty technician's (the other roles land on their own section); the
    return visits are the clerk's.
    """

    _name = "aftersales.desk"
    _description = "After-Sales Desk"

    @api.model
    def get_desk(self):
        user = self.env.user
        desk_user = user.has_group("aftersales_service.group_aftersales_clerk") or user.has_group(
            "aftersales_service.group_aftersales_technician"
        )
        if not desk_user:
            return []
        sections = [self._section_requests(), self._section_jobs()]
        if user.has_group("aftersales_service.group_aftersales_clerk"):
            sections.append(self._section_return_visits())
        return sections

    # ------------------------------------------------------------------
    # Sections
    # ------------------------------------------------------------------

    @api.model
    def _section_requests(self):
        now = fields.Datetime.now()
        open_requests = [("stage_id.closed", "=", False)]
        tiles = [
            self._tile(
                "overdue",
                _("Overdue"),
                "danger",
                "helpdesk.ticket",
                [
                    *open_requests,
                    "|",
                    ("sla_status", "=", "breached"),
                    ("sla_next_deadline", "<", now),
                ],
            ),
            self._tile(
                "due_today",
                _("Due Today"),
                "warning",
                "helpdesk.ticket",
                [
                    *open_requests,
                    ("sla_next_deadline", ">=", now),
                    ("sla_next_deadline", "<", self._end_of_today()),
                ],
            ),
            self._tile(
                "callback_due",
                _("Callback Due"),
                "info",
                "helpdesk.ticket",
                [
                    *open_requests,
                    ("callback_deadline", "!=", False),
                    ("callback_done_at", "=", False),
                ],
            ),
            self._tile(
                "to_dispatch",
                _("To Dispatch"),
                "primary",
                "helpdesk.ticket",
                [
                    ("stage_id.aftersales_role", "=", "new"),
                    ("request_type", "in", list(DISPATCHED_REQUEST_TYPES)),
                ],
            ),
        ]
        return {"name": "requests", "title": _("Service Requests"), "tiles": tiles}

    @api.model
    def _section_jobs(self):
        start_of_today = self._end_of_today() - timedelta(days=1)
        states = dict(
            self.env["aftersales.service.job"]._fields["state"]._description_selection(self.env)
        )
        tiles = [
            self._tile(
                f"job_{state}",
                states[state],
                tone,
                "aftersales.service.job",
                [("state", "=", state)],
            )
            for state, tone in (
                ("draft", "primary"),
                ("dispatched", "info"),
                ("accepted", "info"),
                ("on_site", "warning"),
            )
        ]
        tiles.append(
            self._tile(
                "done_today",
                _("Completed Today"),
                "success",
                "aftersales.service.job",
                [("state", "in", ["done", "called_back"]), ("checkout_at", ">=", start_of_today)],
            )
        )
        return {"name": "jobs", "title": _("Service Jobs"), "tiles": tiles}

    @api.model
    def _section_return_visits(self):
        visit = self.env.ref("aftersales_service.mail_activity_type_return_visit")
        today = fields.Date.context_today(self)
        tiles = [
            self._tile(
                "my_return_visits",
                _("My Return Visits Due"),
                "danger",
                "aftersales.service.job",
                [
                    ("activity_ids.activity_type_id", "=", visit.id),
                    ("activity_ids.user_id", "=", self.env.uid),
                    ("activity_ids.date_deadline", "<=", today),
                ],
            ),
            self._tile(
                "return_visits",
                _("Return Visits to Make"),
                "info",
                "aftersales.service.job",
                [("state", "=", "done")],
            ),
        ]
        return {"name": "return_visits", "title": _("Return Visits"), "tiles": tiles}

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.model
    def _tile(self, name, label, tone, model, domain):
        return {
            "name": name,
            "label": label,
            "tone": tone,
            "count": self.env[model].search_count(domain),
            "action": {
                "type": "ir.actions.act_window",
                "name": label,
                "res_model": model,
                "domain": domain,
                "views": [(False, "list"), (False, "kanban"), (False, "form")],
                "context": {"aftersales_person_only": True},
            },
        }

    @api.model
    def _end_of_today(self):
        """Midnight ending the user's today, as naive UTC."""
        tz = pytz.timezone(self.env.user.tz or "Asia/Shanghai")
        today = fields.Date.context_today(self)
        midnight = tz.localize(datetime.combine(today + timedelta(days=1), time.min))
        return midnight.astimezone(pytz.utc).replace(tzinfo=None)
