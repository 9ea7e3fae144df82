# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResourceCalendarAttendance(models.Model):
    """Working hours changed: the cached working days of the 三包 periods are stale."""

    _inherit = "resource.calendar.attendance"

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances.calendar_id._aftersales_clear_working_days()
        return attendances

    def write(self, vals):
        res = super().write(vals)
        self.calendar_id._aftersales_clear_working_days()
        return res

    def unlink(self):
        calendars = self.calendar_id
        res = super().unlink()
        calendars._aftersales_clear_working_days()
        return res
