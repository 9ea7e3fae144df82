# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import UserError


class AftersalesStateGuard(models.AbstractModel):
    """The one refusal of a workflow button pressed in the wrong state."""

    _name = "aftersales.state.guard"
    _description = "Workflow State Guard"

    def _ensure_state(self, states, verb, field="state"):
        """Refuse the step (``verb``: "approved", "closed" …, translated) unless every
        record is in one of ``states`` (a state or a tuple of them)."""
        if isinstance(states, str):
            states = (states,)
        blocked = self.filtered(lambda record: record[field] not in states)
        if blocked:
            labels = dict(self._fields[field]._description_selection(self.env))
            raise UserError(
                _(
                    "%(records)s cannot be %(verb)s: it is %(state)s.",
                    records=", ".join(blocked.mapped("display_name")),
                    verb=verb,
                    state=labels[blocked[0][field]],
                )
            )
