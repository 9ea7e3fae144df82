# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class AftersalesOldPartReconciliationLine(models.TransientModel):
    _name = "aftersales.old.part.reconciliation.line"
    _description = "Old-Part Reconciliation Line"
    _order = "is_difference desc, location_id, product_id"

    reconciliation_id = fields.Many2one(
        "aftersales.old.part.reconciliation", required=True, ondelete="cascade"
    )
    location_id = fields.Many2one("stock.location", required=True)
    product_id = fields.Many2one("product.product", "Part", required=True)
    booked_qty = fields.Float(
        "Per Claims", digits="Product Unit of Measure", help="账: claim lines said to be here."
    )
    on_hand_qty = fields.Float(
        "On Hand", digits="Product Unit of Measure", help="物: what the stock holds here."
    )
    labelled_qty = fields.Float(
        "Labelled",
        digits="Product Unit of Measure",
        help="卡: claim lines here whose old-part label was printed.",
    )
    claim_line_ids = fields.Many2many(
        "aftersales.claim.line",
        "aftersales_old_part_reconciliation_claim_line_rel",
        string="Claim Lines",
    )
    is_difference = fields.Boolean("Has Difference", compute="_compute_difference", store=True)
    difference = fields.Char(compute="_compute_difference", store=True)

    @api.depends("booked_qty", "on_hand_qty", "labelled_qty")
    def _compute_difference(self):
        for line in self:
            rounding = line.product_id.uom_id.rounding or 0.01
            problems = []
            if fields.Float.compare(line.booked_qty, line.on_hand_qty, precision_rounding=rounding):
                problems.append(_("claims and stock differ"))
            if fields.Float.compare(
                line.booked_qty, line.labelled_qty, precision_rounding=rounding
            ):
                problems.append(_("parts without a printed label"))
            line.is_difference = bool(problems)
            line.difference = "; ".join(problems)

    def action_view_claim_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Claim Lines"),
            "res_model": "aftersales.claim.line",
            "view_mode": "list,form",
            "domain": [("id", "in", self.claim_line_ids.ids)],
        }
