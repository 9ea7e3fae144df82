# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class ReportAftersalesOldPartReturn(models.AbstractModel):
    """The 旧件返回单 with a label per old part: printing it counts a print of each
    part's label (账=物=卡)."""

    _name = "report.aftersales_service.aftersales_old_part_return_template"
    _description = "Old-Part Return Manifest"

    @api.model
    def _get_report_values(self, docids, data=None):
        pickings = self.env["stock.picking"].browse(docids)
        others = pickings.filtered(lambda picking: not picking.aftersales_old_part_return)
        if others:
            raise UserError(
                _(
                    "%(transfers)s is not an old-part return: only the old parts a service "
                    "point returns print as an old-part return with labels.",
                    transfers=", ".join(others.mapped("name")),
                )
            )
        pickings._aftersales_label_moves().aftersales_claim_line_id._aftersales_count_labels()
        return {
            "doc_ids": pickings.ids,
            "doc_model": "stock.picking",
            "docs": pickings,
        }
