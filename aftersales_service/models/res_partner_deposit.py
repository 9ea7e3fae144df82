# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    """A dealer's deposit with the current company, on its form."""

    _inherit = "res.partner"

    aftersales_deposit_ids = fields.One2many(
        "aftersales.deposit.account", "partner_id", "Deposits", readonly=True
    )
    aftersales_deposit_balance = fields.Monetary(
        "Deposit",
        compute="_compute_aftersales_deposit",
        currency_field="aftersales_deposit_currency_id",
    )
    aftersales_deposit_shortfall = fields.Monetary(
        "Deposit Shortfall",
        compute="_compute_aftersales_deposit",
        currency_field="aftersales_deposit_currency_id",
    )
    aftersales_deposit_currency_id = fields.Many2one(
        "res.currency", compute="_compute_aftersales_deposit"
    )

    def _compute_aftersales_deposit(self):
        company = self.env.company
        deposits = self.env["aftersales.deposit.account"].search(
            [("company_id", "=", company.id), ("partner_id", "in", self.commercial_partner_id.ids)]
        )
        by_partner = {deposit.partner_id: deposit for deposit in deposits}
        for partner in self:
            deposit = by_partner.get(partner.commercial_partner_id)
            partner.aftersales_deposit_balance = deposit.balance if deposit else 0.0
            partner.aftersales_deposit_shortfall = deposit.shortfall if deposit else 0.0
            partner.aftersales_deposit_currency_id = company.currency_id

    def action_view_aftersales_deposit(self):
        """The dealer's deposit with the current company (opened, created if missing)."""
        self.ensure_one()
        deposit = self.env["aftersales.deposit.account"]._for(
            self.env.company, self.commercial_partner_id
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_deposit_account_action"
        )
        action.update({"res_id": deposit.id, "view_mode": "form", "views": [(False, "form")]})
        return action
