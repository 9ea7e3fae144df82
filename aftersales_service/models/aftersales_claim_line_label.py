# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models

#: what a Code128 label keeps of a text: printable ASCII without spaces
NOT_IN_LABEL = re.compile(r"[^!-~]")


class AftersalesClaimLine(models.Model):
    """The label (标签) of an old part: a Code128 barcode the old-part store scans at
    receipt, and how many times it was printed (账=物=卡)."""

    _inherit = "aftersales.claim.line"

    old_part_barcode = fields.Char(
        "Label Barcode",
        compute="_compute_old_part_barcode",
        store=True,
        index="btree_not_null",
        help="The Code128 barcode of the old part's label: the claim number, the line "
        "number on two digits and, when known, the part serial, joined by hyphens "
        "(SP202612-0001-02-SN123). Only printable ASCII is kept, without spaces.",
    )
    old_part_label_count = fields.Integer(
        "Labels Printed",
        readonly=True,
        copy=False,
        help="How many times the label of this old part was printed with its return.",
    )

    @api.depends(
        "old_part_required",
        "old_part_serial",
        "sequence",
        "claim_id.name",
        "claim_id.line_ids.sequence",
    )
    def _compute_old_part_barcode(self):
        for line in self:
            if not line.old_part_required or not line.claim_id:
                line.old_part_barcode = False
                continue
            parts = [line.claim_id.name, f"{line._aftersales_line_number():02d}"]
            if line.old_part_serial:
                parts.append(line.old_part_serial)
            cleaned = (NOT_IN_LABEL.sub("", part or "") for part in parts)
            line.old_part_barcode = "-".join(part for part in cleaned if part)

    def _aftersales_line_number(self):
        """The position of the line on its claim, from 1 (as the documents list them)."""
        self.ensure_one()
        lines = self.claim_id.line_ids.sorted(
            lambda line: (line.sequence, not line._origin.id, line._origin.id or 0)
        )
        return list(lines).index(self) + 1 if self in lines else 0

    def _aftersales_count_labels(self):
        """One more print of the labels of these lines."""
        for line in self.sudo():
            line.old_part_label_count += 1
