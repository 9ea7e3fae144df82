# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    def _retrieve_dashboard(self):
        """The helpdesk dashboard in the desk's words: helpdesk_mgmt has no Chinese,
        and its Python texts can only be translated by their own module."""
        labels = {
            "helpdesk_mgmt.helpdesk_ticket_action_unassigned": _("Open Requests without Team"),
            "helpdesk_mgmt.helpdesk_ticket_action_opened": _("Open Requests"),
        }
        items = super()._retrieve_dashboard()
        for item in items:
            item["name"] = labels.get(item.get("action"), item["name"])
        return items
