# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    aftersales_job_part_id = fields.Many2one(
        "aftersales.service.job.part",
        "Service Job Part",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The part of a service job this move took from the service point's stock.",
    )
    aftersales_job_id = fields.Many2one(
        related="aftersales_job_part_id.job_id",
        string="Service Job",
        store=True,
        index="btree_not_null",
    )
