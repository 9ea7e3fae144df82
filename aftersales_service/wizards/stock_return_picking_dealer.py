# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.stock_picking_dealer_return import DEALER_RETURN_TYPES


class StockReturnPicking(models.TransientModel):
    """The return of a delivery to a dealer or service point asks why the parts come
    back (the type decides who bears the freight) and refuses goods delivered longer
    ago than two seasons: those are deemed sold."""

    _inherit = "stock.return.picking"

    aftersales_is_dealer_return = fields.Boolean(compute="_compute_aftersales_is_dealer_return")
    aftersales_return_type = fields.Selection(DEALER_RETURN_TYPES, "Dealer Return Type")
    aftersales_freight_amount = fields.Monetary(
        "Return Freight", currency_field="aftersales_currency_id"
    )
    aftersales_currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("picking_id")
    def _compute_aftersales_is_dealer_return(self):
        for wizard in self:
            wizard.aftersales_is_dealer_return = wizard.picking_id._aftersales_is_dealer_delivery()

    def _prepare_picking_default_values(self):
        values = super()._prepare_picking_default_values()
        if self.aftersales_is_dealer_return:
            values.update(
                {
                    "aftersales_return_type": self.aftersales_return_type,
                    "aftersales_freight_amount": self.aftersales_freight_amount,
                }
            )
        return values

    def _create_return(self):
        if self.aftersales_is_dealer_return:
            self._aftersales_check_dealer_return()
        return super()._create_return()

    def _aftersales_check_dealer_return(self):
        self.ensure_one()
        if not self.env.user.has_group("aftersales_service.group_aftersales_warehouse"):
            raise UserError(
                _(
                    "Only the parts store's warehouse staff take back parts from dealers: "
                    "ask the warehouse to create the return of %(name)s.",
                    name=self.picking_id.name,
                )
            )
        if not self.aftersales_return_type:
            raise UserError(
                _(
                    "Say why the dealer returns the parts: a quality defect (the company "
                    "bears the freight) or parts the dealer disassembled (the dealer bears it)."
                )
            )
        if self.aftersales_freight_amount < 0:
            raise UserError(_("The return freight cannot be negative."))
        company = self.picking_id.company_id
        months = company.aftersales_return_max_months
        delivered = self.picking_id.date_done
        if (
            months
            and delivered
            and delivered < fields.Datetime.now() - relativedelta(months=months)
        ):
            raise UserError(
                _(
                    "%(name)s was delivered on %(date)s, more than %(months)s months ago: "
                    "parts unsold after two seasons are deemed sold and cannot be returned.",
                    name=self.picking_id.name,
                    date=fields.Date.to_string(delivered.date()),
                    months=months,
                )
            )
