# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPicking(models.Model):
    """The 返厂收货 and 修复发还 transfers of a 返厂维修单 and its service request."""

    _inherit = "stock.picking"

    aftersales_factory_repair_id = fields.Many2one(
        "aftersales.factory.repair",
        "Factory Repair",
        index="btree_not_null",
        readonly=True,
        copy=False,
        check_company=True,
    )
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        "Service Request",
        index="btree_not_null",
        readonly=True,
        copy=False,
        check_company=True,
    )
