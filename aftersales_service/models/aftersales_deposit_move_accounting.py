# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from .aftersales_cron_batch import process_batch

#: deduction notices (one PDF each) sent per cron call
NOTICE_BATCH = 50


class AftersalesDepositMove(models.Model):
    """How each movement lands in accounting: top-ups and refunds as payments on the
    deposit account, deductions as an entry of the deposit journal (debit the deposit,
    credit the deduction income), reversals as the reversing entry of their deduction.
    The balance check and the lock are in ``account.move._post`` (account_move_deposit.py),
    so an entry typed in Accounting obeys them too."""

    _inherit = "aftersales.deposit.move"

    notice_pending = fields.Boolean(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Posted, its deduction notice not sent yet (it is sent right after the posting).",
    )

    def _post_accounting(self):
        self.ensure_one()
        company = self.company_id
        deposit_account, income_account, journal = company._aftersales_deposit_accounting()
        if self.move_type in ("topup", "refund"):
            payment = self._create_payment(deposit_account)
            payment.with_context(aftersales_deposit_no_overdraft=True).action_post()
            self.write({"payment_id": payment.id, "account_move_id": payment.move_id.id})
        else:
            entry = self.env["account.move"].create(
                self._deduction_move_vals(deposit_account, income_account, journal)
            )
            entry._post(soft=False)
            self.account_move_id = entry
        self.posted_on = fields.Date.context_today(self)
        self._notify_posted()
        if self.move_type == "deduction":
            self._aftersales_queue_deduction_notice()
            deposit = self.deposit_account_id
            if deposit.currency_id.compare_amounts(deposit.balance, 0) < 0:
                deposit._call_for_topup()

    def _create_payment(self, deposit_account):
        if not self.journal_id:
            raise UserError(
                _("Choose the bank or cash journal of %(move)s before posting it.", move=self.name)
            )
        topup = self.move_type == "topup"
        return self.env["account.payment"].create(
            {
                "payment_type": "inbound" if topup else "outbound",
                "partner_type": "customer" if topup else "supplier",
                "partner_id": self.partner_id.id,
                "amount": self.amount,
                "date": self.date,
                "journal_id": self.journal_id.id,
                "destination_account_id": deposit_account.id,
                "memo": f"{self.name} {self._type_label()}",
                "company_id": self.company_id.id,
            }
        )

    def _deduction_move_vals(self, deposit_account, income_account, journal):
        label = f"{self.name} {self._type_label()}: {self.reason}"[:250]
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": self.date,
            "ref": self.name,
            "company_id": self.company_id.id,
            "line_ids": [
                Command.create(
                    {
                        "name": label,
                        "account_id": deposit_account.id,
                        "partner_id": self.partner_id.id,
                        "debit": self.amount,
                    }
                ),
                Command.create(
                    {
                        "name": label,
                        "account_id": income_account.id,
                        "partner_id": self.partner_id.id,
                        "credit": self.amount,
                    }
                ),
            ],
        }

    def _reverse_accounting(self):
        """The reversal movement of this deduction, posted with its reversing entry."""
        self.ensure_one()
        reversal = self.create(
            {
                "deposit_account_id": self.deposit_account_id.id,
                "company_id": self.company_id.id,
                "move_type": "reversal",
                "amount": self.amount,
                "reason": _("Reversal of %(move)s", move=self.name),
                "reversed_id": self.id,
                "ticket_id": self.ticket_id.id,
                "job_id": self.job_id.id,
                "claim_id": self.claim_id.id,
                "claim_line_id": self.claim_line_id.id,
            }
        )
        entry = self.account_move_id._reverse_moves(
            [{"date": reversal.date, "ref": _("Reversal of %(move)s", move=self.name)}],
            cancel=True,
        )
        reversal.account_move_id = entry
        reversal._set_state("posted")
        reversal._notify_posted()
        self.message_post(
            body=_("Reversed by %(move)s.", move=reversal._get_html_link()),
        )
        return reversal

    def _aftersales_queue_deduction_notice(self):
        """The notice PDF takes a second of wkhtmltopdf: made by a cron triggered now, after
        this posting commits, so the dealer's deposit is not held locked meanwhile (at month
        end every posting on that dealer would queue behind it)."""
        self.notice_pending = True
        self.env.ref("aftersales_service.ir_cron_aftersales_deduction_notices")._trigger()

    @api.model
    def _cron_aftersales_send_deduction_notices(self, batch_size=NOTICE_BATCH):
        """The notices of the deductions posted since the last run, a batch per call."""
        process_batch(
            self,
            [("notice_pending", "=", True)],
            batch_size,
            lambda moves: moves._send_deduction_notices(),
        )

    def _send_deduction_notices(self):
        for move in self:
            move._send_deduction_notice()
        self.notice_pending = False

    def _send_deduction_notice(self):
        """扣款通知单 to the dealer, as a PDF in the chatter."""
        pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "aftersales_service.aftersales_deduction_notice_report", self.ids
        )
        self.message_post(
            body=_(
                "Deduction notice %(move)s: %(amount)s is deducted from your deposit. You may "
                "appeal until %(deadline)s.",
                move=self.name,
                amount=self._format_amount(self.amount),
                deadline=self.appeal_deadline or "",
            ),
            attachments=[(f"{self.name}.pdf", pdf)],
            partner_ids=self.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _type_label(self):
        return dict(self._fields["move_type"]._description_selection(self.env))[self.move_type]

    def _format_amount(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    def _notify_posted(self):
        """The movement and the balance it leaves, in the movement's chatter."""
        self.deposit_account_id.invalidate_recordset(["balance", "shortfall"])
        balance = self.deposit_account_id.balance
        self.message_post(
            body=Markup("%s<br/>%s")
            % (
                _(
                    "%(type)s of %(amount)s posted (%(entry)s).",
                    type=self._type_label(),
                    amount=self._format_amount(self.amount),
                    entry=self.account_move_id.name,
                ),
                _("Deposit balance now %(balance)s.", balance=self._format_amount(balance)),
            ),
        )
