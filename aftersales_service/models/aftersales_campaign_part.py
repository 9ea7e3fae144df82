# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesCampaignPart(models.Model):
    _name = "aftersales.campaign.part"
    _description = "Campaign Part per Unit"
    _order = "campaign_id, id"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "aftersales.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    product_id = fields.Many2one("product.product", "Part", required=True, check_company=True)
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
