# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AftersalesServiceJob(models.Model):
    _inherit = "aftersales.service.job"

    def write(self, vals):
        res = super().write(vals)
        if {"state", "service_point_id"} & set(vals):
            self.part_ids._aftersales_sync_demand()
        return res
