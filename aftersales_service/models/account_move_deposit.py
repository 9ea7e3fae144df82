# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang


class AccountMove(models.Model):
    """Every entry that touches a dealer's deposit — a deduction, a refund, a payment on
    the deposit account, a reversal, an entry typed in Accounting — locks that deposit
    before it posts and is refused if it takes more than the deposit holds (unless the
    company lets deductions go negative)."""

    _inherit = "account.move"

    def _post(self, soft=True):
        deposits = self._aftersales_deposits_touched()
        deposits._lock()
        before = deposits._balances()
        posted = super()._post(soft=soft)
        if deposits:
            deposits.invalidate_recordset(["balance", "shortfall"])
            self._aftersales_check_deposits(deposits, before)
        return posted

    def button_draft(self):
        """Resetting a deposit movement's entry would silently change the dealer's deposit."""
        movements = (
            self.env["aftersales.deposit.move"].sudo().search([("account_move_id", "in", self.ids)])
        )
        if movements:
            raise UserError(
                _(
                    "%(moves)s belongs to the deposit movement %(movements)s: reverse the "
                    "deduction (or record a refund) instead of resetting its entry to draft.",
                    moves=", ".join(movements.account_move_id.mapped("name")),
                    movements=", ".join(movements.mapped("name")),
                )
            )
        return super().button_draft()

    def _aftersales_deposits_touched(self):
        Deposit = self.env["aftersales.deposit.account"]
        deposits = Deposit
        for company, moves in self.grouped("company_id").items():
            account = company.aftersales_deposit_account_id
            if not account:
                continue
            partners = moves.line_ids.filtered(
                lambda line, account=account: line.account_id == account and line.partner_id
            ).partner_id
            if partners:
                deposits |= Deposit._for(company, partners)
        return deposits

    def _aftersales_check_deposits(self, deposits, before):
        after = deposits._balances()
        for deposit in deposits:
            balance, previous = after.get(deposit.id, 0.0), before.get(deposit.id, 0.0)
            currency = deposit.currency_id
            if currency.compare_amounts(balance, 0) >= 0 or (
                currency.compare_amounts(balance, previous) >= 0
            ):
                continue
            if self._aftersales_overdraft_allowed(deposit):
                continue
            raise UserError(
                _(
                    "The deposit of %(dealer)s holds %(balance)s: %(amount)s cannot be taken "
                    "from it. Post a smaller amount, or ask the dealer to top it up first.",
                    dealer=deposit.partner_id.name,
                    balance=formatLang(self.env, previous, currency_obj=currency),
                    amount=formatLang(self.env, previous - balance, currency_obj=currency),
                )
            )

    def _aftersales_overdraft_allowed(self, deposit):
        """A refund never exceeds the balance; a deduction (or an entry in Accounting)
        may, where the company posts deductions above the balance."""
        return (
            not self.env.context.get("aftersales_deposit_no_overdraft")
            and deposit.company_id.aftersales_deposit_overdraft == "negative"
        )
