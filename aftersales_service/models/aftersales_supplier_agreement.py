# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesSupplierAgreement(models.Model):
    """A supplier's quality agreement (外协件质量协议): what it pays back for the 三包 claims
    its parts caused."""

    _name = "aftersales.supplier.agreement"
    _description = "Supplier Quality Agreement"
    _inherit = ["mail.thread"]
    _order = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", "Supplier", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)
    price_basis = fields.Selection(
        [("claim", "Claim Price"), ("cost", "Cost")],
        "Part Price Basis",
        default="claim",
        required=True,
        tracking=True,
        help="Claim Price: what the claim approved for the part. Cost: the part's cost.",
    )
    part_coefficient = fields.Float(default=1.0, tracking=True, digits=(16, 3))
    labour_coefficient = fields.Float(default=1.0, tracking=True, digits=(16, 3))
    travel_share = fields.Float(
        "Travel Share (%)", tracking=True, help="The share of the approved travel it pays."
    )
    fee_per_part = fields.Monetary("Management Fee per Part", tracking=True)
    cap_per_claim = fields.Monetary(
        "Cap per Claim", tracking=True, help="The most it pays for one claim; 0: no cap."
    )
    answer_days = fields.Integer(
        default=15,
        tracking=True,
        help="Days the supplier has to answer a recovery; silent after them, it is accepted.",
    )

    recovery_rate = fields.Float(
        related="partner_id.aftersales_recovery_rate", string="Recovery Rate (%)"
    )

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "A supplier has one quality agreement per company.",
        ),
    ]

    @api.depends("partner_id")
    def _compute_display_name(self):
        for agreement in self:
            agreement.display_name = agreement.partner_id.display_name

    @api.constrains("part_coefficient", "labour_coefficient", "travel_share", "answer_days")
    def _check_figures(self):
        for agreement in self:
            if agreement.part_coefficient < 0 or agreement.labour_coefficient < 0:
                raise ValidationError(_("The coefficients of an agreement cannot be negative."))
            if not 0 <= agreement.travel_share <= 100:
                raise ValidationError(_("The travel share is a percentage between 0 and 100."))
            if agreement.answer_days < 1:
                raise ValidationError(_("Give the supplier at least one day to answer."))
