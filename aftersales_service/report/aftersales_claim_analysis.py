# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.aftersales_claim import CLAIM_STATES
from ..models.aftersales_claim_line import LINE_TYPES, PART_ROLES
from .aftersales_claim_rate import COUNTED_CLAIM_STATES


class AftersalesClaimAnalysis(models.Model):
    """三包索赔分析: one row per line of a counted claim (filed, not rejected or cancelled)
    with what the quality figures group by — product model and category, fault code,
    part, supplier, service point, region, the month of the fault — and the amounts.
    ``claim_count`` is 1 on a claim's first line only, so it adds up to claims."""

    _name = "aftersales.claim.analysis"
    _description = "Claim Analysis"
    _auto = False
    _order = "fault_date desc, id desc"
    _depends = {
        "aftersales.claim": [
            "company_id",
            "state",
            "repair_start",
            "create_date",
            "lot_id",
            "product_tmpl_id",
            "fault_code_id",
            "service_point_id",
        ],
        "aftersales.claim.line": [
            "claim_id",
            "line_type",
            "product_id",
            "part_role",
            "supplier_id",
            "quantity",
            "amount_claimed",
            "amount_approved",
        ],
        "product.template": ["categ_id"],
        "res.partner": ["region_id"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    claim_id = fields.Many2one("aftersales.claim", readonly=True)
    state = fields.Selection(CLAIM_STATES, "Claim Status", readonly=True)
    fault_date = fields.Date(readonly=True)
    lot_id = fields.Many2one("stock.lot", "Unit", readonly=True)
    product_tmpl_id = fields.Many2one("product.template", "Product Model", readonly=True)
    categ_id = fields.Many2one("product.category", "Product Category", readonly=True)
    fault_code_id = fields.Many2one("aftersales.fault.code", readonly=True)
    line_type = fields.Selection(LINE_TYPES, readonly=True)
    part_id = fields.Many2one("product.product", readonly=True)
    part_role = fields.Selection(PART_ROLES, readonly=True)
    supplier_id = fields.Many2one("res.partner", readonly=True)
    service_point_id = fields.Many2one("res.partner", readonly=True)
    region_id = fields.Many2one("aftersales.region", readonly=True)
    claim_count = fields.Integer("Claims", readonly=True)
    quantity = fields.Float(readonly=True, digits="Product Unit of Measure")
    amount_claimed = fields.Monetary("Claimed", readonly=True)
    amount_approved = fields.Monetary("Approved", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT line.id, claim.company_id, claim.id AS claim_id, claim.state,
                   COALESCE(claim.repair_start, claim.create_date::date) AS fault_date,
                   claim.lot_id, claim.product_tmpl_id, template.categ_id,
                   claim.fault_code_id, line.line_type,
                   CASE WHEN line.line_type = 'part' THEN line.product_id END AS part_id,
                   CASE WHEN line.line_type = 'part' THEN line.part_role END AS part_role,
                   line.supplier_id, claim.service_point_id, point.region_id,
                   CASE WHEN line.id = MIN(line.id) OVER (PARTITION BY claim.id)
                        THEN 1 ELSE 0 END AS claim_count,
                   line.quantity, line.amount_claimed, line.amount_approved
              FROM aftersales_claim_line line
              JOIN aftersales_claim claim ON claim.id = line.claim_id
              LEFT JOIN product_template template ON template.id = claim.product_tmpl_id
              LEFT JOIN res_partner point ON point.id = claim.service_point_id
             WHERE claim.state IN %s
            """,
            COUNTED_CLAIM_STATES,
        )
