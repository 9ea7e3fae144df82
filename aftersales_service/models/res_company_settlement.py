# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

import pytz

from odoo import _, fields, models
from odoo.exceptions import UserError

SETTLEMENT_MODES = [
    ("offset", "Offset the Receivable"),
    ("bill", "Dealer's Bill"),
]
#: the 三包 expense sub-account created under the chart's sales expense (销售费用)
CLAIM_EXPENSE_CODE = "660101"
SALES_EXPENSE_CODES = ("660100", "6601")


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_settlement_mode = fields.Selection(
        SETTLEMENT_MODES,
        "Settlement Mode",
        default="offset",
        required=True,
        help="Offset the Receivable: one journal entry clears the dealer's open invoices, "
        "oldest due first (从应收经销商货款中扣除). Dealer's Bill: the dealer invoices the "
        "approved amount and is paid the usual way. A dealer may have its own mode.",
    )
    aftersales_claim_expense_account_id = fields.Many2one(
        "account.account",
        "三包 Expense Account",
        check_company=True,
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost'))]",
        help="Debited with the approved claims (销售费用-三包费).",
    )
    aftersales_settlement_journal_id = fields.Many2one(
        "account.journal",
        "Settlement Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="The journal of the offset entries (三包核销).",
    )
    aftersales_settlement_tax_id = fields.Many2one(
        "account.tax",
        "Tax on Dealers' Bills",
        check_company=True,
        domain="[('type_tax_use', '=', 'purchase')]",
        help="The tax set on every line of a dealer's bill; empty: no tax. Set "
        "explicitly, never taken from the chart's defaults.",
    )

    # ------------------------------------------------------------------
    # Local dates
    # ------------------------------------------------------------------
    def _aftersales_tz(self):
        self.ensure_one()
        return pytz.timezone(self.partner_id.tz or self.resource_calendar_id.tz or "UTC")

    def _aftersales_local_date(self, moment):
        """The company's local date of a UTC datetime (a claim approved 31 January
        16:30 UTC is 1 February in Beijing)."""
        return pytz.utc.localize(moment).astimezone(self._aftersales_tz()).date()

    def _aftersales_utc_start(self, day):
        """The UTC datetime when the company's local ``day`` begins."""
        local = self._aftersales_tz().localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    # ------------------------------------------------------------------
    # Accounting set-up
    # ------------------------------------------------------------------
    def _aftersales_setup_settlement_accounting(self):
        """The 三包 expense sub-account and the settlement journal of each company with a
        chart of accounts, created once; what is already set is kept."""
        for company in self.filtered("chart_template"):
            vals = {}
            if not company.aftersales_claim_expense_account_id:
                vals["aftersales_claim_expense_account_id"] = company._aftersales_sub_account(
                    CLAIM_EXPENSE_CODE,
                    SALES_EXPENSE_CODES,
                    ("Sales Expense - 三包 Claims", "销售费用-三包费"),
                    {"account_type": "expense"},
                    ("product.category", "property_account_expense_categ_id"),
                )
            if not company.aftersales_settlement_journal_id:
                vals["aftersales_settlement_journal_id"] = company._aftersales_general_journal(
                    "SBHX", "三包核销"
                )
            if vals:
                company.write(vals)

    def _aftersales_settlement_accounting(self):
        """The expense account and the journal, or a clear error saying where to set them."""
        self.ensure_one()
        if not self.aftersales_claim_expense_account_id or not (
            self.aftersales_settlement_journal_id
        ):
            raise UserError(
                _(
                    "Set the 三包 expense account and the settlement journal of %(company)s "
                    "in Settings > After-Sales > Settlement first.",
                    company=self.name,
                )
            )
        return self.aftersales_claim_expense_account_id, self.aftersales_settlement_journal_id
