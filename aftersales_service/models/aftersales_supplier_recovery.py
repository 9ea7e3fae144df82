# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .aftersales_claim_settlement import ACCOUNTANT_GROUP
from .aftersales_cron_batch import process_batch

DEEMED_ACCEPTED_BATCH = 200

STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("accepted", "Accepted"),
    ("partial", "Partly Accepted"),
    ("disputed", "Disputed"),
    ("booked", "Booked"),
    ("cancel", "Cancelled"),
]


class AftersalesSupplierRecovery(models.Model):
    """What one supplier pays back for one period's claims its parts caused (外协件索赔):
    sent, answered (or deemed accepted), then booked as a vendor refund with the old
    parts returned to it."""

    _name = "aftersales.supplier.recovery"
    _description = "Supplier Recovery"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.numbered.mixin",
        "aftersales.state.guard",
    ]
    _aftersales_sequence_code = "aftersales.supplier.recovery"
    _order = "period_start desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", "Supplier", required=True, readonly=True, index=True, check_company=True
    )
    agreement_id = fields.Many2one(
        "aftersales.supplier.agreement", required=True, readonly=True, check_company=True
    )
    period_start = fields.Date("Period", required=True, readonly=True)
    period_end = fields.Date(required=True, readonly=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)
    line_ids = fields.One2many("aftersales.supplier.recovery.line", "recovery_id", "Lines")
    amount_total = fields.Monetary(
        "Recoverable", compute="_compute_amounts", store=True, tracking=True
    )
    amount_accepted = fields.Monetary(
        "Accepted", compute="_compute_amounts", store=True, tracking=True
    )
    sent_on = fields.Date(readonly=True, copy=False)
    answer_due = fields.Date(compute="_compute_answer_due", store=True, index=True)
    refund_id = fields.Many2one("account.move", "Vendor Refund", readonly=True, copy=False)
    picking_id = fields.Many2one("stock.picking", "Old Parts Returned", readonly=True, copy=False)

    @api.depends("line_ids.amount", "line_ids.amount_accepted")
    def _compute_amounts(self):
        for recovery in self:
            recovery.amount_total = sum(recovery.line_ids.mapped("amount"))
            recovery.amount_accepted = sum(recovery.line_ids.mapped("amount_accepted"))

    @api.depends("sent_on", "agreement_id.answer_days")
    def _compute_answer_due(self):
        for recovery in self:
            recovery.answer_due = recovery.sent_on and recovery.sent_on + timedelta(
                days=recovery.agreement_id.answer_days
            )

    # ------------------------------------------------------------------
    # Building
    # ------------------------------------------------------------------
    @api.model
    def _recover_period(self, company, period_start, period_end):
        """One draft recovery per supplier with an agreement, from the approved claim
        lines of the period its parts caused; lines already recovered are skipped."""
        lines = (
            self.env["aftersales.claim.line"]
            .search(
                [
                    ("company_id", "=", company.id),
                    ("claim_id.state", "in", ("approved", "settled")),
                    ("claim_id.approved_date", ">=", period_start),
                    ("claim_id.approved_date", "<=", period_end),
                    ("line_type", "=", "part"),
                    ("part_role", "=", "causal"),
                    ("supplier_id", "!=", False),
                    ("recovery_line_ids", "=", False),
                ]
            )
            .filtered(lambda line: line._recoverable_from_supplier())
        )
        agreements = (
            self.env["aftersales.supplier.agreement"]
            .search([("company_id", "=", company.id), ("partner_id", "in", lines.supplier_id.ids)])
            .grouped("partner_id")
        )
        recoveries = self.browse()
        Line = self.env["aftersales.supplier.recovery.line"]
        for supplier, supplier_lines in lines.grouped("supplier_id").items():
            agreement = agreements.get(supplier)
            if not agreement:
                continue
            recovery = self.create(
                {
                    "company_id": company.id,
                    "partner_id": supplier.id,
                    "agreement_id": agreement.id,
                    "period_start": period_start,
                    "period_end": period_end,
                    "line_ids": [
                        Command.create(Line._vals_for(line, agreement)) for line in supplier_lines
                    ],
                }
            )
            recoveries |= recovery
        return recoveries

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_send(self):
        self._ensure_accountant()
        self._ensure_state(("draft",), _("sent"))
        self.write({"state": "sent", "sent_on": fields.Date.context_today(self)})

    def action_accept(self):
        """The supplier accepts what each line says it accepts (all of it by default)."""
        self._ensure_accountant()
        self._ensure_state(("sent", "disputed"), _("accepted by the supplier"))
        for recovery in self:
            full = (
                recovery.currency_id.compare_amounts(
                    recovery.amount_accepted, recovery.amount_total
                )
                >= 0
            )
            recovery.state = "accepted" if full else "partial"

    def action_dispute(self):
        self._ensure_accountant()
        self._ensure_state(("sent",), _("disputed"))
        self.write({"state": "disputed"})

    def action_book(self):
        """The accepted amount as a vendor refund, the old parts back to the supplier."""
        self._ensure_accountant()
        self._ensure_state(("accepted", "partial"), _("booked"))
        for recovery in self:
            if recovery.refund_id:
                raise UserError(_("%(recovery)s is booked already.", recovery=recovery.name))
            refund = self.env["account.move"].create(recovery._refund_vals())
            refund.action_post()
            recovery.write({"refund_id": refund.id, "picking_id": recovery._return_old_parts().id})
        self.write({"state": "booked"})

    def action_cancel(self):
        self._ensure_accountant()
        self._ensure_state(("draft", "sent", "disputed"), _("cancelled"))
        self.line_ids.unlink()
        self.write({"state": "cancel"})

    @api.model
    def _cron_deem_accepted(self, batch_size=DEEMED_ACCEPTED_BATCH):
        """A supplier silent past its answer days has accepted; one batch per call, the
        cron runner calls again while some remain."""
        process_batch(
            self,
            [("state", "=", "sent"), ("answer_due", "<", fields.Date.context_today(self))],
            batch_size,
            lambda silent: silent._deem_accepted(),
        )

    def _deem_accepted(self):
        for recovery in self:
            recovery.message_post(
                body=_(
                    "No answer by %(due)s: the recovery is accepted as sent.",
                    due=recovery.answer_due,
                )
            )
        self.write({"state": "accepted"})

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _refund_vals(self):
        expense, _journal = self.company_id._aftersales_settlement_accounting()
        return {
            "move_type": "in_refund",
            "partner_id": self.partner_id.id,
            "invoice_date": fields.Date.context_today(self),
            "ref": self.name,
            "company_id": self.company_id.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": f"{line.claim_id.name} {line.product_id.display_name}",
                        "account_id": expense.id,
                        "quantity": 1,
                        "price_unit": line.amount_accepted,
                        "tax_ids": [Command.clear()],
                    }
                )
                for line in self.line_ids
                if not line.currency_id.is_zero(line.amount_accepted)
            ],
        }

    def _return_old_parts(self):
        """A transfer from 待退供应商 to the supplier of the old parts stored there."""
        lines = self.line_ids.claim_line_id.filtered(
            lambda line: line.old_part_destination == "to_supplier"
            and line.old_part_state == "received"
        )
        if not lines:
            return self.env["stock.picking"]
        warehouse = self.company_id._aftersales_warehouse()
        source = warehouse.aftersales_to_supplier_location_id
        target = self.partner_id.with_company(self.company_id).property_stock_supplier
        # the accountant books, the old-part store ships: the transfer is the store's
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "picking_type_id": warehouse.aftersales_old_supplier_type_id.id,
                    "partner_id": self.partner_id.id,
                    "company_id": self.company_id.id,
                    "location_id": source.id,
                    "location_dest_id": target.id,
                    "origin": self.name,
                    "move_ids": [
                        Command.create(line._old_part_move_vals(source, target)) for line in lines
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.action_assign()
        return picking.sudo(False)

    def _ensure_accountant(self):
        if not self.env.user.has_group(ACCOUNTANT_GROUP):
            raise AccessError(
                _("Only an after-sales accountant (结算会计) handles supplier recovery.")
            )
