# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang


class AftersalesClaimDeduction(models.Model):
    """An amount found to be deducted after its claim was settled (二次抵扣): an old part
    appraised later as non-genuine, a claim found false. The posted settlement is never
    edited: the deduction is carried into the dealer's next settlement as a negative line."""

    _name = "aftersales.claim.deduction"
    _description = "Deduction after Settlement"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    claim_id = fields.Many2one(
        "aftersales.claim",
        "Source Claim",
        required=True,
        index=True,
        check_company=True,
        domain="[('state', '=', 'settled')]",
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", "Service Point", compute="_compute_partner_id", store=True, index=True
    )
    amount = fields.Monetary(required=True, tracking=True, help="The amount taken back.")
    reason = fields.Text(required=True, tracking=True)
    settlement_line_id = fields.Many2one(
        "aftersales.claim.settlement.line", "Carried Into", readonly=True, copy=False, index=True
    )
    state = fields.Selection(
        [("pending", "To Carry"), ("carried", "Carried")],
        compute="_compute_state",
        store=True,
    )

    @api.depends("claim_id.service_point_id")
    def _compute_partner_id(self):
        for deduction in self:
            deduction.partner_id = deduction.claim_id.service_point_id.commercial_partner_id

    @api.depends("settlement_line_id")
    def _compute_state(self):
        for deduction in self:
            deduction.state = "carried" if deduction.settlement_line_id else "pending"

    @api.constrains("amount", "claim_id")
    def _check_amount(self):
        for deduction in self:
            currency = deduction.currency_id
            if currency.compare_amounts(deduction.amount, 0) <= 0:
                raise ValidationError(_("A deduction takes back a positive amount."))
            if currency.compare_amounts(deduction.amount, deduction.claim_id.amount_approved) > 0:
                raise ValidationError(
                    _(
                        "%(claim)s was approved for %(approved)s: a deduction cannot take "
                        "back more.",
                        claim=deduction.claim_id.name,
                        approved=formatLang(
                            self.env, deduction.claim_id.amount_approved, currency_obj=currency
                        ),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        deductions = super().create(vals_list)
        not_settled = deductions.filtered(lambda deduction: deduction.claim_id.state != "settled")
        if not_settled:
            raise UserError(
                _(
                    "%(claims)s is not settled yet: correct its appraisal instead of deducting.",
                    claims=", ".join(not_settled.claim_id.mapped("name")),
                )
            )
        for deduction in deductions:
            deduction.claim_id.message_post(
                body=_(
                    "Deduction after settlement: %(amount)s, %(reason)s",
                    amount=formatLang(
                        self.env, deduction.amount, currency_obj=deduction.currency_id
                    ),
                    reason=deduction.reason,
                )
            )
        return deductions

    def write(self, vals):
        if self.filtered("settlement_line_id") and {"amount", "claim_id"} & set(vals):
            raise UserError(_("A deduction carried into a settlement is final."))
        return super().write(vals)

    def _settlement_line_vals(self):
        self.ensure_one()
        return {
            "kind": "deduction",
            "deduction_id": self.id,
            "name": _(
                "Deduction on %(claim)s: %(reason)s", claim=self.claim_id.name, reason=self.reason
            ),
            "amount": -self.amount,
        }
