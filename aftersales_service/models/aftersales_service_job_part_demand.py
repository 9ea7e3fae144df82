# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import float_compare

#: the states of a job whose planned parts are a demand on its service point's stock
DEMAND_STATES = ("dispatched", "accepted", "on_site")


class AftersalesServiceJobPart(models.Model):
    """The parts planned on a dispatched job are a confirmed demand on its service point's
    stock (a move waiting to leave the point's location): the point's reordering rule and
    Odoo's replenishment see them before the technician fits them."""

    _inherit = "aftersales.service.job.part"

    @api.model_create_multi
    def create(self, vals_list):
        parts = super().create(vals_list)
        parts._aftersales_sync_demand()
        return parts

    def write(self, vals):
        res = super().write(vals)
        if {"product_id", "quantity"} & set(vals):
            self._aftersales_sync_demand()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_cancel_demand(self):
        self._aftersales_open_moves()._action_cancel()

    # ------------------------------------------------------------------
    # Demand
    # ------------------------------------------------------------------
    def _aftersales_open_moves(self):
        return self.move_ids.filtered(lambda move: move.state not in ("done", "cancel"))

    def _aftersales_is_demand(self):
        self.ensure_one()
        job = self.job_id
        return not self.consumed and job.state in DEMAND_STATES and bool(job.service_point_id)

    def _aftersales_sync_demand(self):
        """Keep one confirmed move per planned part of a dispatched job, of its product,
        quantity and service point; cancel it when the job no longer needs the part."""
        for part in self:
            moves = part._aftersales_open_moves()
            if not part._aftersales_is_demand():
                moves.filtered(lambda move: not move.picked)._action_cancel()
                continue
            source = part.job_id.service_point_id._aftersales_stock_location()
            stale = moves.filtered(
                lambda move, source=source, product=part.product_id: move.product_id != product
                or move.location_id != source
            )
            stale._action_cancel()
            moves -= stale
            if not moves:
                part._aftersales_demand_moves()
            elif float_compare(
                moves[:1].product_uom_qty,
                part.quantity,
                precision_rounding=moves[:1].product_uom.rounding,
            ):
                moves[:1].product_uom_qty = part.quantity

    def _aftersales_demand_moves(self):
        """Each part's open move, confirmed: the demand's, or a new one."""
        moves = self.env["stock.move"]
        for part in self:
            move = part._aftersales_open_moves()[:1]
            if not move:
                move = self.env["stock.move"].create(part._prepare_stock_move_vals())
                move._action_confirm(merge=False)
            moves |= move
        return moves
