# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MANAGER_GROUP = "aftersales_service.group_aftersales_manager"
ACCOUNTANT_GROUP = "aftersales_service.group_aftersales_accountant"
MOVE_TYPES = [
    ("topup", "Top-Up"),
    ("deduction", "Deduction"),
    ("refund", "Deposit Refund"),
    ("reversal", "Deduction Reversal"),
]
STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("posted", "Posted"),
    ("reversed", "Reversed"),
    ("waived", "Waived"),
    ("cancel", "Cancelled"),
]
#: what a movement is once it has left the draft: its money fields are final
FINAL_FIELDS = {
    "deposit_account_id",
    "partner_id",
    "move_type",
    "amount",
    "date",
    "reason",
    "ticket_id",
    "job_id",
    "claim_id",
    "claim_line_id",
}


class AftersalesDepositMove(models.Model):
    """One movement of a dealer's deposit: a top-up it paid in (缴纳), a deduction (扣款),
    a refund at the contract's end (退还) or the reversal of a deduction (冲回). Each has
    its reason, its source, its evidence and, once posted, its journal entry or payment;
    posted movements are never edited, only reversed."""

    _name = "aftersales.deposit.move"
    _description = "Deposit Movement"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.numbered.mixin",
        "aftersales.state.guard",
    ]
    _aftersales_sequence_code = "aftersales.deposit.move"
    _order = "date desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    deposit_account_id = fields.Many2one(
        "aftersales.deposit.account",
        "Deposit",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        help="The dealer's deposit with the company; found (or opened) from the dealer.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Dealer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        required=True,
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    move_type = fields.Selection(MOVE_TYPES, "Type", required=True, tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    date = fields.Date(
        "Accounting Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    reason = fields.Text(required=True, tracking=True)
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, tracking=True, index=True
    )
    # the source of the movement (none: manual)
    ticket_id = fields.Many2one("helpdesk.ticket", "Service Request", check_company=True)
    job_id = fields.Many2one("aftersales.service.job", "Service Job", check_company=True)
    claim_id = fields.Many2one("aftersales.claim", check_company=True)
    claim_line_id = fields.Many2one("aftersales.claim.line")
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Evidence", help="Photos, records, the signed notice…"
    )
    journal_id = fields.Many2one(
        "account.journal",
        "Payment Journal",
        check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
        help="Top-ups and refunds: the bank or cash journal the money goes through.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    waive_reason = fields.Text(copy=False, tracking=True)
    account_move_id = fields.Many2one(
        "account.move", "Journal Entry", readonly=True, copy=False, index="btree_not_null"
    )
    payment_id = fields.Many2one("account.payment", readonly=True, copy=False)
    reversed_id = fields.Many2one(
        "aftersales.deposit.move",
        "Reverses",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The deduction this movement reverses.",
    )
    reversal_ids = fields.One2many("aftersales.deposit.move", "reversed_id", "Reversed By")

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A movement number is unique per company.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        Deposit = self.env["aftersales.deposit.account"]
        for vals in vals_list:
            if not vals.get("deposit_account_id") and vals.get("partner_id"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                dealer = self.env["res.partner"].browse(vals["partner_id"])
                vals["deposit_account_id"] = Deposit._for(company, dealer).id
        return super().create(vals_list)

    @api.depends("deposit_account_id")
    def _compute_partner_id(self):
        for move in self:
            if move.deposit_account_id:
                move.partner_id = move.deposit_account_id.partner_id

    @api.constrains("partner_id", "deposit_account_id")
    def _check_partner(self):
        for move in self:
            if move.deposit_account_id.partner_id != move.partner_id.commercial_partner_id:
                raise ValidationError(
                    _("%(move)s is on the deposit of another dealer.", move=move.name)
                )

    @api.constrains("amount")
    def _check_amount(self):
        for move in self:
            if move.currency_id.compare_amounts(move.amount, 0) <= 0:
                raise ValidationError(
                    _(
                        "The amount of a deposit movement must be positive: %(move)s.",
                        move=move.name,
                    )
                )

    @api.onchange("move_type", "company_id")
    def _onchange_move_type(self):
        if self.move_type in ("topup", "refund") and not self.journal_id:
            self.journal_id = self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(self.company_id),
                    ("type", "=", "bank"),
                ],
                limit=1,
            )

    def write(self, vals):
        if "state" in vals and not self.env.context.get("aftersales_deposit_workflow"):
            raise UserError(
                _(
                    "A deposit movement changes its state only through its buttons "
                    "(submit, approve, post…)."
                )
            )
        if FINAL_FIELDS & set(vals):
            final = self.filtered(lambda move: move.state not in ("draft", "to_approve"))
            if final:
                raise UserError(
                    _(
                        "%(moves)s is approved or posted: its amount, reason and source are "
                        "final. Cancel it before posting, or reverse it after.",
                        moves=", ".join(final.mapped("name")),
                    )
                )
        return super().write(vals)

    def unlink(self):
        if any(move.state != "draft" for move in self):
            raise UserError(_("Only a draft deposit movement can be deleted; cancel it instead."))
        return super().unlink()

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        self._ensure_state(("draft",), _("submitted for approval"))
        self._set_state("to_approve")

    def action_approve(self):
        self._ensure_group(
            MANAGER_GROUP, _("Only an after-sales manager approves deposit movements.")
        )
        self._ensure_state(("draft", "to_approve"), _("approved"))
        self._set_state("approved", approved_by_id=self.env.uid)

    def action_waive(self):
        """The manager drops a proposed deduction, with the reason why."""
        self._ensure_group(MANAGER_GROUP, _("Only an after-sales manager waives a deduction."))
        self._ensure_state(("draft", "to_approve"), _("waived"))
        without_reason = self.filtered(lambda move: not (move.waive_reason or "").strip())
        if without_reason:
            raise UserError(
                _(
                    "Write why %(moves)s is waived in its Waive Reason first.",
                    moves=", ".join(without_reason.mapped("name")),
                )
            )
        self._set_state("waived")

    def action_cancel(self):
        self._ensure_state(("draft", "to_approve", "approved"), _("cancelled"))
        self._set_state("cancel")

    def action_post(self):
        """Post in accounting: top-ups straight from the draft (the money is in), every
        other movement once approved."""
        self._ensure_group(
            ACCOUNTANT_GROUP, _("Only an after-sales accountant posts deposit movements.")
        )
        unapproved = self.filtered(
            lambda move: move.state != "approved"
            and not (move.move_type == "topup" and move.state in ("draft", "to_approve"))
        )
        if unapproved:
            raise UserError(
                _(
                    "%(moves)s must be approved by the after-sales manager before it is posted.",
                    moves=", ".join(unapproved.mapped("name")),
                )
            )
        for move in self.sorted(lambda move: move.deposit_account_id.id):
            move._post_accounting()
        self._set_state("posted")

    def action_reverse(self):
        """冲回: a reversing entry undoes a posted deduction, as a movement of its own."""
        self._ensure_group(
            ACCOUNTANT_GROUP, _("Only an after-sales accountant reverses a deduction.")
        )
        if any(move.move_type != "deduction" for move in self):
            raise UserError(_("Only a deduction can be reversed; a top-up is refunded instead."))
        self._ensure_state(("posted",), _("reversed"))
        reversals = self.browse()
        for move in self:
            reversals |= move._reverse_accounting()
        self._set_state("reversed")
        return reversals

    def _set_state(self, state, **values):
        self.with_context(aftersales_deposit_workflow=True).write({"state": state, **values})

    def _ensure_group(self, group, message):
        if not self.env.user.has_group(group):
            raise AccessError(message)

    def action_view_accounting(self):
        self.ensure_one()
        if self.payment_id:
            return self.payment_id._get_records_action()
        return self.account_move_id._get_records_action()
