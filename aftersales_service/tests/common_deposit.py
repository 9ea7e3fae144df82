# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from .common import AftersalesCommon


class AftersalesDepositCommon(AftersalesCommon):
    """A dealer of the company, its deposit (none paid in yet) and the deposit accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company._aftersales_setup_deposit_accounting()
        cls.company.aftersales_deposit_overdraft = "refuse"
        cls.deposit_liability = cls.company.aftersales_deposit_account_id
        cls.deduction_income = cls.company.aftersales_deduction_income_account_id
        cls.bank = cls.env["account.journal"].search(
            [*cls.env["account.journal"]._check_company_domain(cls.company), ("type", "=", "bank")],
            limit=1,
        )
        cls.dealer = cls.env["res.partner"].create(
            {"name": "Test dealer", "is_company": True, "is_dealer": True}
        )
        cls.deposit = cls.env["aftersales.deposit.account"]._for(cls.company, cls.dealer)
        cls.Move = cls.env["aftersales.deposit.move"]

    def _movement(self, move_type, amount, user=None, **vals):
        return (
            self.Move.with_user(user or self.user_clerk)
            .create(
                {
                    "deposit_account_id": (vals.pop("deposit", None) or self.deposit).id,
                    "move_type": move_type,
                    "amount": amount,
                    "reason": vals.pop("reason", f"Test {move_type}"),
                    "journal_id": self.bank.id if move_type in ("topup", "refund") else False,
                    "date": vals.pop("date", date(2025, 3, 1)),
                    **vals,
                }
            )
            .sudo(False)
        )

    def _posted(self, move_type, amount, **vals):
        """A movement proposed by the clerk, approved by the manager, posted by the accountant."""
        move = self._movement(move_type, amount, **vals)
        if move_type != "topup":
            move.with_user(self.user_clerk).action_submit()
            move.with_user(self.user_manager).action_approve()
        move.with_user(self.user_accountant).action_post()
        return move

    def _ledger_balance(self, partner=None):
        """What accounting says the dealer holds: the credit balance of its posted items."""
        lines = self.env["account.move.line"].search(
            [
                ("account_id", "=", self.deposit_liability.id),
                ("partner_id", "=", (partner or self.dealer).id),
                ("parent_state", "=", "posted"),
            ]
        )
        return -sum(lines.mapped("balance"))

    def _balance(self, deposit=None):
        deposit = deposit or self.deposit
        deposit.invalidate_recordset(["balance", "shortfall"])
        return deposit.balance
