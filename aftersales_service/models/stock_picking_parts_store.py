# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    """网点补货: the service point signs for the parts it receives (stock's delivery
    signature) before the transfer is validated."""

    _inherit = "stock.picking"

    aftersales_sign_on_delivery = fields.Boolean(
        related="picking_type_id.aftersales_sign_on_delivery"
    )

    def _action_done(self):
        self._aftersales_check_signed()
        return super()._action_done()

    def _aftersales_check_signed(self):
        unsigned = self.filtered(
            lambda picking: picking.aftersales_sign_on_delivery and not picking.signature
        )
        if unsigned:
            raise UserError(
                _(
                    "The service point signs %(transfers)s on delivery: have it sign "
                    "(button Sign) before validating.",
                    transfers=", ".join(unsigned.mapped("name")),
                )
            )
