# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .aftersales_entitlement import DECISIONS, RULES

SNAPSHOT_FIELDS = (
    "entitlement_decision",
    "entitlement_rule",
    "entitlement_explanation",
    "entitlement_date",
)


class AftersalesEntitlementSnapshot(models.AbstractModel):
    """What a unit was entitled to when a document used it, and why.

    Requests, jobs and claims keep the decision they were made under: a later change of
    the unit or of its policy does not rewrite them. The decision is computed as soon as
    the document's unit, fault date or fault change (in the form too, before saving),
    only while the document is open (``_entitlement_is_open``), and refreshed on demand.
    A unit that cannot be decided gets no decision and the reason as explanation.
    """

    _name = "aftersales.entitlement.snapshot"
    _description = "三包 Decision Snapshot"

    entitlement_decision = fields.Selection(
        DECISIONS,
        "三包 Decision",
        compute="_compute_entitlement",
        store=True,
        precompute=True,
        copy=False,
    )
    entitlement_rule = fields.Selection(
        RULES,
        "Deciding Rule",
        compute="_compute_entitlement",
        store=True,
        precompute=True,
        copy=False,
    )
    entitlement_explanation = fields.Text(
        "Why", compute="_compute_entitlement", store=True, precompute=True, copy=False
    )
    entitlement_date = fields.Date(
        "Decided For", compute="_compute_entitlement", store=True, precompute=True, copy=False
    )

    def _entitlement_depends(self):
        """The fields the decision is taken from: unit, fault date, fault."""
        return ["lot_id"]

    def _entitlement_unit(self):
        """The unit (stock.lot) the document is about."""
        return self.lot_id

    def _entitlement_fault_date(self):
        """The day of the fault the decision is made for."""
        return fields.Date.context_today(self)

    def _entitlement_fault_key(self):
        """The fault, to count its earlier repairs; False: the most repaired fault."""
        return False

    def _entitlement_is_open(self):
        """A closed document keeps the decision it was handled under."""
        return True

    @api.depends(lambda self: self._entitlement_depends())
    def _compute_entitlement(self):
        """Decide the units of all these documents in batch, one batch per fault date
        and fault."""
        records = self.filtered(lambda record: record._entitlement_is_open())
        without_unit = records.filtered(lambda record: not record._entitlement_unit())
        without_unit.update(dict.fromkeys(SNAPSHOT_FIELDS, False))
        engine = self.env["aftersales.entitlement"]
        groups = (records - without_unit).grouped(
            lambda record: (record._entitlement_fault_date(), record._entitlement_fault_key())
        )
        for (fault_date, fault_key), group in groups.items():
            units = self.env["stock.lot"].union(*(record._entitlement_unit() for record in group))
            results = engine._decide_each(units._origin, fault_date, fault_key=fault_key)
            for record in group:
                result = results[record._entitlement_unit()._origin.id]
                record.update(
                    {
                        "entitlement_decision": result["decision"],
                        "entitlement_rule": result["rule"],
                        "entitlement_explanation": result["explanation"],
                        "entitlement_date": fault_date,
                    }
                )

    def action_refresh_entitlement(self):
        """Decide again, e.g. after the unit's dates were corrected."""
        self._compute_entitlement()
