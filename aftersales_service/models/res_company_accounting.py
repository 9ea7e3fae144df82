# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResCompany(models.Model):
    """The accounts and journals the addon creates in a company's chart of accounts."""

    _inherit = "res.company"

    def _aftersales_sub_account(self, code, parent_codes, names, vals, fallback):
        """The account ``code`` under the chart's parent (``parent_codes``: 660100 销售费用
        in the Chinese charts); in a chart without that parent, a new code beside the
        company's default account ``fallback`` (model, field). ``names``: (English,
        Chinese)."""
        Account = self.env["account.account"].with_company(self)
        domain = Account._check_company_domain(self)
        existing = Account.search(domain + [("code", "=", code)], limit=1)
        if existing:
            return existing.id
        if not Account.search_count(domain + [("code", "in", parent_codes)], limit=1):
            model, field = fallback
            sibling = Account.browse(
                self.env["ir.default"]._get(model, field, company_id=self.id)
            ).exists()
            if not sibling:
                return False
            code = Account._search_new_account_code(sibling.code)
        account = Account.create(
            {"code": code, "name": names[0], "company_ids": [(6, 0, self.ids)], **vals}
        )
        if self.env["res.lang"]._lang_get("zh_CN"):
            account.update_field_translations("name", {"zh_CN": names[1]})
        return account.id

    def _aftersales_general_journal(self, code, name):
        Journal = self.env["account.journal"]
        journal = Journal.search(
            [*Journal._check_company_domain(self), ("code", "=", code)], limit=1
        )
        if not journal:
            journal = Journal.create(
                {"name": name, "code": code, "type": "general", "company_id": self.id}
            )
        return journal.id
