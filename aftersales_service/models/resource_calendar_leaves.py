# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResourceCalendarLeaves(models.Model):
    """A public holiday (a leave of no resource) changed: the cached working days of
    the 三包 periods are stale. Personal time off does not touch them."""

    _inherit = "resource.calendar.leaves"

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        if leaves._aftersales_public_holidays():
            leaves._aftersales_clear_working_days()
        return leaves

    def write(self, vals):
        was_public = self._aftersales_public_holidays()
        res = super().write(vals)
        if was_public or self._aftersales_public_holidays():
            self._aftersales_clear_working_days()
        return res

    def unlink(self):
        was_public = self._aftersales_public_holidays()
        res = super().unlink()
        if was_public:
            self.env["resource.calendar"]._aftersales_clear_working_days()
        return res

    def _aftersales_public_holidays(self):
        return self.filtered(lambda leave: not leave.resource_id)

    def _aftersales_clear_working_days(self):
        self.env["resource.calendar"]._aftersales_clear_working_days()
