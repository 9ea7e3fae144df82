# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesClaimLine(models.Model):
    """Which claim lines a supplier pays back (外协件索赔), and how their old parts move."""

    _inherit = "aftersales.claim.line"

    recovery_line_ids = fields.One2many(
        "aftersales.supplier.recovery.line", "claim_line_id", "Supplier Recovery", readonly=True
    )

    def _old_part_move_vals(self, source, target):
        """A move of this line's old part between two old-part locations."""
        self.ensure_one()
        return {
            "name": f"{self.claim_id.name}: {self.product_id.display_name}",
            "product_id": self.product_id.id,
            "product_uom_qty": self.quantity,
            "product_uom": self.product_id.uom_id.id,
            "location_id": source.id,
            "location_dest_id": target.id,
            "company_id": self.company_id.id,
        }

    def _recoverable_from_supplier(self):
        """An approved causal part of a supplier, not appraised as misjudged."""
        self.ensure_one()
        return (
            self.line_type == "part"
            and self.part_role == "causal"
            and bool(self.supplier_id)
            and self.appraisal in ("approved", "partial")
            and not self.reject_reason_id.misjudged
        )
