# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesCampaign(models.Model):
    """A recall or service campaign (召回 / 服务活动): the units it covers (their serials,
    importable), its dates, and what it pays per unit."""

    _name = "aftersales.campaign"
    _description = "Recall or Service Campaign"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_start = fields.Date("Start Date", required=True, tracking=True)
    date_end = fields.Date("End Date", required=True, tracking=True)
    product_ids = fields.Many2many("product.product", string="Products", check_company=True)
    lot_ids = fields.Many2many(
        "stock.lot",
        "aftersales_campaign_lot_rel",
        "campaign_id",
        "lot_id",
        string="Units",
        check_company=True,
        help="The serial numbers the campaign covers (import them from a spreadsheet).",
    )
    unit_count = fields.Integer("Units Covered", compute="_compute_unit_count")
    labour_hours = fields.Float(
        "Labour Allowance (h)", tracking=True, help="Hours paid per unit of the campaign."
    )
    part_ids = fields.One2many("aftersales.campaign.part", "campaign_id", "Parts per Unit")
    note = fields.Html()

    _sql_constraints = [  # noqa: RUF012
        ("code_company_uniq", "unique(code, company_id)", "A campaign code is unique per company."),
    ]

    def _compute_unit_count(self):
        for campaign in self:
            campaign.unit_count = len(campaign.lot_ids)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for campaign in self:
            if campaign.date_end < campaign.date_start:
                raise ValidationError(
                    _("Campaign %(campaign)s ends before it starts.", campaign=campaign.name)
                )

    def _is_open_on(self, day):
        self.ensure_one()
        return bool(day) and self.date_start <= day <= self.date_end
