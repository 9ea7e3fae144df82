# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

STAGE_ROLES = [
    ("new", "New"),
    ("in_progress", "In Progress"),
    ("solved", "Solved"),
    ("cancelled", "Cancelled"),
]


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    aftersales_sla_pause = fields.Boolean(
        string="Pause Service Levels",
        help="While a request is in this stage (waiting on the customer), its "
        "service level clocks stop: the working time spent here is added to the "
        "deadlines not met yet.",
    )
    aftersales_role = fields.Selection(
        STAGE_ROLES,
        string="Follows the Jobs As",
        help="The request moves to the first stage of this role when its jobs call for "
        "it: New when every job was cancelled, In Progress once a job is dispatched, "
        "Solved when every job is completed. Cancelling a request in a Cancelled "
        "stage cancels its jobs not started.",
    )
