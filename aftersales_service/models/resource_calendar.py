# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def write(self, vals):
        res = super().write(vals)
        self._aftersales_clear_working_days()
        return res

    def unlink(self):
        res = super().unlink()
        self._aftersales_clear_working_days()
        return res

    def _aftersales_clear_working_days(self):
        """The 三包 periods roll over the calendar's working days, cached per year
        (``aftersales.entitlement._working_days_of_year``): forget them."""
        self.env.registry.clear_cache()
