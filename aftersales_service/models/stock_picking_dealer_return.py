# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, _, api, fields, models
from odoo.tools.misc import format_amount

DEALER_RETURN_TYPES = [
    ("quality", "Quality Defect"),
    ("disassembled", "Dealer Disassembled"),
]


class StockPicking(models.Model):
    """A dealer's return of parts (经销商退货) is Odoo's return picking with a return
    type: a quality defect (质量问题) the company bears the freight of, parts the dealer
    disassembled (经销商拆解) the dealer bears it. Validating the return drafts the
    customer credit note it implies: the returned quantities at the sold price and, when
    the dealer bears the freight, the freight charged back as a negative line. The
    freight the company bears stays on the return for the carrier's bill."""

    _inherit = "stock.picking"

    aftersales_return_type = fields.Selection(
        DEALER_RETURN_TYPES,
        "Dealer Return Type",
        readonly=True,
        copy=False,
        tracking=True,
    )
    aftersales_freight_amount = fields.Monetary(
        "Return Freight",
        currency_field="aftersales_currency_id",
        readonly=True,
        copy=False,
        tracking=True,
    )
    aftersales_freight_payer = fields.Selection(
        [("company", "Company"), ("dealer", "Dealer")],
        "Freight Borne By",
        compute="_compute_aftersales_freight_payer",
    )
    aftersales_currency_id = fields.Many2one(related="company_id.currency_id")
    aftersales_credit_note_id = fields.Many2one(
        "account.move", "Return Credit Note", readonly=True, copy=False, tracking=True
    )

    @api.depends("aftersales_return_type")
    def _compute_aftersales_freight_payer(self):
        for picking in self:
            picking.aftersales_freight_payer = {
                "quality": "company",
                "disassembled": "dealer",
            }.get(picking.aftersales_return_type, False)

    def _action_done(self):
        res = super()._action_done()
        self.filtered(
            lambda p: p.state == "done"
            and p.aftersales_return_type
            and not p.aftersales_credit_note_id
        )._aftersales_draft_return_credit_note()
        return res

    def _aftersales_draft_return_credit_note(self):
        """The draft credit note of each dealer return (the warehouse validates the
        return; the accountant checks and posts the credit note)."""
        for picking in self:
            lines = picking._aftersales_return_credit_lines()
            if not lines:
                continue
            values = picking._aftersales_return_credit_values()
            values["invoice_line_ids"] = [Command.create(line) for line in lines]
            credit_note = self.env["account.move"].sudo().create(values)
            picking.aftersales_credit_note_id = credit_note
            credit_note.message_post_with_source(
                "mail.message_origin_link",
                render_values={"self": credit_note, "origin": picking},
                subtype_xmlid="mail.mt_note",
            )
            if picking.aftersales_freight_payer == "company" and picking.aftersales_freight_amount:
                credit_note.message_post(
                    body=_(
                        "The company bears the return freight of %(amount)s (quality defect): "
                        "it is booked on the carrier's bill with the freight product, not "
                        "charged to the dealer.",
                        amount=format_amount(
                            self.env,
                            picking.aftersales_freight_amount,
                            picking.aftersales_currency_id,
                        ),
                    )
                )

    def _aftersales_return_sale_order(self):
        return self.move_ids.origin_returned_move_id.sale_line_id.order_id[:1]

    def _aftersales_return_credit_values(self):
        order = self._aftersales_return_sale_order()
        if order:
            values = order.sudo()._prepare_invoice()
            values.pop("transaction_ids", None)
        else:
            values = {
                "partner_id": self.partner_id.commercial_partner_id.id,
                "company_id": self.company_id.id,
                "invoice_origin": self.origin or self.name,
            }
        values.update(
            {
                "move_type": "out_refund",
                "ref": _("Return %(name)s", name=self.name),
                "invoice_date": False,
            }
        )
        return values

    def _aftersales_return_credit_lines(self):
        """The returned quantities at the price they were sold at, and the freight
        charged back when the dealer bears it."""
        lines = []
        for move in self.move_ids.filtered(lambda m: m.state == "done" and m.quantity):
            sale_line = move.origin_returned_move_id.sale_line_id or move.sale_line_id
            quantity = move.product_uom._compute_quantity(move.quantity, move.product_id.uom_id)
            if sale_line:
                quantity = move.product_id.uom_id._compute_quantity(quantity, sale_line.product_uom)
                lines.append(sale_line.sudo()._prepare_invoice_line(quantity=quantity))
            else:
                lines.append(
                    {
                        "product_id": move.product_id.id,
                        "quantity": quantity,
                        "price_unit": move.product_id.lst_price,
                    }
                )
        freight = self._aftersales_freight_charge_line()
        if lines and freight:
            lines.append(freight)
        return lines

    def _aftersales_freight_charge_line(self):
        if self.aftersales_freight_payer != "dealer" or not self.aftersales_freight_amount:
            return {}
        product = self.company_id.aftersales_freight_product_id
        return {
            "product_id": product.id,
            "name": _(
                "Return freight borne by the dealer (%(name)s)",
                name=self.name,
            ),
            "quantity": 1.0,
            "price_unit": -self.aftersales_freight_amount,
            "tax_ids": [Command.clear()],
        }

    def action_view_aftersales_credit_note(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.aftersales_credit_note_id.id,
        }

    def _aftersales_is_dealer_delivery(self):
        """A done delivery to a customer location whose partner is a dealer or a service
        point of the network."""
        if len(self) != 1:
            return False
        partner = self.partner_id.commercial_partner_id
        return bool(
            self.picking_type_code == "outgoing"
            and self.location_dest_id.usage == "customer"
            and (partner.is_dealer or partner.is_service_point)
        )
