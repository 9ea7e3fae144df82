# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import UserError

OVERDRAFT_POLICIES = [
    ("refuse", "Refuse the Deduction"),
    ("negative", "Post and Call for a Top-Up"),
]
#: the deposit liability created under the chart's other payables (其他应付款)
DEPOSIT_CODE = "224101"
OTHER_PAYABLE_CODES = ("224100", "2241")
#: the income of deductions, under the chart's non-operating income (营业外收入)
DEDUCTION_INCOME_CODE = "630101"
NON_OPERATING_INCOME_CODES = ("630100", "6301")


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_deposit_account_id = fields.Many2one(
        "account.account",
        "Deposit Account",
        check_company=True,
        domain="[('account_type', '=', 'liability_payable')]",
        help="The liability holding the dealers' deposits (其他应付款-经销商保证金), per "
        "partner; payable type, so payments can be made on it.",
    )
    aftersales_deduction_income_account_id = fields.Many2one(
        "account.account",
        "Deduction Income Account",
        check_company=True,
        domain="[('account_type', 'in', ('income', 'income_other'))]",
        help="Credited with the deductions from the deposits (营业外收入-经销商扣款).",
    )
    aftersales_deposit_journal_id = fields.Many2one(
        "account.journal",
        "Deposit Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="The journal of the deductions and their reversals (保证金).",
    )
    aftersales_deposit_overdraft = fields.Selection(
        OVERDRAFT_POLICIES,
        "Deduction above the Balance",
        default="refuse",
        required=True,
        help="Refuse: a deduction larger than the dealer's deposit is not posted. Post: it "
        "is posted, the balance goes negative and the dealer is called to top it up "
        "(补缴通知).",
    )
    aftersales_deductions_in_settlement = fields.Boolean(
        "Net Deductions in the Settlement",
        help="Approved deductions are taken from the dealer's next monthly settlement (a "
        "negative line of its notice) instead of being posted against its deposit.",
    )
    aftersales_appeal_days = fields.Integer(
        "Appeal Days",
        default=15,
        help="Days after a deduction is posted during which the dealer may appeal (申诉).",
    )

    def _aftersales_setup_deposit_accounting(self):
        """The deposit liability, the deduction income and the deposit journal of each
        company with a chart of accounts, created once; what is already set is kept."""
        for company in self.filtered("chart_template"):
            vals = {}
            if not company.aftersales_deposit_account_id:
                vals["aftersales_deposit_account_id"] = company._aftersales_sub_account(
                    DEPOSIT_CODE,
                    OTHER_PAYABLE_CODES,
                    ("Other Payables - Dealer Deposits", "其他应付款-经销商保证金"),
                    {"account_type": "liability_payable", "reconcile": True, "non_trade": True},
                    ("res.partner", "property_account_payable_id"),
                )
            if not company.aftersales_deduction_income_account_id:
                vals["aftersales_deduction_income_account_id"] = company._aftersales_sub_account(
                    DEDUCTION_INCOME_CODE,
                    NON_OPERATING_INCOME_CODES,
                    ("Non-Operating Income - Dealer Deductions", "营业外收入-经销商扣款"),
                    {"account_type": "income_other"},
                    ("product.category", "property_account_income_categ_id"),
                )
            if not company.aftersales_deposit_journal_id:
                vals["aftersales_deposit_journal_id"] = company._aftersales_general_journal(
                    "BZJ", "保证金"
                )
            if vals:
                company.write(vals)

    def _aftersales_deposit_accounting(self):
        """The deposit account, the income account and the journal, or a clear error
        saying where to set them."""
        self.ensure_one()
        accounting = (
            self.aftersales_deposit_account_id,
            self.aftersales_deduction_income_account_id,
            self.aftersales_deposit_journal_id,
        )
        if not all(accounting):
            raise UserError(
                _(
                    "Set the deposit account, the deduction income account and the deposit "
                    "journal of %(company)s in Settings > After-Sales > Deposits first.",
                    company=self.name,
                )
            )
        return accounting
