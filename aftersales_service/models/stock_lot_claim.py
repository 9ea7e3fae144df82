# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockLot(models.Model):
    """A unit's 三包 claims, behind a smart button on the unit."""

    _inherit = "stock.lot"

    aftersales_claim_count = fields.Integer("Claims", compute="_compute_aftersales_claim_count")

    def _compute_aftersales_claim_count(self):
        counts = dict(
            self.env["aftersales.claim"]._read_group(
                [("lot_id", "in", self._origin.ids)], groupby=["lot_id"], aggregates=["__count"]
            )
        )
        for lot in self:
            lot.aftersales_claim_count = counts.get(lot._origin, 0)

    def action_view_aftersales_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_claim_action"
        )
        action.update(domain=[("lot_id", "=", self.id)], context={"default_lot_id": self.id})
        return action
