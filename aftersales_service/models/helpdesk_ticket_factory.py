# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """The 返厂维修单 of a service request: its unit taken back to the factory."""

    _inherit = "helpdesk.ticket"

    factory_repair_ids = fields.One2many(
        "aftersales.factory.repair", "ticket_id", "Factory Repairs", readonly=True
    )
    factory_repair_count = fields.Integer(compute="_compute_factory_repair_count")
    factory_picking_ids = fields.One2many(
        "stock.picking", "aftersales_ticket_id", "Factory Repair Transfers", readonly=True
    )

    def _compute_factory_repair_count(self):
        counts = dict(
            self.env["aftersales.factory.repair"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.factory_repair_count = counts.get(ticket, 0)

    def action_view_factory_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_factory_repair_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def action_new_factory_repair(self):
        """Take the request's unit back to the factory: a new 返厂维修单, prefilled."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.factory.repair",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_ticket_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_lot_id": self.lot_id.id,
                "default_company_id": self.company_id.id,
                "default_fault_description": self.name,
            },
        }
