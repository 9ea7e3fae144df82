# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    aftersales_sla_pause = fields.Boolean(
        string="Pause Service Levels",
        help="While a request is in this stage (waiting on the customer), its "
        "service level clocks stop: the working time spent here is added to the "
        "deadlines not met yet.",
    )
