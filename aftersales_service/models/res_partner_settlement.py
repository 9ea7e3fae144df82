# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models

from .res_company_settlement import SETTLEMENT_MODES


class ResPartner(models.Model):
    """How a dealer is paid for its claims and its settlements; what a supplier paid back."""

    _inherit = "res.partner"

    aftersales_settlement_mode = fields.Selection(
        SETTLEMENT_MODES,
        "Claim Settlement Mode",
        help="Empty: the company's mode (Settings > After-Sales).",
    )
    aftersales_settlement_count = fields.Integer(
        "Settlements", compute="_compute_aftersales_settlement_count"
    )
    aftersales_recovery_rate = fields.Float(
        "Recovery Rate (%)",
        compute="_compute_aftersales_recovery_rate",
        help="Accepted over recoverable, on the recoveries sent to this supplier.",
    )

    def _compute_aftersales_recovery_rate(self):
        rows = self.env["aftersales.supplier.recovery"]._read_group(
            [
                ("partner_id", "in", self._origin.ids),
                ("state", "in", ("accepted", "partial", "booked")),
            ],
            groupby=["partner_id"],
            aggregates=["amount_total:sum", "amount_accepted:sum"],
        )
        rates = {
            partner.id: (accepted / total * 100 if total else 0.0)
            for partner, total, accepted in rows
        }
        for partner in self:
            partner.aftersales_recovery_rate = rates.get(partner._origin.id, 0.0)

    def _compute_aftersales_settlement_count(self):
        counts = self._aftersales_count_by(
            "aftersales.claim.settlement", "partner_id", [("partner_id", "in", self._origin.ids)]
        )
        for partner in self:
            partner.aftersales_settlement_count = counts.get(partner._origin.id, 0)

    def _aftersales_settlement_mode(self):
        """The dealer's own mode, else its company's (the company of the environment)."""
        self.ensure_one()
        partner = self.commercial_partner_id
        return partner.aftersales_settlement_mode or self.env.company.aftersales_settlement_mode

    def action_view_aftersales_settlements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_claim_settlement_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"create": False}
        action["name"] = _("Settlements")
        return action

    def action_aftersales_dealer_statement(self):
        """The statement wizard for this dealer, last month preset."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_dealer_statement_action"
        )
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
