# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AftersalesUnitReturn(models.Model):
    """Completing an exchange / refund order: the units are linked (the replacement's
    period starts on the exchange day) and the money follows — a customer credit note for
    the refund when the company took the unit back itself, or, when a dealer exchanged or
    refunded from its own stock, a 三包冲账 claim of that dealer (the refund, or the unit's
    cost for an exchange), approved by this order and settled with the dealer's month."""

    _inherit = "aftersales.unit.return"

    offset_amount = fields.Monetary(
        "Dealer's 三包冲账",
        compute="_compute_offset_amount",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        help="What the dealer is paid back: the refund it paid, or the cost of the unit it "
        "gave in exchange.",
    )
    credit_note_id = fields.Many2one("account.move", readonly=True, copy=False)
    claim_id = fields.Many2one("aftersales.claim", "三包冲账 Claim", readonly=True, copy=False)

    @api.depends("kind", "dealer_id", "refund_amount", "replacement_lot_id", "product_id")
    def _compute_offset_amount(self):
        for order in self:
            if order.state not in (False, "draft"):
                continue
            if not order.dealer_id:
                order.offset_amount = 0.0
            elif order.kind == "refund":
                order.offset_amount = order.refund_amount
            else:
                product = order.replacement_lot_id.product_id or order.product_id
                order.offset_amount = product.standard_price

    # ------------------------------------------------------------------
    # Completion
    # ------------------------------------------------------------------
    def _complete(self):
        self.ensure_one()
        self._link_units()
        if self.dealer_id:
            self.claim_id = self._create_offset_claim()
        elif self.kind == "refund":
            # whoever validates the last transfer completes the order the manager approved
            self.credit_note_id = self.sudo()._create_credit_note()
        self.write({"state": "done", "done_on": fields.Date.context_today(self)})
        if self.ticket_id:
            # the warehouse completes the order: it may not write on the request itself
            self.ticket_id.sudo().message_post(
                body=_("Exchange / refund %(order)s is done.", order=self._get_html_link())
            )

    def _link_units(self):
        """The replacement becomes the customer's unit from the exchange day; a refunded
        unit is returned."""
        if self.kind == "refund":
            self.lot_id.returned_date = self.return_date
            return
        old = self.lot_id
        self.replacement_lot_id.write(
            {
                "customer_id": self.partner_id.id,
                "dealer_id": old.dealer_id.id,
                "sale_date": self.return_date,
                "sale_reference": self.name,
                "replaces_lot_id": old.id,
            }
        )

    def _create_credit_note(self):
        customer = self.partner_id
        taxes = self.product_id.taxes_id.filtered(lambda tax: tax.company_id == self.company_id)
        credit_note = (
            self.env["account.move"]
            .with_company(self.company_id)
            .create(
                {
                    "move_type": "out_refund",
                    "partner_id": customer.id,
                    "invoice_date": fields.Date.context_today(self),
                    "invoice_origin": self.name,
                    "ref": _(
                        "Refund of unit %(unit)s (%(order)s)",
                        unit=self.lot_id.name,
                        order=self.name,
                    ),
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": self.product_id.id,
                                "name": self._money_line_name(),
                                "quantity": 1.0,
                                "price_unit": self._price_before_taxes(taxes),
                                "tax_ids": [fields.Command.set(taxes.ids)],
                            }
                        )
                    ],
                }
            )
        )
        credit_note.action_post()
        return credit_note

    def _price_before_taxes(self, taxes):
        """The unit price whose total with these taxes is the refund."""
        if all(tax.price_include for tax in taxes):
            return self.refund_amount
        return taxes.with_context(force_price_include=True).compute_all(
            self.refund_amount, currency=self.currency_id
        )["total_excluded"]

    def _create_offset_claim(self):
        claim_type = self._offset_claim_type()
        claim = (
            self.env["aftersales.claim"]
            .sudo()
            .create(
                {
                    "company_id": self.company_id.id,
                    "claim_type_id": claim_type.id,
                    "service_point_id": self.dealer_id.id,
                    "partner_id": self.partner_id.id,
                    "lot_id": self.lot_id.id,
                    "ticket_id": self.ticket_id.id,
                    "repair_start": self.return_date,
                    "repair_end": self.return_date,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "line_type": "other",
                                "name": self._money_line_name(),
                                "quantity": 1.0,
                                "price_unit": self.offset_amount,
                                "appraisal": "approved",
                            }
                        )
                    ],
                }
            )
        )
        now = fields.Datetime.now()
        claim.write(
            {
                "state": "approved",
                "approved_on": now,
                "approved_date": self.company_id._aftersales_local_date(now),
            }
        )
        claim.message_post(
            body=_(
                "Approved by exchange / refund order %(order)s, to be settled with the "
                "dealer's month.",
                order=self._get_html_link(),
            )
        )
        return claim

    def _offset_claim_type(self):
        claim_type = (
            self.env["aftersales.claim.type"]
            .sudo()
            .search(
                [("company_id", "=", self.company_id.id), ("kind", "=", "exchange_offset")], limit=1
            )
        )
        if not claim_type:
            raise UserError(
                _(
                    "Company %(company)s has no claim type of kind 三包冲账: add one in "
                    "After-Sales > Configuration > Claim Types.",
                    company=self.company_id.name,
                )
            )
        return claim_type

    def _money_line_name(self):
        if self.kind == "refund":
            return _("Refund of unit %(unit)s (%(order)s)", unit=self.lot_id.name, order=self.name)
        return _(
            "Exchange of unit %(unit)s for %(replacement)s (%(order)s)",
            unit=self.lot_id.name,
            replacement=self.replacement_lot_id.name,
            order=self.name,
        )
