# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    """A service point's claims: its labour rate and the count of its claims."""

    _inherit = "res.partner"

    aftersales_labour_rate = fields.Monetary(
        "Claim Labour Rate",
        currency_field="aftersales_currency_id",
        help="Paid per hour of labour norm on the service point's claims, before its dealer "
        "class factor. 0: the company's rate.",
    )
    aftersales_currency_id = fields.Many2one(
        "res.currency", compute="_compute_aftersales_currency_id"
    )
    aftersales_claim_count = fields.Integer("Claims", compute="_compute_aftersales_claim_count")

    @api.depends("company_id")
    def _compute_aftersales_currency_id(self):
        for partner in self:
            partner.aftersales_currency_id = (partner.company_id or self.env.company).currency_id

    def _compute_aftersales_claim_count(self):
        counts = self._aftersales_count_by(
            "aftersales.claim", "service_point_id", [("service_point_id", "in", self._origin.ids)]
        )
        for partner in self:
            partner.aftersales_claim_count = counts.get(partner._origin.id, 0)

    def action_view_aftersales_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_claim_action"
        )
        action.update(
            domain=[("service_point_id", "=", self.id)],
            context={"default_service_point_id": self.id},
        )
        return action
