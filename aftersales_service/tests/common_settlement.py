# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command

from .common_claim import AftersalesClaimCommon


class AftersalesSettlementCommon(AftersalesClaimCommon):
    """The test service point as a dealer of the company (in Beijing) with invoices to
    pay, and approved claims of any amount: one 'other' line, approved by the warranty
    technician."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.company.write(
            {"aftersales_settlement_mode": "offset", "aftersales_settlement_tax_id": False}
        )
        cls.company._aftersales_setup_settlement_accounting()
        cls.expense = cls.company.aftersales_claim_expense_account_id
        cls.receivable = cls.point.with_company(cls.company).property_account_receivable_id
        cls.Settlement = cls.env["aftersales.claim.settlement"]

    def _approved_claim(self, amount, point=None, approved_date=date(2025, 1, 20), rejected=0):
        """A claim approved for ``amount``; with ``rejected``, a second line of that amount
        the technician rejected (no fault found)."""
        lines = [
            Command.create(
                {"line_type": "other", "name": "Repair", "quantity": 1, "price_unit": amount}
            )
        ]
        if rejected:
            lines.append(
                Command.create(
                    {"line_type": "other", "name": "清洗费", "quantity": 1, "price_unit": rejected}
                )
            )
        claim = self.env["aftersales.claim"].create(
            {
                "service_point_id": (point or self.point).id,
                "partner_id": self.customer.id,
                "lot_id": self.unit_in_warranty.id,
                "fault_code_id": self.fault.id,
                "line_ids": lines,
            }
        )
        # the checks and the old parts have their own tests: straight to the appraisal
        claim.state = "appraisal"
        technician_lines = claim.line_ids.with_user(self.user_technician)
        technician_lines[:1].write({"appraisal": "approved"})
        technician_lines[1:].write(
            {
                "appraisal": "rejected",
                "reject_reason_id": self.env.ref(
                    "aftersales_service.aftersales_claim_reject_reason_06"
                ).id,
            }
        )
        claim.with_user(self.user_technician).action_approve()
        claim.approved_date = approved_date
        return claim

    def _invoice(self, amount, due, partner=None, invoice_date=date(2025, 1, 1)):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": (partner or self.point).id,
                "invoice_date": invoice_date,
                "invoice_date_due": due,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Heaters", "quantity": 1, "price_unit": amount, "tax_ids": []}
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _settle(self, start=date(2025, 1, 1), end=date(2025, 1, 31), **vals):
        settlements = self.Settlement._settle_period(self.company, start, end)
        if vals:
            settlements.write(vals)
        return settlements

    def _post(self, settlements, accounting_date=date(2025, 2, 5)):
        settlements.accounting_date = accounting_date
        accountant = settlements.with_user(self.user_accountant)
        accountant.action_notify()
        accountant.action_confirm()
        accountant.action_post()
        return settlements

    def _balance(self, account, partner=None):
        domain = [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        if partner:
            domain.append(("partner_id", "=", partner.id))
        return sum(self.env["account.move.line"].search(domain).mapped("balance"))
