# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class AftersalesNumberedMixin(models.AbstractModel):
    """A document numbered from its company's sequence when it is created (派工单,
    索赔单, 核销单 ...): set ``_aftersales_sequence_code`` to the sequence's code."""

    _name = "aftersales.numbered.mixin"
    _description = "After-Sales Numbered Document"

    _aftersales_sequence_code = None

    name = fields.Char(
        "Number", required=True, readonly=True, copy=False, default=lambda self: _("New")
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", _("New")) == _("New"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    self._aftersales_sequence_code
                ) or _("New")
        return super().create(vals_list)
