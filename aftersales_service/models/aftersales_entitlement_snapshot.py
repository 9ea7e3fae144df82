# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .aftersales_entitlement import DECISIONS


class AftersalesEntitlementSnapshot(models.AbstractModel):
    """What a unit was entitled to when a document used it, and why.

    Requests, jobs and claims keep the decision they were made under: a later change of
    the unit or of its policy does not rewrite them. The snapshot is taken when the unit
    is set and refreshed on demand.
    """

    _name = "aftersales.entitlement.snapshot"
    _description = "三包 Decision Snapshot"

    entitlement_decision = fields.Selection(DECISIONS, "三包 Decision", readonly=True, copy=False)
    entitlement_rule = fields.Char("Deciding Rule", readonly=True, copy=False)
    entitlement_explanation = fields.Text("Why", readonly=True, copy=False)
    entitlement_date = fields.Date("Decided For", readonly=True, copy=False)

    def _entitlement_unit(self):
        """The unit (stock.lot) the document is about."""
        return self.lot_id

    def _entitlement_fault_date(self):
        """The day of the fault the decision is made for."""
        return fields.Date.context_today(self)

    def action_refresh_entitlement(self):
        self._take_entitlement_snapshot()

    def _take_entitlement_snapshot(self):
        """Decide the units of all these documents in batch, one batch per fault date."""
        without_unit = self.filtered(lambda record: not record._entitlement_unit())
        without_unit.write(dict.fromkeys(self._entitlement_snapshot_fields(), False))
        by_date = (self - without_unit).grouped(lambda record: record._entitlement_fault_date())
        for fault_date, records in by_date.items():
            units = self.env["stock.lot"].union(*(record._entitlement_unit() for record in records))
            decisions = {
                result["lot_id"]: result for result in units.aftersales_entitlements(fault_date)
            }
            for record in records:
                result = decisions[record._entitlement_unit().id]
                record.write(
                    {
                        "entitlement_decision": result["decision"],
                        "entitlement_rule": result["rule"],
                        "entitlement_explanation": result["explanation"],
                        "entitlement_date": fault_date,
                    }
                )

    @api.model
    def _entitlement_snapshot_fields(self):
        return [
            "entitlement_decision",
            "entitlement_rule",
            "entitlement_explanation",
            "entitlement_date",
        ]
