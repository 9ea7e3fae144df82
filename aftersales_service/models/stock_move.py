# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    aftersales_job_part_id = fields.Many2one(
        "aftersales.service.job.part",
        "Service Job Part",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The part of a service job this move took from the service point's stock.",
    )
    aftersales_job_id = fields.Many2one(
        related="aftersales_job_part_id.job_id",
        string="Service Job",
        store=True,
        index="btree_not_null",
    )
    aftersales_claim_line_id = fields.Many2one(
        "aftersales.claim.line",
        "Claim Line",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The claim line whose old part this move carries.",
    )
    aftersales_old_part_barcode = fields.Char(
        related="aftersales_claim_line_id.old_part_barcode", string="Label Barcode"
    )
    aftersales_box = fields.Char(
        "Box",
        copy=False,
        help="The box (箱号) of the return manifest this old part travels in.",
    )

    def _prepare_merge_moves_distinct_fields(self):
        # Two old parts of the same product on one return stay two moves: each carries
        # its own claim line.
        return [*super()._prepare_merge_moves_distinct_fields(), "aftersales_claim_line_id"]

    def _action_done(self, cancel_backorder=False):
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        (self | moves).aftersales_claim_line_id.claim_id._aftersales_old_parts_arrived()
        return moves

    def _action_cancel(self):
        res = super()._action_cancel()
        self.aftersales_claim_line_id.claim_id._aftersales_old_parts_arrived()
        return res
