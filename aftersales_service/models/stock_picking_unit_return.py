# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPicking(models.Model):
    """A transfer of an exchange / refund order: when the returned unit is in and the
    replacement out, the order completes (``aftersales.unit.return._complete``)."""

    _inherit = "stock.picking"

    aftersales_unit_return_id = fields.Many2one(
        "aftersales.unit.return", "Exchange / Refund Order", index="btree_not_null", copy=False
    )

    def _action_done(self):
        res = super()._action_done()
        self.aftersales_unit_return_id._complete_when_moved()
        return res
