# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    aftersales_job_ids = fields.One2many(
        "aftersales.service.job", "invoice_id", "Service Jobs", readonly=True
    )
