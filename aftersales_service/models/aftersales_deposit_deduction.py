# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models


class AftersalesDepositMove(models.Model):
    """A deduction's rule and source (one per source and rule), and its appeal window."""

    _inherit = "aftersales.deposit.move"

    rule_id = fields.Many2one(
        "aftersales.penalty.rule", "Penalty Rule", check_company=True, tracking=True
    )
    source_key = fields.Char(
        readonly=True, copy=False, index=True, help="Technical: the record that breached the rule."
    )
    posted_on = fields.Date(readonly=True, copy=False)
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
