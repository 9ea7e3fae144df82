# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AftersalesPartsProfitReport(models.Model):
    """售后配件月利润表: per month, part and dealer, the parts sales (posted customer
    invoice lines less credit notes, in company currency) and their cost from the stock
    valuation (the valuation layers of the deliveries of sale orders, less those of
    their returns, and of the parts a paid job used, billed on the job's invoice: the FIFO
    cost of goods sold), and the margin."""

    _name = "aftersales.parts.profit.report"
    _description = "Parts Profit"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "product_id"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    product_id = fields.Many2one("product.product", "Part", readonly=True)
    categ_id = fields.Many2one("product.category", "Product Category", readonly=True)
    partner_id = fields.Many2one("res.partner", "Dealer", readonly=True)
    quantity = fields.Float("Quantity Sold", digits="Product Unit of Measure", readonly=True)
    sales_amount = fields.Monetary("Sales", readonly=True)
    cost_amount = fields.Monetary("Cost of Sales", readonly=True)
    margin = fields.Monetary(readonly=True)

    @api.model
    def _search(self, domain, *args, **kwargs):
        # the query reads other models' tables: write what is pending to them first
        self.env.flush_all()
        return super()._search(domain, *args, **kwargs)

    @property
    def _table_query(self):
        return """
            SELECT aml.id * 2 AS id, aml.date AS date, aml.company_id,
                   company.currency_id, aml.product_id, pt.categ_id,
                   am.commercial_partner_id AS partner_id,
                   CASE WHEN am.move_type = 'out_refund' THEN -aml.quantity
                        ELSE aml.quantity END AS quantity,
                   -aml.balance AS sales_amount, 0.0 AS cost_amount, -aml.balance AS margin
              FROM account_move_line aml
              JOIN account_move am ON am.id = aml.move_id
              JOIN res_company company ON company.id = aml.company_id
              JOIN product_product pp ON pp.id = aml.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN product_category pc ON pc.id = pt.categ_id
             WHERE am.state = 'posted' AND am.move_type IN ('out_invoice', 'out_refund')
               AND aml.display_type = 'product'
               AND pc.aftersales_part_class IS NOT NULL
            UNION ALL
            -- the FIFO cost of the parts that left for a dealer's sale order or for a paid
            -- job billed on its posted invoice, charged to that order's or invoice's partner
            SELECT svl.id * 2 + 1 AS id, sm.date::date AS date, svl.company_id,
                   company.currency_id, svl.product_id, pt.categ_id,
                   COALESCE(partner.commercial_partner_id, am.commercial_partner_id)
                       AS partner_id,
                   0.0 AS quantity, 0.0 AS sales_amount,
                   -svl.value AS cost_amount, svl.value AS margin
              FROM stock_valuation_layer svl
              JOIN stock_move sm ON sm.id = svl.stock_move_id
              LEFT JOIN sale_order_line sol ON sol.id = sm.sale_line_id
              LEFT JOIN sale_order so ON so.id = sol.order_id
              LEFT JOIN res_partner partner ON partner.id = so.partner_id
              LEFT JOIN aftersales_service_job_part part ON part.id = sm.aftersales_job_part_id
              LEFT JOIN aftersales_service_job job ON job.id = part.job_id
              LEFT JOIN account_move am ON am.id = job.invoice_id AND am.state = 'posted'
              JOIN res_company company ON company.id = svl.company_id
              JOIN product_product pp ON pp.id = svl.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN product_category pc ON pc.id = pt.categ_id
             WHERE pc.aftersales_part_class IS NOT NULL
               AND (so.id IS NOT NULL OR am.id IS NOT NULL)
        """
