# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models

NOTICE_REPORT = "aftersales_service.aftersales_claim_settlement_report"


class AftersalesClaimSettlement(models.Model):
    """The notice (三包费用核销通知) the dealer receives and confirms: its amounts and its
    receivable before and after the settlement."""

    _inherit = "aftersales.claim.settlement"

    receivable_before = fields.Monetary(
        compute="_compute_receivable",
        help="What the dealer owes on its receivable account, without this settlement.",
    )
    receivable_after = fields.Monetary(
        compute="_compute_receivable", help="What it owes once this settlement is posted."
    )

    def _compute_receivable(self):
        for settlement in self:
            account = settlement._receivable_account()
            domain = [
                ("company_id", "=", settlement.company_id.id),
                ("account_id", "=", account.id),
                ("partner_id", "child_of", settlement.partner_id.id),
                ("parent_state", "=", "posted"),
            ]
            if settlement.move_id:
                domain.append(
                    ("move_id", "not in", (settlement.move_id | settlement.reversal_move_id).ids)
                )
            [(balance,)] = self.env["account.move.line"]._read_group(
                domain, aggregates=["balance:sum"]
            )
            settlement.receivable_before = balance
            offset = settlement.amount_total if settlement.mode == "offset" else 0.0
            settlement.receivable_after = balance - offset

    def _send_notice(self):
        """The notice as a PDF in the chatter, sent to the dealer."""
        for settlement in self:
            pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(
                NOTICE_REPORT, settlement.ids
            )
            settlement.message_post(
                body=_(
                    "The settlement notice %(settlement)s for %(amount)s: please check it and "
                    "confirm it.",
                    settlement=settlement.name,
                    amount=settlement._format_amount(settlement.amount_total),
                ),
                attachments=[(f"{settlement.name}.pdf", pdf)],
                partner_ids=settlement.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
