# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class AftersalesOldPartReconciliationLine(models.TransientModel):
    _name = "aftersales.old.part.reconciliation.line"
    _description = "Stock Card Reconciliation Line"
    _order = "is_difference desc, location_id, product_id"

    reconciliation_id = fields.Many2one(
        "aftersales.old.part.reconciliation", required=True, ondelete="cascade"
    )
    store = fields.Selection(related="reconciliation_id.store", store=True)
    location_id = fields.Many2one("stock.location", required=True)
    product_id = fields.Many2one("product.product", "Part", required=True)
    booked_qty = fields.Float(
        "Book Quantity",
        digits="Product Unit of Measure",
        help="账: in the old-part store the claim lines said to be here; in the new-part "
        "store the done moves in less out.",
    )
    on_hand_qty = fields.Float(
        "Physical Count",
        digits="Product Unit of Measure",
        help="物: what the stocktake counted here while its count is pending, else what "
        "the stock holds.",
    )
    labelled_qty = fields.Float(
        "Bin Card",
        digits="Product Unit of Measure",
        help="卡: in the old-part store the claim lines here whose label was printed; in "
        "the new-part store the quantity the bin's card (quant) records.",
    )
    claim_line_ids = fields.Many2many(
        "aftersales.claim.line",
        "aftersales_old_part_reconciliation_claim_line_rel",
        string="Claim Lines",
    )
    is_difference = fields.Boolean("Has Difference", compute="_compute_difference", store=True)
    difference = fields.Char(compute="_compute_difference", store=True)

    @api.depends("booked_qty", "on_hand_qty", "labelled_qty", "store")
    def _compute_difference(self):
        for line in self:
            rounding = line.product_id.uom_id.rounding or 0.01
            problems = []
            new_store = line.store == "new"
            if fields.Float.compare(line.booked_qty, line.on_hand_qty, precision_rounding=rounding):
                problems.append(
                    _("book and count differ") if new_store else _("claims and stock differ")
                )
            if fields.Float.compare(
                line.booked_qty, line.labelled_qty, precision_rounding=rounding
            ):
                problems.append(
                    _("book and bin card differ")
                    if new_store
                    else _("parts without a printed label")
                )
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
