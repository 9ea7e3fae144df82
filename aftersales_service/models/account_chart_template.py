# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _load(self, template_code, company, install_demo, force_create=True):
        """A company that gets its chart gets the addon's accounts and journals too."""
        result = super()._load(template_code, company, install_demo, force_create=force_create)
        company = self.env["res.company"].browse(company.id)
        company._aftersales_setup_settlement_accounting()
        company._aftersales_setup_deposit_accounting()
        return result
