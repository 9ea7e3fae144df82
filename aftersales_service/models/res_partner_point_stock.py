# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models


class ResPartner(models.Model):
    """What a service point holds (the quants of its location) and what it fitted on jobs
    (the done moves of its jobs' parts)."""

    _inherit = "res.partner"

    aftersales_point_stock_count = fields.Integer(
        "Parts Held", compute="_compute_aftersales_point_stock_counts"
    )
    aftersales_point_used_count = fields.Integer(
        "Parts Used on Jobs", compute="_compute_aftersales_point_stock_counts"
    )

    def _compute_aftersales_point_stock_counts(self):
        for partner in self:
            location = partner._origin.aftersales_stock_location_id
            if not location:
                partner.aftersales_point_stock_count = 0
                partner.aftersales_point_used_count = 0
                continue
            partner.aftersales_point_stock_count = self.env["stock.quant"].search_count(
                partner._aftersales_point_quant_domain()
            )
            partner.aftersales_point_used_count = self.env["stock.move"].search_count(
                partner._aftersales_point_used_domain()
            )

    def _aftersales_point_quant_domain(self):
        return [
            ("location_id", "child_of", self._origin.aftersales_stock_location_id.id),
            ("quantity", "!=", 0),
        ]

    def _aftersales_point_used_domain(self):
        return [
            ("location_id", "child_of", self._origin.aftersales_stock_location_id.id),
            ("aftersales_job_id", "!=", False),
            ("state", "=", "done"),
        ]

    def action_view_aftersales_point_stock(self):
        self.ensure_one()
        self._aftersales_stock_location()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.location_open_quants")
        action.update(
            name=_("Parts Held by %(point)s", point=self.display_name),
            domain=self._aftersales_point_quant_domain(),
            context={"search_default_productgroup": 1},
        )
        return action

    def action_view_aftersales_point_used(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.stock_move_action")
        action.update(
            name=_("Parts Used by %(point)s", point=self.display_name),
            domain=self._aftersales_point_used_domain(),
            context={"search_default_groupby_product_id": 1, "create": False},
        )
        return action
