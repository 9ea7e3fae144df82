# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models


class AftersalesServiceJob(models.Model):
    """A paid job is invoiced to the customer at the published fee schedule."""

    _inherit = "aftersales.service.job"

    invoice_id = fields.Many2one("account.move", "Customer Invoice", readonly=True, copy=False)

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
        }

    def _create_customer_invoice(self):
        """Invoice the customer of each paid job at the published fee schedule.

        Completing a job (technician, clerk) issues the invoice: the accounting rights
        to create it are not theirs, so it is made as superuser, tracked on the job."""
        moves = (
            self.env["account.move"].sudo().create([job._prepare_invoice_vals() for job in self])
        )
        for job, move in zip(self, moves, strict=True):
            job.invoice_id = move
        moves.action_post()
        for job, move in zip(self, moves, strict=True):
            job.message_post(body=_("Invoice %(invoice)s issued.", invoice=move._get_html_link()))

    def _prepare_invoice_vals(self):
        self.ensure_one()
        lines = [
            self._prepare_invoice_line_vals(
                self.company_id._aftersales_labour_product(), self.labour_hours
            ),
        ]
        if self.travel_fee:
            lines.append(
                self._prepare_invoice_line_vals(
                    self.company_id._aftersales_travel_product(), 1, self.travel_fee
                )
            )
        lines += [
            self._prepare_invoice_line_vals(part.product_id, part.quantity)
            for part in self.part_ids
        ]
        return {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.name,
            "invoice_line_ids": [fields.Command.create(line) for line in lines if line["quantity"]],
        }

    def _prepare_invoice_line_vals(self, product, quantity, price=None):
        if price is None:
            price = self.company_id._aftersales_fee(product, quantity)
        return {"product_id": product.id, "quantity": quantity, "price_unit": price}
