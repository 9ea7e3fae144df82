# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .aftersales_claim_check_rule import OUTCOMES


class AftersalesClaimCheckResult(models.Model):
    """What one check said of one submission of a claim; kept for every version."""

    _name = "aftersales.claim.check.result"
    _description = "Claim Check Result"
    _order = "claim_id, version desc, sequence, id"

    claim_id = fields.Many2one("aftersales.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    version = fields.Integer(required=True, readonly=True)
    is_current = fields.Boolean(
        "Last Submission", default=True, index=True, help="A result of the claim's last submission."
    )
    rule_id = fields.Many2one(
        "aftersales.claim.check.rule", "Check", readonly=True, ondelete="set null"
    )
    sequence = fields.Integer(readonly=True)
    outcome = fields.Selection(OUTCOMES, required=True, readonly=True)
    message = fields.Text(readonly=True)
    cleared_by = fields.Many2one("res.users", readonly=True, copy=False)
    cleared_note = fields.Char("Review Note")
