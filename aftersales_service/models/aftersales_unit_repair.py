# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .aftersales_entitlement import EXCLUSION_REASONS


class AftersalesUnitRepair(models.Model):
    _name = "aftersales.unit.repair"
    _description = "Installed Unit Repair"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    lot_id = fields.Many2one(
        "stock.lot", "Unit", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="lot_id.company_id", store=True, index=True)
    date_start = fields.Date("Taken In", required=True, default=fields.Date.context_today)
    date_end = fields.Date("Repaired On", help="Empty while the unit is still in repair.")
    days = fields.Integer(
        "Days in Repair",
        compute="_compute_days",
        store=True,
        help="Calendar days the unit was with the repairer, both ends counted.",
    )
    fault_key = fields.Char("Fault", help="The fault repaired: the same key means the same fault.")
    part_id = fields.Many2one("product.product")
    serious = fields.Boolean("Serious Fault")
    remedy = fields.Selection(
        [("repair", "Repair"), ("exchange", "Exchange"), ("refund", "Refund")],
        required=True,
        default="repair",
    )
    exclusion = fields.Selection(
        EXCLUSION_REASONS, help="Why this repair was not under 三包; empty when it was."
    )
    note = fields.Text()

    @api.depends("date_start", "date_end")
    def _compute_days(self):
        for repair in self:
            repair.days = repair._days_until(repair.date_end)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for repair in self:
            if repair.date_end and repair.date_end < repair.date_start:
                raise ValidationError(
                    _(
                        "The repair of unit %(unit)s ends before it starts: check its dates.",
                        unit=repair.lot_id.display_name,
                    )
                )

    def _days_until(self, day):
        """Days in repair from the take-in day up to ``day`` (inclusive), 0 if open."""
        self.ensure_one()
        if not day or not self.date_start or day < self.date_start:
            return 0
        return (day - self.date_start).days + 1
