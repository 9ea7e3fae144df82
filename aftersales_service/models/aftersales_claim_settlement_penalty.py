# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models


class AftersalesClaimSettlementLine(models.Model):
    """Where the company nets deductions in the settlement (a setting), an approved
    deduction is a negative line of the dealer's next settlement instead of an entry on
    its deposit, booked to the deduction income."""

    _inherit = "aftersales.claim.settlement.line"

    kind = fields.Selection(
        selection_add=[("penalty", "Deposit Deduction")], ondelete={"penalty": "cascade"}
    )
    deposit_move_id = fields.Many2one(
        "aftersales.deposit.move", "Deposit Deduction", index="btree_not_null", readonly=True
    )

    def _account(self, expense):
        if self.kind == "penalty":
            return self.company_id.aftersales_deduction_income_account_id
        return super()._account(expense)

    def _taxes(self, tax):
        return tax.browse() if self.kind == "penalty" else super()._taxes(tax)

    def unlink(self):
        self.deposit_move_id.settlement_line_id = False
        return super().unlink()


class AftersalesClaimSettlement(models.Model):
    _inherit = "aftersales.claim.settlement"

    def _settle_period(self, company, period_start, period_end, partners=None):
        settlements = super()._settle_period(company, period_start, period_end, partners)
        if company.aftersales_deductions_in_settlement:
            settlements._carry_deposit_deductions()
        return settlements

    def _carry_deposit_deductions(self):
        """The dealers' approved deductions not carried yet, as negative lines."""
        deductions = self.env["aftersales.deposit.move"].search(
            [
                ("company_id", "in", self.company_id.ids),
                ("partner_id", "in", self.partner_id.ids),
                ("move_type", "=", "deduction"),
                ("state", "=", "approved"),
                ("settlement_line_id", "=", False),
            ],
            order="id",
        )
        by_partner = {settlement.partner_id: settlement for settlement in self}
        lines = self.env["aftersales.claim.settlement.line"].create(
            [
                {
                    "settlement_id": by_partner[deduction.partner_id].id,
                    "kind": "penalty",
                    "deposit_move_id": deduction.id,
                    "name": _(
                        "Deduction %(move)s: %(reason)s",
                        move=deduction.name,
                        reason=deduction.reason,
                    )[:250],
                    "amount": -deduction.amount,
                }
                for deduction in deductions
            ]
        )
        for line in lines:
            line.deposit_move_id.settlement_line_id = line

    def _penalties(self):
        return self.line_ids.filtered(lambda line: line.kind == "penalty").deposit_move_id

    def action_post(self):
        result = super().action_post()
        for settlement in self:
            deductions = settlement._penalties()
            deductions.write(
                {
                    "account_move_id": settlement.move_id.id,
                    "posted_on": fields.Date.context_today(self),
                }
            )
            deductions._set_state("posted")
            for deduction in deductions:
                deduction.message_post(
                    body=_(
                        "Netted in the settlement %(settlement)s.",
                        settlement=settlement._get_html_link(),
                    )
                )
        return result

    def action_reverse(self):
        deductions = self._penalties()
        result = super().action_reverse()
        deductions.write(
            {"account_move_id": False, "posted_on": False, "settlement_line_id": False}
        )
        deductions._set_state("approved")
        return result

    def action_cancel(self):
        self._penalties().write({"settlement_line_id": False})
        return super().action_cancel()
