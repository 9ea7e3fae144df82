# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AftersalesClaimSettlementWizard(models.TransientModel):
    """Settle a month: one draft settlement per dealer from its approved claims."""

    _name = "aftersales.claim.settlement.wizard"
    _description = "Settle a Month of Claims"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period_start = fields.Date(
        required=True,
        default=lambda self: self._default_month()[0],
    )
    period_end = fields.Date(
        required=True,
        default=lambda self: self._default_month()[1],
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Service Points",
        domain="[('is_service_point', '=', True), ('is_company', '=', True)]",
        help="Empty: every service point with approved claims in the period.",
    )

    @api.model
    def _default_month(self):
        today = fields.Date.context_today(self)
        return self.env["aftersales.claim.settlement"]._month_of(today - relativedelta(months=1))

    def action_settle(self):
        self.ensure_one()
        settlements = self.env["aftersales.claim.settlement"]._settle_period(
            self.company_id,
            self.period_start,
            self.period_end,
            self.partner_ids or None,
        )
        if not settlements:
            raise UserError(
                _("No approved claim of this period is left to settle: nothing was created.")
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_claim_settlement_action"
        )
        action["domain"] = [("id", "in", settlements.ids)]
        return action

    def action_recover(self):
        """The suppliers' share of the period's approved claims (外协件索赔)."""
        self.ensure_one()
        recoveries = self.env["aftersales.supplier.recovery"]._recover_period(
            self.company_id, self.period_start, self.period_end
        )
        if not recoveries:
            raise UserError(
                _(
                    "No approved claim line of this period is left to claim back from a "
                    "supplier with a quality agreement."
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_supplier_recovery_action"
        )
        action["domain"] = [("id", "in", recoveries.ids)]
        return action
