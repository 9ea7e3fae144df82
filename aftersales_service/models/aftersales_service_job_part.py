# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero


class AftersalesServiceJobPart(models.Model):
    """A part a technician fitted on a job: it leaves the service point's stock for the
    customer's unit. The faulty part taken out may be kept (旧件留存) for the claim."""

    _name = "aftersales.service.job.part"
    _description = "Part Used on a Service Job"
    _order = "job_id, sequence, id"
    _check_company_auto = True

    job_id = fields.Many2one(
        "aftersales.service.job", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        "Part",
        required=True,
        check_company=True,
        domain="[('type', '=', 'consu')]",
    )
    tracking = fields.Selection(related="product_id.tracking")
    quantity = fields.Float(required=True, default=1.0, digits="Product Unit of Measure")
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit of Measure")
    lot_id = fields.Many2one(
        "stock.lot",
        "Lot/Serial",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    old_part_kept = fields.Boolean(
        help="The faulty part taken out is kept (旧件留存) for the warranty claim."
    )
    move_ids = fields.One2many("stock.move", "aftersales_job_part_id", "Stock Moves", readonly=True)
    consumed = fields.Boolean(compute="_compute_consumed", store=True)

    @api.depends("move_ids.state")
    def _compute_consumed(self):
        for part in self:
            part.consumed = any(move.state == "done" for move in part.move_ids)

    @api.constrains("quantity")
    def _check_quantity(self):
        for part in self:
            if float_compare(part.quantity, 0.0, precision_digits=6) <= 0:
                raise ValidationError(
                    _(
                        "The quantity of %(part)s must be positive.",
                        part=part.product_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_consumed(self):
        if self.filtered("consumed"):
            raise UserError(
                _("A part already taken from stock cannot be removed: return it instead.")
            )

    # ------------------------------------------------------------------
    # Stock
    # ------------------------------------------------------------------
    def _action_consume(self):
        """Move the parts from each job's service point stock to the customer."""
        to_consume = self.filtered(lambda part: not part.consumed)
        if not to_consume:
            return
        to_consume._check_lots()
        moves = to_consume._aftersales_demand_moves()
        moves._action_assign()
        to_consume._check_availability()
        for part, move in zip(to_consume, moves, strict=True):
            part._set_move_quantity(move)
        moves.picked = True
        moves._action_done()

    def _check_lots(self):
        missing = self.filtered(lambda part: part.tracking != "none" and not part.lot_id)
        if missing:
            raise UserError(
                _(
                    "Enter the lot or serial number of %(parts)s before completing the job.",
                    parts=", ".join(missing.mapped("product_id.display_name")),
                )
            )

    def _check_availability(self):
        """Without the setting that allows it, a point cannot fit a part it does not hold."""
        shortages = []
        for part in self:
            if part.company_id.aftersales_allow_negative_point_stock:
                continue
            move = part.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))[-1:]
            if (
                float_compare(
                    move.quantity, part.quantity, precision_rounding=move.product_uom.rounding
                )
                < 0
            ):
                shortages.append(
                    _(
                        "%(part)s: %(needed)s needed, %(available)s available in %(location)s",
                        part=part.product_id.display_name,
                        needed=part.quantity,
                        available=move.quantity,
                        location=move.location_id.display_name,
                    )
                )
        if shortages:
            raise UserError(
                _(
                    "The service point does not hold the parts used:\n%(lines)s\n"
                    "Issue the parts to the service point first, or allow negative stock at "
                    "service points in the settings.",
                    lines="\n".join(shortages),
                )
            )

    def _set_move_quantity(self, move):
        """Done quantity = what was fitted, on the serial the technician entered."""
        if self.lot_id or float_is_zero(
            move.quantity, precision_rounding=move.product_uom.rounding
        ):
            move.move_line_ids.unlink()
            self.env["stock.move.line"].create(
                {
                    "move_id": move.id,
                    "product_id": move.product_id.id,
                    "product_uom_id": move.product_uom.id,
                    "location_id": move.location_id.id,
                    "location_dest_id": move.location_dest_id.id,
                    "lot_id": self.lot_id.id,
                    "quantity": self.quantity,
                    "company_id": move.company_id.id,
                }
            )
        else:
            move.quantity = self.quantity

    def _prepare_stock_move_vals(self):
        self.ensure_one()
        job = self.job_id
        return {
            "name": _("%(job)s: %(part)s", job=job.name, part=self.product_id.display_name),
            "origin": job.name,
            "product_id": self.product_id.id,
            "product_uom": self.product_id.uom_id.id,
            "product_uom_qty": self.quantity,
            "location_id": job.service_point_id._aftersales_stock_location().id,
            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
            "partner_id": job.partner_id.id,
            "company_id": job.company_id.id,
            "aftersales_job_part_id": self.id,
        }
