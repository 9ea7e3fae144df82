# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The old parts (旧件) a service point returns, on the portal (/my/old-parts)."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AftersalesClaimLine(models.Model):
    _name = "aftersales.claim.line"
    _inherit = ["aftersales.claim.line", "aftersales.portal.mixin"]

    portal_product = fields.Char("Part (Portal)", compute="_compute_portal", compute_sudo=True)
    portal_return_id = fields.Many2one(
        "stock.picking",
        "Old-Part Return (Portal)",
        compute="_compute_portal",
        compute_sudo=True,
        help="The return manifest (旧件返回单) the old part travels in.",
    )

    @api.depends("product_id", "old_part_move_ids.state", "old_part_move_ids.picking_id")
    def _compute_portal(self):
        for line in self:
            line.portal_product = line.product_id.display_name or line.name or ""
            moves = line.old_part_move_ids.filtered(
                lambda move: move.picking_id.aftersales_old_part_return
            ).sorted("id")
            live = moves.filtered(lambda move: move.state != "cancel")
            line.portal_return_id = (live or moves)[-1:].picking_id

    def _portal_create_old_part_return(self):
        """A return manifest (旧件返回单) of these old parts, built as the old-part store
        builds it from the claims; returns the transfer."""
        lines = self._portal_sudo()
        if not lines:
            raise UserError(_("Select the old parts to put on the return manifest."))
        waiting = lines.claim_id.filtered(lambda claim: claim.state == "waiting_parts")
        ready = waiting._lines_without_return() & lines
        refused = lines - ready
        if refused:
            raise UserError(
                _(
                    "These old parts are not waiting for a return manifest: %(parts)s.",
                    parts=", ".join(refused.mapped("display_name")),
                )
            )
        Claim = self.env["aftersales.claim"].sudo()
        pickings = self.env["stock.picking"].sudo()
        for (company, point), point_lines in lines.grouped(
            lambda line: (line.company_id, line.claim_id.service_point_id)
        ).items():
            pickings |= pickings.create(
                Claim._prepare_old_part_return_vals(company, point, point_lines)
            )
        pickings.action_confirm()
        lines.claim_id._portal_message(
            _(
                "Old-part return %(transfers)s made on the portal.",
                transfers=", ".join(pickings.mapped("name")),
            )
        )
        return pickings
