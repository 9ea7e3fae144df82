# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    """The company's loaner promises (备用机): how long a unit is lent, after how many
    hours a repair owes the customer a loaner, after how many days a family car owes a
    spare car or a transport allowance."""

    _inherit = "res.company"

    aftersales_loaner_days = fields.Integer(
        "Loan Period (Days)",
        default=7,
        help="A loaner unit is due back this many days after it is lent.",
    )
    aftersales_loaner_hours = fields.Integer(
        "Loaner Owed After (Hours)",
        default=4,
        help="A repair request not done this many hours after it was reported owes the "
        "customer a loaner unit or a free equivalent.",
    )
    aftersales_spare_car_days = fields.Integer(
        "Spare Car Owed After (Days)",
        default=5,
        help="A family car's repair open more than this many days owes the customer a "
        "spare car or a transport allowance.",
    )
