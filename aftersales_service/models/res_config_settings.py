# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_contract_reminder_days = fields.Integer(
        related="company_id.aftersales_contract_reminder_days", readonly=False
    )
    aftersales_allow_negative_point_stock = fields.Boolean(
        related="company_id.aftersales_allow_negative_point_stock", readonly=False
    )
    aftersales_fee_pricelist_id = fields.Many2one(
        related="company_id.aftersales_fee_pricelist_id", readonly=False
    )
    aftersales_labour_product_id = fields.Many2one(
        related="company_id.aftersales_labour_product_id", readonly=False
    )
    aftersales_travel_product_id = fields.Many2one(
        related="company_id.aftersales_travel_product_id", readonly=False
    )
    aftersales_claim_labour_rate = fields.Monetary(
        related="company_id.aftersales_claim_labour_rate", readonly=False
    )
    aftersales_claim_travel_rate = fields.Monetary(
        related="company_id.aftersales_claim_travel_rate", readonly=False
    )
    aftersales_claim_pricelist_id = fields.Many2one(
        related="company_id.aftersales_claim_pricelist_id", readonly=False
    )
    aftersales_old_part_return_days = fields.Integer(
        related="company_id.aftersales_old_part_return_days", readonly=False
    )
    aftersales_old_part_deadline = fields.Selection(
        related="company_id.aftersales_old_part_deadline", readonly=False
    )
    aftersales_old_part_cutoffs = fields.Char(
        related="company_id.aftersales_old_part_cutoffs", readonly=False
    )
    aftersales_settlement_mode = fields.Selection(
        related="company_id.aftersales_settlement_mode", readonly=False
    )
    aftersales_claim_expense_account_id = fields.Many2one(
        related="company_id.aftersales_claim_expense_account_id", readonly=False
    )
    aftersales_settlement_journal_id = fields.Many2one(
        related="company_id.aftersales_settlement_journal_id", readonly=False
    )
    aftersales_settlement_tax_id = fields.Many2one(
        related="company_id.aftersales_settlement_tax_id", readonly=False
    )
    aftersales_deposit_account_id = fields.Many2one(
        related="company_id.aftersales_deposit_account_id", readonly=False
    )
    aftersales_deduction_income_account_id = fields.Many2one(
        related="company_id.aftersales_deduction_income_account_id", readonly=False
    )
    aftersales_deposit_journal_id = fields.Many2one(
        related="company_id.aftersales_deposit_journal_id", readonly=False
    )
    aftersales_deposit_overdraft = fields.Selection(
        related="company_id.aftersales_deposit_overdraft", readonly=False
    )
    aftersales_deductions_in_settlement = fields.Boolean(
        related="company_id.aftersales_deductions_in_settlement", readonly=False
    )
    aftersales_appeal_days = fields.Integer(
        related="company_id.aftersales_appeal_days", readonly=False
    )
    aftersales_return_approval_limit = fields.Monetary(
        related="company_id.aftersales_return_approval_limit", readonly=False
    )
