# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AftersalesDepositMove(models.Model):
    """A deduction's rule and source (one per source and rule), and its appeal window."""

    _inherit = "aftersales.deposit.move"

    rule_id = fields.Many2one(
        "aftersales.penalty.rule", "Penalty Rule", check_company=True, tracking=True
    )
    source_key = fields.Char(
        readonly=True, copy=False, index=True, help="Technical: the record that breached the rule."
    )
    source_description = fields.Char(
        "Source",
        compute="_compute_source_description",
        help="The request, job, claim or claim line.",
    )
    posted_on = fields.Date(readonly=True, copy=False)
    settlement_line_id = fields.Many2one(
        "aftersales.claim.settlement.line",
        "Netted in Settlement",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Where deductions are netted in the settlement: the settlement line taking it.",
    )
    appeal_deadline = fields.Date(
        compute="_compute_appeal_deadline",
        store=True,
        help="The last day the dealer may appeal this deduction.",
    )
    appeal_ids = fields.One2many("aftersales.deposit.appeal", "deduction_id", "Appeals")
    appeal_state = fields.Selection(
        [("open", "Under Appeal"), ("upheld", "Appeal Upheld"), ("dismissed", "Appeal Dismissed")],
        compute="_compute_appeal_state",
        store=True,
    )

    _sql_constraints = [
        (
            "rule_source_uniq",
            "unique(rule_id, source_key)",
            "This breach already has its deduction for this rule.",
        ),
    ]

    @api.depends("ticket_id", "job_id", "claim_id", "claim_line_id")
    def _compute_source_description(self):
        """What the deduction is for, readable by whoever reads the deduction (an
        accountant has no access to service requests)."""
        for move in self:
            source = move.sudo()
            parts = [source.ticket_id.display_name, source.job_id.name]
            parts.append(source.claim_line_id.display_name or source.claim_id.name)
            move.source_description = " / ".join(part for part in parts if part)

    @api.depends("posted_on", "move_type", "company_id.aftersales_appeal_days")
    def _compute_appeal_deadline(self):
        for move in self:
            days = move.company_id.aftersales_appeal_days
            move.appeal_deadline = (
                move.posted_on + timedelta(days=days)
                if move.move_type == "deduction" and move.posted_on
                else False
            )

    @api.depends("appeal_ids.state")
    def _compute_appeal_state(self):
        for move in self:
            move.appeal_state = move.appeal_ids.sorted("id")[-1:].state or False

    def action_post(self):
        netted = self.filtered("settlement_line_id")
        if netted:
            raise UserError(
                _(
                    "%(moves)s is netted in the settlement %(settlement)s: it is posted with it.",
                    moves=", ".join(netted.mapped("name")),
                    settlement=netted[0].settlement_line_id.settlement_id.name,
                )
            )
        return super().action_post()

    def action_reverse(self):
        netted = self.filtered("account_move_id.aftersales_settlement_id")
        if netted:
            raise UserError(
                _(
                    "%(moves)s was netted in the settlement %(settlement)s: reverse the "
                    "settlement instead.",
                    moves=", ".join(netted.mapped("name")),
                    settlement=netted[0].account_move_id.aftersales_settlement_id.name,
                )
            )
        return super().action_reverse()

    def action_appeal(self):
        """The appeal form for this deduction (the clerk files it for the dealer)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.deposit.appeal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_deduction_id": self.id},
        }
