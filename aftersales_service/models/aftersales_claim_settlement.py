# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .res_company_settlement import SETTLEMENT_MODES

ACCOUNTANT_GROUP = "aftersales_service.group_aftersales_accountant"
STEPS = [
    ("draft", "Draft"),
    ("notified", "Notified"),
    ("confirmed", "Confirmed"),
    ("posted", "Posted"),
    ("reversed", "Reversed"),
    ("cancel", "Cancelled"),
]
STATES = STEPS[:4] + [("reconciled", "Reconciled")] + STEPS[4:]


class AftersalesClaimSettlement(models.Model):
    """One dealer's (service point's) approved claims of one period (三包费用核销): notified to
    the dealer, confirmed, then posted as an entry clearing its receivable or as its bill.
    Posted settlements are only ever reversed."""

    _name = "aftersales.claim.settlement"
    _description = "三包 Claim Settlement"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.numbered.mixin"]
    _aftersales_sequence_code = "aftersales.claim.settlement"
    _order = "period_start desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        "Service Point",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
        tracking=True,
        help="The commercial partner paid for its claims.",
    )
    period_start = fields.Date("Period", required=True, readonly=True)
    period_end = fields.Date(required=True, readonly=True)
    mode = fields.Selection(SETTLEMENT_MODES, "Settlement Mode", required=True, tracking=True)
    step = fields.Selection(STEPS, default="draft", required=True, readonly=True, copy=False)
    state = fields.Selection(
        STATES,
        compute="_compute_state",
        store=True,
        tracking=True,
        index=True,
        help="Draft: being prepared. Notified: the notice (三包费用核销通知) went to the dealer. "
        "Confirmed: the dealer agreed. Posted: in accounting. Reconciled: what it posted "
        "on the dealer's account is cleared. Reversed: a reversing entry undid it.",
    )
    line_ids = fields.One2many("aftersales.claim.settlement.line", "settlement_id", "Lines")
    claim_ids = fields.One2many("aftersales.claim", "settlement_id", "Claims", readonly=True)
    claim_count = fields.Integer(compute="_compute_amounts", store=True)
    amount_total = fields.Monetary("Total", compute="_compute_amounts", store=True, tracking=True)
    accounting_date = fields.Date(
        copy=False, help="The date of the entry or bill; empty: the day it is posted."
    )
    dealer_invoice_ref = fields.Char(
        "Dealer's Invoice Number",
        copy=False,
        tracking=True,
        help="Bill mode: the dealer's own invoice number.",
    )
    confirmed_by = fields.Char(copy=False, tracking=True)
    confirmed_on = fields.Date(copy=False, readonly=True)
    confirmation = fields.Binary(
        "Signed Notice", attachment=True, copy=False, help="The notice the dealer signed."
    )
    confirmation_name = fields.Char(copy=False)
    move_id = fields.Many2one(
        "account.move", "Entry or Bill", readonly=True, copy=False, index=True
    )
    reversal_move_id = fields.Many2one("account.move", "Reversal", readonly=True, copy=False)

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A settlement number is unique per company.",
        ),
    ]

    @api.depends("step", "move_id.line_ids.amount_residual")
    def _compute_state(self):
        for settlement in self:
            state = settlement.step
            if state == "posted" and settlement._is_cleared():
                state = "reconciled"
            settlement.state = state

    def _is_cleared(self):
        lines = self.move_id.line_ids.filtered(
            lambda line: line.account_id == self._partner_account() and line.partner_id
        )
        return bool(lines) and all(line.reconciled for line in lines)

    @api.depends("line_ids.amount", "line_ids.claim_id")
    def _compute_amounts(self):
        for settlement in self:
            settlement.amount_total = sum(settlement.line_ids.mapped("amount"))
            settlement.claim_count = len(settlement.line_ids.claim_id)

    @api.depends("partner_id", "period_start")
    def _compute_display_name(self):
        for settlement in self:
            settlement.display_name = (
                f"{settlement.name} {settlement.partner_id.name or ''} "
                f"{settlement.period_start and settlement.period_start.strftime('%Y-%m') or ''}"
            ).strip()

    def unlink(self):
        if any(settlement.step != "draft" for settlement in self):
            raise UserError(_("Only a draft settlement can be deleted; cancel or reverse it."))
        self.claim_ids.sudo().write({"settlement_id": False})
        return super().unlink()

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_notify(self):
        """The notice goes to the dealer, who checks it and confirms."""
        self._ensure_accountant()
        self._ensure_step("draft", _("notified"))
        empty = self.filtered(lambda settlement: not settlement.line_ids)
        if empty:
            raise UserError(
                _(
                    "%(settlements)s has no line to notify.",
                    settlements=", ".join(empty.mapped("name")),
                )
            )
        self.write({"step": "notified"})
        self._send_notice()

    def action_confirm(self):
        """The dealer's confirmation, recorded by the clerk with the signed notice, or
        given by the dealer itself."""
        self._ensure_step("notified", _("confirmed"))
        confirmed = {"step": "confirmed", "confirmed_on": fields.Date.context_today(self)}
        unsigned = self.filtered(lambda settlement: not settlement.confirmed_by)
        unsigned._aftersales_write_logged(
            {**confirmed, "confirmed_by": self.env.user.partner_id.name}
        )
        (self - unsigned)._aftersales_write_logged(confirmed)

    def action_post(self):
        self._ensure_accountant()
        self._ensure_step("confirmed", _("posted"))
        self._post_accounting()
        self.claim_ids.sudo()._aftersales_write_logged({"state": "settled"})
        self._aftersales_write_logged({"step": "posted"})

    def action_reverse(self):
        """Undo a posted settlement: a reversing entry re-opens what it had cleared; the
        claims go back to approved and are settled again next time."""
        self._ensure_accountant()
        blocked = self.filtered(lambda settlement: settlement.state not in ("posted", "reconciled"))
        if blocked:
            raise UserError(
                _(
                    "Only a posted settlement can be reversed: %(settlements)s.",
                    settlements=", ".join(blocked.mapped("name")),
                )
            )
        for settlement in self:
            settlement.reversal_move_id = settlement._reverse_accounting()
        self.claim_ids.sudo().write({"state": "approved", "settlement_id": False})
        self.line_ids.deduction_id.write({"settlement_line_id": False})
        self.write({"step": "reversed"})

    def action_cancel(self):
        self._ensure_accountant()
        blocked = self.filtered(lambda settlement: settlement.step not in STEPS_BEFORE_POSTING)
        if blocked:
            raise UserError(
                _(
                    "%(settlements)s is posted: reverse it instead of cancelling.",
                    settlements=", ".join(blocked.mapped("name")),
                )
            )
        self.line_ids.deduction_id.write({"settlement_line_id": False})
        self.claim_ids.sudo().write({"settlement_id": False})
        self.write({"step": "cancel"})

    def action_view_move(self):
        self.ensure_one()
        return self.move_id._get_records_action(name=_("Entry or Bill"))

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _ensure_accountant(self):
        if not self.env.user.has_group(ACCOUNTANT_GROUP):
            raise AccessError(_("Only an after-sales accountant (结算会计) settles claims."))

    def _ensure_editable(self):
        posted = self.filtered(lambda settlement: settlement.step != "draft")
        if posted:
            raise UserError(
                _(
                    "The lines of %(settlements)s are final once it is notified: cancel it "
                    "before it is posted, or reverse it after.",
                    settlements=", ".join(posted.mapped("name")),
                )
            )

    def _ensure_step(self, step, verb):
        blocked = self.filtered(lambda settlement: settlement.step != step)
        if blocked:
            steps = dict(self._fields["step"]._description_selection(self.env))
            raise UserError(
                _(
                    "%(settlements)s cannot be %(verb)s: it is %(state)s, not %(expected)s.",
                    settlements=", ".join(blocked.mapped("name")),
                    verb=verb,
                    state=steps[blocked[0].step],
                    expected=steps[step],
                )
            )


STEPS_BEFORE_POSTING = ("draft", "notified", "confirmed")
