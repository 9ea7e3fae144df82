# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesDealerClass(models.Model):
    """A class of dealer (A/B/C…): what its labour is worth and the deposit it holds.

    Good service moves a dealer up, fraud or serious failures move it down (奖优罚劣).
    """

    _name = "aftersales.dealer.class"
    _description = "Dealer Class"
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    labour_rate_factor = fields.Float(
        default=1.0,
        digits=(16, 2),
        required=True,
        help="Multiplies the labour norms paid to a dealer of this class (1.0 = the norm).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    deposit_amount = fields.Monetary(
        string="Required Deposit",
        currency_field="currency_id",
        help="The quality deposit a dealer of this class must hold with the company.",
    )
    partner_ids = fields.One2many("res.partner", "dealer_class_id", string="Dealers")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A dealer class with this name already exists in this company.",
        ),
    ]

    @api.constrains("labour_rate_factor")
    def _check_labour_rate_factor(self):
        for dealer_class in self:
            if dealer_class.labour_rate_factor <= 0:
                raise ValidationError(
                    _(
                        "The labour rate factor of dealer class %(name)s must be greater "
                        "than zero.",
                        name=dealer_class.name,
                    )
                )

    @api.constrains("deposit_amount")
    def _check_deposit_amount(self):
        for dealer_class in self:
            if dealer_class.currency_id.compare_amounts(dealer_class.deposit_amount, 0) < 0:
                raise ValidationError(
                    _(
                        "The required deposit of dealer class %(name)s cannot be negative.",
                        name=dealer_class.name,
                    )
                )
