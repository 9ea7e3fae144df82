# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A service point's return manifests (旧件返回单) on the portal: portal users read only
their point's old-part returns (security/aftersales_portal_claim_security.xml)."""

from odoo import _, models
from odoo.exceptions import AccessError, UserError


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "aftersales.portal.mixin"]

    def _portal_sudo(self):
        pickings = super()._portal_sudo()
        if pickings.filtered(lambda picking: not picking.aftersales_old_part_return):
            raise AccessError(_("This document does not exist or is not yours."))
        return pickings

    def _portal_set_boxes(self, boxes):
        """The box (箱号) of each old part, {move id: box}, until the store receives them."""
        picking = self._portal_sudo()
        picking.ensure_one()
        if picking.state in ("done", "cancel"):
            raise UserError(
                _("%(transfer)s was received: its boxes do not change.", transfer=picking.name)
            )
        moves = picking._aftersales_label_moves()
        for move_id, box in boxes.items():
            move = moves.filtered(lambda move, move_id=move_id: move.id == int(move_id))
            if not move:
                raise AccessError(_("This document does not exist or is not yours."))
            box = (box or "").strip()[:20] or False
            if (move.aftersales_box or False) != box:
                move.aftersales_box = box
        return picking
