# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        res = super()._action_done()
        self._aftersales_register_sold_units()
        return res

    def _aftersales_register_sold_units(self):
        """A delivery to a customer tells who bought each serial-numbered unit
        and when: fill the units' customer, sale date and reference when empty."""
        deliveries = self.filtered(
            lambda p: p.state == "done"
            and p.picking_type_code == "outgoing"
            and p.location_dest_id.usage == "customer"
        )
        for picking in deliveries:
            lots = picking.move_line_ids.lot_id.filtered(
                lambda lot: lot.product_id.tracking == "serial"
            )
            sale_date = fields.Date.context_today(picking, picking.date_done)
            lots.filtered(lambda lot: not lot.customer_id).customer_id = picking.partner_id
            lots.filtered(lambda lot: not lot.sale_date).sale_date = sale_date
            lots.filtered(lambda lot: not lot.sale_reference).sale_reference = (
                picking.origin or picking.name
            )

    # ------------------------------------------------------------------
    # One serial-numbered unit moved (退换机, 备用机, 返厂维修)
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_unit_transfer(self, operation, source, destination, lot, partner, **values):
        """A transfer of one unit of ``operation`` whose move line carries the serial
        ``lot`` (not whatever serial a reservation would pick), ready to validate;
        ``values`` go on the picking (origin, links)."""
        product = lot.product_id
        company = operation.company_id
        picking = self.create(
            {
                "picking_type_id": operation.id,
                "company_id": company.id,
                "partner_id": partner.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                **values,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.display_name,
                            "product_id": product.id,
                            "product_uom": product.uom_id.id,
                            "product_uom_qty": 1.0,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                            "company_id": company.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        move = picking.move_ids
        move._do_unreserve()
        self.env["stock.move.line"].create(
            {**move._prepare_move_line_vals(quantity=1.0), "lot_id": lot.id}
        )
        return picking

    def _aftersales_validate_unit_transfer(self):
        """Validate these unit transfers through Odoo; a clear error when one needs more
        than its serial (a wizard Odoo would open)."""
        for picking in self.filtered(lambda picking: picking.state != "done"):
            picking.move_ids.picked = True
            picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
            if picking.state != "done":
                raise UserError(
                    _(
                        "Transfer %(picking)s of unit %(unit)s could not be validated: open "
                        "it and validate it by hand.",
                        picking=picking.name,
                        unit=", ".join(picking.move_line_ids.lot_id.mapped("name")),
                    )
                )
