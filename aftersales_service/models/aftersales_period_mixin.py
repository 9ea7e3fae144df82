# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesPeriodMixin(models.AbstractModel):
    """A period of a report or a statement: last month by default, never ending before
    it starts."""

    _name = "aftersales.period.mixin"
    _description = "After-Sales Report Period"

    date_from = fields.Date(
        "Period Start", required=True, default=lambda self: self._default_period()[0]
    )
    date_to = fields.Date(
        "Period End", required=True, default=lambda self: self._default_period()[1]
    )

    @api.model
    def _default_period(self):
        today = fields.Date.context_today(self)
        return self.env["aftersales.claim.settlement"]._month_of(today - relativedelta(months=1))

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for record in self:
            if record.date_to < record.date_from:
                raise ValidationError(
                    _("The period ends before it starts: let it end on or after its start.")
                )
