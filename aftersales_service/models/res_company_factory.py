# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_factory_repair_days = fields.Integer(
        "Factory Turnaround (Working Days)",
        default=5,
        help="A unit taken back to the factory is promised back within these working "
        "days of its receipt, in the company's working hours.",
    )

    _sql_constraints = [  # noqa: RUF012
        (
            "aftersales_factory_repair_days_positive",
            "CHECK(aftersales_factory_repair_days >= 0)",
            "The factory turnaround cannot be negative.",
        ),
    ]
