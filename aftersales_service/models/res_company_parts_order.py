# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    """How fast a dealer's urgent parts order, or one asking for a scarce part, is
    answered, in the company's working time."""

    _inherit = "res.company"

    aftersales_urgent_answer_hours = fields.Float(
        "Urgent Order Answered Within (Hours)",
        default=3.0,
        help="Working hours from an urgent parts order to the answer to the dealer.",
    )
    aftersales_scarce_answer_days = fields.Float(
        "Scarce Part Answered Within (Days)",
        default=3.0,
        help="Working days from a parts order asking for a part out of stock to the "
        "answer to the dealer.",
    )
