# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .product_category import PART_CLASSES


class AftersalesPartsMovementReport(models.Model):
    """配件收发月统计表: every done move of a part as a receipt into the internal
    location it reached and an issue out of the internal location it left (a transfer
    between two store locations is both), for the pivot by month, part and class."""

    _name = "aftersales.parts.movement.report"
    _description = "Parts Receipts and Issues"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "product_id"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    move_id = fields.Many2one("stock.move", "Stock Move", readonly=True)
    product_id = fields.Many2one("product.product", "Part", readonly=True)
    categ_id = fields.Many2one("product.category", "Product Category", readonly=True)
    part_class = fields.Selection(PART_CLASSES, readonly=True)
    location_id = fields.Many2one("stock.location", readonly=True)
    received_qty = fields.Float("Received", digits="Product Unit of Measure", readonly=True)
    issued_qty = fields.Float("Issued", digits="Product Unit of Measure", readonly=True)

    @api.model
    def _search(self, domain, *args, **kwargs):
        # the query reads other models' tables: write what is pending to them first
        self.env.flush_all()
        return super()._search(domain, *args, **kwargs)

    @property
    def _table_query(self):
        return """
            SELECT sm.id * 2 AS id, sm.date::date AS date, sm.company_id, sm.id AS move_id,
                   sm.product_id, pt.categ_id, pc.aftersales_part_class AS part_class,
                   sm.location_dest_id AS location_id,
                   sm.product_qty AS received_qty, 0.0 AS issued_qty
              FROM stock_move sm
              JOIN stock_location dest ON dest.id = sm.location_dest_id
              JOIN product_product pp ON pp.id = sm.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN product_category pc ON pc.id = pt.categ_id
             WHERE sm.state = 'done' AND dest.usage = 'internal'
               AND pc.aftersales_part_class IS NOT NULL
            UNION ALL
            SELECT sm.id * 2 + 1 AS id, sm.date::date AS date, sm.company_id, sm.id AS move_id,
                   sm.product_id, pt.categ_id, pc.aftersales_part_class AS part_class,
                   sm.location_id AS location_id,
                   0.0 AS received_qty, sm.product_qty AS issued_qty
              FROM stock_move sm
              JOIN stock_location src ON src.id = sm.location_id
              JOIN product_product pp ON pp.id = sm.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN product_category pc ON pc.id = pt.categ_id
             WHERE sm.state = 'done' AND src.usage = 'internal'
               AND pc.aftersales_part_class IS NOT NULL
        """
