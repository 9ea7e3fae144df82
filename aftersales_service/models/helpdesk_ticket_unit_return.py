# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class HelpdeskTicket(models.Model):
    """A request whose 三包 decision is an exchange or a refund opens its exchange /
    refund order (退换机单) from the request."""

    _inherit = "helpdesk.ticket"

    unit_return_ids = fields.One2many(
        "aftersales.unit.return", "ticket_id", "Exchange / Refund Orders"
    )
    unit_return_count = fields.Integer(compute="_compute_unit_return_count")

    @api.depends("unit_return_ids")
    def _compute_unit_return_count(self):
        for ticket in self:
            ticket.unit_return_count = len(ticket.unit_return_ids)

    def action_aftersales_unit_return(self):
        """A new exchange / refund order for the request's unit, of the kind its decision
        allows (an exchange when it allows neither: the clerk writes the reason)."""
        self.ensure_one()
        kind = "refund" if self.entitlement_decision == "refund" else "exchange"
        return {
            "type": "ir.actions.act_window",
            "name": _("Exchange / Refund"),
            "res_model": "aftersales.unit.return",
            "view_mode": "form",
            "context": {
                "default_ticket_id": self.id,
                "default_kind": kind,
                "default_company_id": self.company_id.id,
            },
        }

    def action_aftersales_view_unit_returns(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_unit_return_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action
