# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, _, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date
from odoo.tools.misc import formatLang


class AftersalesClaimSettlement(models.Model):
    """How a settlement lands in accounting: one entry that clears the dealer's
    receivable, oldest due first, or the dealer's bill; a reversal undoes either."""

    _inherit = "aftersales.claim.settlement"

    def _partner_account(self):
        """The dealer's receivable (offset) or payable (bill) account in this company."""
        if self.mode == "bill":
            return self.partner_id.with_company(self.company_id).property_account_payable_id
        return self._receivable_account()

    def _receivable_account(self):
        return self.partner_id.with_company(self.company_id).property_account_receivable_id

    def _post_accounting(self):
        """The entries and bills of these settlements, created in one batch and posted
        together (a month-end run posts thousands); then the offsets cleared."""
        today = fields.Date.context_today(self)
        self.line_ids.fetch(["name", "kind", "amount"])  # in one query, not per settlement
        vals_list = []
        for settlement in self:
            expense, journal = settlement.company_id._aftersales_settlement_accounting()
            date = settlement.accounting_date or today
            settlement._ensure_open_period(date, journal if settlement.mode == "offset" else None)
            if settlement.mode == "offset":
                vals_list.append(settlement._offset_move_vals(expense, journal, date))
            else:
                vals_list.append(settlement._bill_vals(expense, date))
        moves = self.env["account.move"].create(vals_list)
        moves._post(soft=False)
        for settlement, move in zip(self, moves, strict=True):
            settlement.write({"move_id": move.id, "accounting_date": move.date})
        self.filtered(
            lambda settlement: settlement.mode == "offset"
        )._reconcile_with_open_invoices()
        self._message_log_batch(
            {
                settlement.id: self.env._(
                    "Posted as %(move)s: %(amount)s.",
                    move=settlement.move_id._get_html_link(),
                    amount=settlement._format_amount(settlement.amount_total),
                )
                for settlement in self
            }
        )

    def _ensure_open_period(self, date, journal):
        journal = journal or self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company_id),
                ("type", "=", "purchase"),
            ],
            limit=1,
        )
        violated = self.company_id._get_violated_lock_dates(
            date, bool(self.company_id.aftersales_settlement_tax_id), journal
        )
        if violated:
            raise UserError(
                _(
                    "The accounting of %(company)s is locked up to %(lock)s: give %(settlement)s "
                    "an accounting date after it.",
                    company=self.company_id.name,
                    lock=format_date(self.env, violated[-1][0]),
                    settlement=self.name,
                )
            )

    def _offset_move_vals(self, expense, journal, date):
        """Debit the 三包 expense per line (credit for carried deductions), credit the
        dealer's receivable with the total."""
        lines = [
            Command.create(
                {
                    "name": line.name,
                    "account_id": line._account(expense).id,
                    "partner_id": self.partner_id.id,
                    "balance": line.amount,
                }
            )
            for line in self.line_ids
        ]
        lines.append(
            Command.create(
                {
                    "name": _("三包 claims %(settlement)s", settlement=self.name),
                    "account_id": self._partner_account().id,
                    "partner_id": self.partner_id.id,
                    "balance": -self.amount_total,
                }
            )
        )
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": date,
            "ref": self.name,
            "company_id": self.company_id.id,
            "aftersales_settlement_id": self.id,
            "line_ids": lines,
        }

    def _bill_vals(self, expense, date):
        if not self.dealer_invoice_ref:
            raise UserError(
                _(
                    "Enter the dealer's invoice number on %(settlement)s before posting its bill.",
                    settlement=self.name,
                )
            )
        tax = self.company_id.aftersales_settlement_tax_id
        refund = self.company_id.currency_id.compare_amounts(self.amount_total, 0) < 0
        sign = -1 if refund else 1
        return {
            "move_type": "in_refund" if refund else "in_invoice",
            "partner_id": self.partner_id.id,
            "invoice_date": date,
            "date": date,
            "ref": self.dealer_invoice_ref,
            "company_id": self.company_id.id,
            "aftersales_settlement_id": self.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": line.name,
                        "account_id": line._account(expense).id,
                        "quantity": 1,
                        "price_unit": sign * line.amount,
                        "tax_ids": [Command.set(line._taxes(tax).ids)],
                    }
                )
                for line in self.line_ids
            ],
        }

    def _reconcile_with_open_invoices(self):
        """Each settlement's credit against its dealer's open receivable items, oldest due
        first (Odoo's reconciliation sorts them so); what is left stays open. One search
        for the open items of all the dealers."""
        open_items = self.env["account.move.line"].search(
            [
                ("company_id", "in", self.company_id.ids),
                ("account_id", "in", [s._partner_account().id for s in self]),
                ("partner_id", "child_of", self.partner_id.ids),
                ("parent_state", "=", "posted"),
                ("reconciled", "=", False),
                ("amount_residual", ">", 0),
            ]
        )
        items_of = open_items.grouped(
            lambda item: (item.company_id, item.account_id, item.partner_id.commercial_partner_id)
        )
        plan = []
        for settlement in self:
            account = settlement._partner_account()
            items = items_of.get((settlement.company_id, account, settlement.partner_id))
            credit = settlement.move_id.line_ids.filtered_domain([("account_id", "=", account.id)])
            if items and credit.amount_residual < 0:
                plan.append(credit | items)
        # each dealer's lines reconciled on their own, in one call of Odoo's reconciliation
        # (as reconcile() does for one), which prefetches and synchronises them all at once
        if plan:
            self.env["account.move.line"]._reconcile_plan(plan)

    def _reverse_accounting(self):
        self.ensure_one()
        date = fields.Date.context_today(self)
        self._ensure_open_period(date, self.move_id.journal_id)
        values = {"date": date, "ref": _("Reversal of %(settlement)s", settlement=self.name)}
        # a bill-mode credit note needs its own date, as in Odoo's wizard
        if self.move_id.is_invoice():
            values["invoice_date"] = date
        reversal = self.move_id._reverse_moves([values], cancel=True)
        reversal.aftersales_settlement_id = self
        self.message_post(body=_("Reversed by %(move)s.", move=reversal._get_html_link()))
        return reversal

    def _format_amount(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)
