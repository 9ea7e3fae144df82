# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from .common import AftersalesCommon


class AftersalesPartsOrderCommon(AftersalesCommon):
    """A dealer, a part with 10 in the new-part store at 150.00 without tax, and helpers
    to order, invoice and pay as the roles do."""

    @classmethod
    def default_env_context(cls):
        """Tracking on: the chatter is what the tests read."""
        return {
            "mail_create_nolog": True,
            "mail_create_nosubscribe": True,
            "no_reset_password": True,
        }

    @classmethod
    def setup_main_company(cls, currency_code="CNY"):
        return super().setup_main_company(currency_code=currency_code)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.currency = cls.company.currency_id
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.store = cls.warehouse.aftersales_new_parts_location_id
        cls.dealer = cls.env["res.partner"].create(
            {"name": "余杭配件经销商", "is_company": True, "is_dealer": True, "lang": "en_US"}
        )
        cls.part = cls.env["product.product"].create(
            {
                "name": "Thermostat TS-20",
                "default_code": "TS-20",
                "type": "consu",
                "is_storable": True,
                "invoice_policy": "order",
                "list_price": 150.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.env["stock.quant"]._update_available_quantity(cls.part, cls.store, 10)
        cls.bank_journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "bank")], limit=1
        )

    def _flush_tracking(self):
        """Write the tracking values, as the commit does, and read them afresh."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def _order(self, partner=None, qty=2, confirm=True, **vals):
        """A parts order taken by the clerk: ``qty`` × 150.00."""
        order = (
            self.env["sale.order"]
            .with_user(self.user_clerk)
            .create(
                {
                    "partner_id": (partner or self.dealer).id,
                    "user_id": self.user_clerk.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.part.id,
                                "product_uom_qty": qty,
                                "price_unit": 150.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                    **vals,
                }
            )
        )
        if confirm:
            order.action_confirm()
        return order.with_user(self.env.user)

    def _invoice(self, order):
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def _pay_invoice(self, invoice, amount):
        """The accountant registers the dealer's bank payment on the invoice."""
        self.env["account.payment.register"].with_user(self.user_accountant).with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": amount, "journal_id": self.bank_journal.id})._create_payments()

    def _advance_payment(self, amount, partner=None):
        """The accountant books the dealer's advance payment (预付款), not matched yet."""
        payment = (
            self.env["account.payment"]
            .with_user(self.user_accountant)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": (partner or self.dealer).id,
                    "amount": amount,
                    "journal_id": self.bank_journal.id,
                }
            )
        )
        payment.action_post()
        return payment
