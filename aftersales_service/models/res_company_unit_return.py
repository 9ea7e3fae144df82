# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_return_approval_limit = fields.Monetary(
        "Exchange / Refund Approval Above",
        currency_field="currency_id",
        default=3000.0,
        help="An exchange or refund order worth more than this (the refund, or the unit's "
        "price for an exchange) is approved by an after-sales manager; a clerk approves the "
        "others.",
    )

    @api.constrains("aftersales_return_approval_limit")
    def _check_aftersales_return_approval_limit(self):
        if any(company.aftersales_return_approval_limit < 0 for company in self):
            raise ValidationError(
                _(
                    "The exchange / refund approval limit cannot be negative: use 0 to have "
                    "the manager approve every order."
                )
            )
