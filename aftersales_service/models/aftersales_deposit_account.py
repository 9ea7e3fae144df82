# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.tools.misc import formatLang


class AftersalesDepositAccount(models.Model):
    """A dealer's deposit (保证金) with one company: what it must hold, and what it holds,
    read from the posted journal items on the company's deposit account. Its row is
    also the lock every posting on that deposit takes first (see ``_lock``)."""

    _name = "aftersales.deposit.account"
    _description = "Dealer Deposit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "partner_id"
    _rec_name = "partner_id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        "Dealer",
        required=True,
        readonly=True,
        index=True,
        domain="[('is_company', '=', True)]",
        ondelete="restrict",
    )
    required_amount = fields.Monetary(
        "Required Deposit",
        compute="_compute_required_amount",
        store=True,
        readonly=False,
        tracking=True,
        help="From the dealer's class; may be set per dealer.",
    )
    balance = fields.Monetary(
        compute="_compute_balance", help="Posted on the deposit account: what the dealer holds."
    )
    shortfall = fields.Monetary(
        compute="_compute_balance", help="What the dealer must still pay in (required − balance)."
    )
    locked_on = fields.Datetime(
        readonly=True, copy=False, help="Technical: written by every posting on this deposit."
    )
    move_ids = fields.One2many("aftersales.deposit.move", "deposit_account_id", "Movements")

    _sql_constraints = [
        (
            "company_partner_uniq",
            "unique(company_id, partner_id)",
            "A dealer has one deposit per company.",
        ),
    ]

    @api.depends("partner_id.dealer_class_id.deposit_amount")
    def _compute_required_amount(self):
        for deposit in self:
            deposit.required_amount = deposit.partner_id.dealer_class_id.deposit_amount

    def _compute_balance(self):
        balances = self._balances()
        for deposit in self:
            deposit.balance = balances.get(deposit.id, 0.0)
            deposit.shortfall = max(deposit.required_amount - deposit.balance, 0.0)

    def _balances(self):
        """{deposit id: balance}: the credit balance of the posted items on each deposit's
        company account for its dealer (and the dealer's contacts), in one query."""
        deposits = self.filtered(lambda deposit: deposit.company_id.aftersales_deposit_account_id)
        if not deposits:
            return {}
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("account_id", "in", deposits.company_id.aftersales_deposit_account_id.ids),
                    ("company_id", "in", deposits.company_id.ids),
                    ("partner_id", "child_of", deposits.partner_id.ids),
                    ("parent_state", "=", "posted"),
                ],
                groupby=["company_id", "partner_id"],
                aggregates=["balance:sum"],
            )
        )
        by_key = {}
        for company, partner, balance in groups:
            key = (company.id, partner.commercial_partner_id.id)
            by_key[key] = by_key.get(key, 0.0) - balance
        return {
            deposit.id: by_key.get((deposit.company_id.id, deposit.partner_id.id), 0.0)
            for deposit in deposits
        }

    @api.model
    def _for(self, company, partners):
        """The deposits of ``partners`` (commercial partners) with ``company``, created when
        missing. Created with ``ON CONFLICT DO NOTHING``: two first postings for a new
        dealer at once never fail on the unique constraint (the second one is retried
        as a serialization failure and finds the row)."""
        partners = partners.commercial_partner_id
        existing = self.sudo().search(
            [("company_id", "=", company.id), ("partner_id", "in", partners.ids)]
        )
        missing = partners - existing.partner_id
        if missing:
            self.flush_model()
            self.env.cr.execute(
                """
                INSERT INTO aftersales_deposit_account
                    (company_id, partner_id, create_uid, write_uid, create_date, write_date)
                SELECT %s, partner_id, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM unnest(%s) AS partner_id
                ON CONFLICT (company_id, partner_id) DO NOTHING
                """,
                [company.id, self.env.uid, self.env.uid, missing.ids],
            )
            self.env["res.partner"].invalidate_model(["aftersales_deposit_ids"])
            existing = self.sudo().search(
                [("company_id", "=", company.id), ("partner_id", "in", partners.ids)]
            )
            existing.filtered(
                lambda deposit: deposit.partner_id in missing
            )._compute_required_amount()
        return existing.sudo(False)

    def _lock(self):
        """Serialise every posting on these deposits: lock their rows in id order (two
        dealers never deadlock) and write them. Under PostgreSQL's repeatable read a
        lock alone lets two transactions each read the old balance; the write makes the
        later one fail with a serialization error, which Odoo retries on the new balance."""
        if not self:
            return
        self.flush_recordset()
        self.env.cr.execute(
            """
            SELECT id FROM aftersales_deposit_account WHERE id IN %s ORDER BY id
            FOR NO KEY UPDATE
            """,
            [tuple(self.ids)],
        )
        self.env.cr.execute(
            "UPDATE aftersales_deposit_account SET locked_on = now() at time zone 'UTC' "
            "WHERE id IN %s",
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["locked_on"])

    def _call_for_topup(self):
        """补缴通知: a deposit below zero after a deduction; the dealer is told what to pay in
        and the accountant gets an activity to follow the payment."""
        for deposit in self:
            missing = deposit.required_amount - deposit.balance
            amount = formatLang(self.env, missing, currency_obj=deposit.currency_id)
            deposit.message_post(
                body=_(
                    "Deposit top-up call: the deposit of %(dealer)s is %(balance)s, below "
                    "zero. Please pay in %(amount)s to restore the required deposit.",
                    dealer=deposit.partner_id.name,
                    balance=formatLang(self.env, deposit.balance, currency_obj=deposit.currency_id),
                    amount=amount,
                ),
                attachments=[(_("Deposit Top-Up Call.pdf"), deposit._topup_call_pdf())],
                partner_ids=deposit.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            deposit.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Deposit top-up of %(amount)s to collect", amount=amount),
                user_id=self.env.uid,
            )

    def _topup_call_pdf(self):
        pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "aftersales_service.aftersales_topup_call_report", self.ids
        )
        return pdf

    def action_statement(self):
        """The deposit statement (保证金对账单) of this dealer, last month preset."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_dealer_statement_action"
        )
        action["context"] = {
            "default_partner_id": self.partner_id.id,
            "default_company_id": self.company_id.id,
            "default_statement_type": "deposit",
        }
        return action

    def action_view_ledger(self):
        """The journal items behind the balance."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Deposit Ledger of %(dealer)s", dealer=self.partner_id.name),
            "res_model": "account.move.line",
            "view_mode": "list,pivot",
            "domain": [
                ("account_id", "=", self.company_id.aftersales_deposit_account_id.id),
                ("company_id", "=", self.company_id.id),
                ("partner_id", "child_of", self.partner_id.id),
                ("parent_state", "=", "posted"),
            ],
            "context": {"create": False, "search_default_group_by_move": False},
        }
