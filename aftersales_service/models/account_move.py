# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    aftersales_job_ids = fields.One2many(
        "aftersales.service.job", "invoice_id", "Service Jobs", readonly=True
    )
    aftersales_settlement_id = fields.Many2one(
        "aftersales.claim.settlement",
        "三包 Settlement",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    def button_draft(self):
        """Resetting a settlement's entry would silently undo what it cleared."""
        linked = self.filtered("aftersales_settlement_id")
        if linked:
            raise UserError(
                _(
                    "%(moves)s belongs to the 三包 settlement %(settlement)s: reverse the "
                    "settlement instead of resetting its entry to draft.",
                    moves=", ".join(linked.mapped("name")),
                    settlement=", ".join(linked.aftersales_settlement_id.mapped("name")),
                )
            )
        return super().button_draft()
