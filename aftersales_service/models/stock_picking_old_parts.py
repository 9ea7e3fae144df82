# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    """The 旧件返回单 (old-part return) of a service point: its parts packed in boxes."""

    _inherit = "stock.picking"

    aftersales_old_part_return = fields.Boolean(
        "Old-Part Return",
        compute="_compute_aftersales_old_part_return",
        help="A return of old parts from a service point to the old-part store.",
    )
    aftersales_box_count = fields.Integer(
        "Boxes",
        compute="_compute_aftersales_box_count",
        help="The number of boxes the old parts of this return travel in.",
    )
    aftersales_scan = fields.Char(
        "Scan",
        store=False,
        help="Scan the label of an old part as it is unpacked: its line is received.",
    )

    @api.depends("picking_type_id")
    def _compute_aftersales_old_part_return(self):
        operations = self.env["stock.warehouse"].sudo().search([]).aftersales_old_return_type_id
        for picking in self:
            picking.aftersales_old_part_return = picking.picking_type_id in operations

    @api.depends("move_ids.aftersales_box")
    def _compute_aftersales_box_count(self):
        for picking in self:
            boxes = {box.strip() for box in picking.move_ids.mapped("aftersales_box") if box}
            picking.aftersales_box_count = len(boxes - {""})

    def _aftersales_label_moves(self):
        """The old-part moves of these returns that get a label, in the manifest's order."""
        return self.move_ids.filtered(
            lambda move: move.aftersales_claim_line_id and move.state != "cancel"
        ).sorted(
            lambda move: (
                move.picking_id.id,
                move.aftersales_claim_line_id.claim_id.name,
                move.aftersales_claim_line_id._aftersales_line_number(),
            )
        )

    def _aftersales_boxes(self):
        """[(box, number of parts)] of this return, the parts without a box last."""
        self.ensure_one()
        counts = {}
        for move in self._aftersales_label_moves():
            box = (move.aftersales_box or "").strip()
            counts[box] = counts.get(box, 0) + 1
        # numbers in their order (2 before 10), the parts without a box last
        return sorted(counts.items(), key=lambda item: (not item[0], len(item[0]), item[0]))

    # ------------------------------------------------------------------
    # Scan at receipt
    # ------------------------------------------------------------------
    @api.onchange("aftersales_scan")
    def _onchange_aftersales_scan(self):
        """The store scans the label of a part it unpacks: the part is received."""
        code = (self.aftersales_scan or "").strip()
        if not code:
            return None
        self.aftersales_scan = False
        # the form edits the moves of its operations list
        move = self._aftersales_scanned_move(code, self.move_ids_without_package)
        if not move:
            return {
                "warning": {
                    "title": _("Unknown label"),
                    "message": self._aftersales_unknown_label_message(code),
                }
            }
        move.quantity = move.product_uom_qty
        move.picked = True
        return None

    def aftersales_scan_barcode(self, code):
        """Receive the old part whose label reads ``code`` (RPC and tests); returns the id
        of its move."""
        self.ensure_one()
        code = (code or "").strip()
        if not self.aftersales_old_part_return or self.state not in ("confirmed", "assigned"):
            raise UserError(
                _(
                    "%(transfer)s is not an old-part return waiting for its parts.",
                    transfer=self.name,
                )
            )
        move = self._aftersales_scanned_move(code)
        if not move:
            raise UserError(self._aftersales_unknown_label_message(code))
        move.quantity = move.product_uom_qty
        move.picked = True
        return move.id

    def _aftersales_scanned_move(self, code, moves=None):
        return (self.move_ids if moves is None else moves).filtered(
            lambda move: move.state != "cancel"
            and move.aftersales_claim_line_id
            and move.aftersales_old_part_barcode == code
        )[:1]

    def _aftersales_unknown_label_message(self, code):
        return _(
            "The label %(code)s is not on the old-part return %(transfer)s.",
            code=code,
            transfer=self.name,
        )
