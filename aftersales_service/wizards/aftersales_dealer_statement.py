# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import _, api, fields, models

PDF_REPORT = "aftersales_service.aftersales_dealer_statement_report"
XLSX_REPORT = "aftersales_service.aftersales_dealer_statement_xlsx"


class AftersalesDealerStatement(models.TransientModel):
    """经销商往来对账单: what a dealer owes the company over a period, from the posted
    journal items on its receivable and payable accounts and nothing else (a positive
    balance is owed by the dealer, a negative one by the company); or 保证金对账单: what
    its deposit holds, from the items on the deposit account, with the movements'
    reasons, the required deposit and the shortfall."""

    _name = "aftersales.dealer.statement"
    _inherit = ["aftersales.period.mixin"]
    _description = "Dealer Statement"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    statement_type = fields.Selection(
        [("account", "Dealer Account"), ("deposit", "Deposit")],
        "Statement",
        default="account",
        required=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Dealer",
        required=True,
        domain="[('is_company', '=', True)]",
    )

    def _move_line_domain(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
            ("parent_state", "=", "posted"),
        ]
        if self.statement_type == "deposit":
            deposit_account = self.company_id._aftersales_deposit_accounting()[0]
            return domain + [("account_id", "=", deposit_account.id)]
        return domain + [
            ("account_id.account_type", "in", ("asset_receivable", "liability_payable")),
            ("account_id", "!=", self.company_id.aftersales_deposit_account_id.id),
        ]

    def _sign(self):
        """The deposit is what the company holds for the dealer: a credit balance."""
        return -1 if self.statement_type == "deposit" else 1

    def _kind_labels(self):
        """What a journal item is to the dealer, in the order the totals are printed."""
        if self.statement_type == "deposit":
            movement_types = self.env["aftersales.deposit.move"]._fields["move_type"]
            return {
                **dict(movement_types._description_selection(self.env)),
                "other": _("Other Entry"),
            }
        return {
            "invoice": _("Invoice"),
            "refund": _("Credit Note"),
            "bill": _("Dealer's Bill"),
            "payment": _("Payment"),
            "settlement": _("三包 Settlement"),
            "other": _("Other Entry"),
        }

    def _line_kinds(self, items):
        """{journal item: kind}: a deposit's items by the movement that posted them."""
        if self.statement_type == "deposit":
            movements = self.env["aftersales.deposit.move"].search(
                [("account_move_id", "in", items.move_id.ids)]
            )
            by_move = {movement.account_move_id: movement.move_type for movement in movements}
            return {line: by_move.get(line.move_id, "other") for line in items}
        return {line: self._line_kind(line) for line in items}

    @api.model
    def _line_kind(self, line):
        move = line.move_id
        if move.aftersales_settlement_id:
            return "settlement"
        if move.origin_payment_id or move.statement_line_id:
            return "payment"
        return {
            "out_invoice": "invoice",
            "out_refund": "refund",
            "in_invoice": "bill",
            "in_refund": "bill",
        }.get(move.move_type, "other")

    @api.model
    def _line_label(self, line):
        """The item's label; a payment's by its memo, not by Odoo's "Manual Payment: …"
        (the name of the payment method, which Odoo leaves untranslated)."""
        payment = line.move_id.origin_payment_id
        if payment and payment.memo:
            return payment.memo
        return line.name or ""

    def _statement(self):
        """The figures both documents print: opening balance, the period's items with a
        running balance, totals per kind and the closing balance."""
        self.ensure_one()
        move_lines = self.env["account.move.line"]
        domain = self._move_line_domain()
        [(opening,)] = move_lines._read_group(
            domain + [("date", "<", self.date_from)], aggregates=["balance:sum"]
        )
        items = move_lines.search(
            domain + [("date", ">=", self.date_from), ("date", "<=", self.date_to)],
            order="date, move_name, id",
        )
        sign = self._sign()
        opening *= sign
        labels = self._kind_labels()
        kinds = self._line_kinds(items)
        totals = dict.fromkeys(labels, 0.0)
        rows, balance = [], opening
        for line in items:
            kind = kinds[line]
            balance += sign * line.balance
            totals[kind] += sign * line.balance
            rows.append(
                {
                    "date": line.date,
                    "move": line.move_id.name,
                    "reference": line.move_id.ref or line.move_id.invoice_origin or "",
                    "kind": labels[kind],
                    "label": self._line_label(line),
                    "date_maturity": line.date_maturity,
                    "debit": line.debit,
                    "credit": line.credit,
                    "balance": balance,
                }
            )
        return {
            "opening": opening,
            "rows": rows,
            "totals": [(labels[kind], amount) for kind, amount in totals.items()],
            "debit": sum(items.mapped("debit")),
            "credit": sum(items.mapped("credit")),
            "closing": balance,
            **self._deposit_figures(balance),
        }

    def _deposit_figures(self, closing):
        if self.statement_type != "deposit":
            return {}
        deposit = self.env["aftersales.deposit.account"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("partner_id", "=", self.partner_id.commercial_partner_id.id),
            ]
        )
        required = deposit.required_amount
        return {"required": required, "shortfall": max(required - closing, 0.0)}

    def action_print_pdf(self):
        return self.env.ref(PDF_REPORT).report_action(self)

    def action_export_xlsx(self):
        return self.env.ref(XLSX_REPORT).report_action(self)
