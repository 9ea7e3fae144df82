# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.aftersales_entitlement import DECISIONS, EXCLUSION_REASONS, RULES


class AftersalesEntitlementWizard(models.TransientModel):
    """三包判定: shows what the consumer of a unit is entitled to."""

    _name = "aftersales.entitlement.wizard"
    _description = "三包 Decision"

    lot_id = fields.Many2one("stock.lot", "Unit", required=True)
    fault_date = fields.Date(required=True, default=fields.Date.context_today)
    part_id = fields.Many2one("product.product", "Failed Part")
    usage = fields.Float("Usage Reading", help="Leave 0 to use the unit's last reading.")
    serious = fields.Boolean("Serious Fault")
    fault_key = fields.Char("Fault", help="To count earlier repairs of the same fault.")
    exclusion = fields.Selection(EXCLUSION_REASONS)
    decision = fields.Selection(DECISIONS, compute="_compute_decision")
    rule = fields.Selection(RULES, "Deciding Rule", compute="_compute_decision")
    explanation = fields.Text(compute="_compute_decision")
    warranty_start = fields.Date(compute="_compute_decision")
    period_end = fields.Date("三包 Period End", compute="_compute_decision")
    repair_period_end = fields.Date("Repair Warranty End", compute="_compute_decision")
    part_period_end = fields.Date(compute="_compute_decision")
    warnings = fields.Text(compute="_compute_decision")
    error = fields.Text(compute="_compute_decision")

    @api.depends("lot_id", "fault_date", "part_id", "usage", "serious", "fault_key", "exclusion")
    def _compute_decision(self):
        for wizard in self:
            result, error = wizard._entitlement()
            wizard.update(
                {
                    "decision": result.get("decision", False),
                    "rule": result.get("rule", False),
                    "explanation": result.get("explanation", False),
                    "warranty_start": result.get("warranty_start", False),
                    "period_end": result.get("period_end", False),
                    "repair_period_end": result.get("repair_period_end", False),
                    "part_period_end": result.get("part_period_end", False),
                    "warnings": "\n".join(w["text"] for w in result.get("warnings", [])) or False,
                    "error": error,
                }
            )

    def _entitlement(self):
        """(result, error text): the decision, or why it cannot be made."""
        self.ensure_one()
        if not (self.lot_id and self.fault_date):
            return {}, False
        try:
            result = self.lot_id.aftersales_entitlement(
                self.fault_date,
                part_id=self.part_id,
                usage=self.usage or False,
                serious=self.serious,
                fault_key=self.fault_key or False,
                exclusion=self.exclusion or False,
            )
        except UserError as error:
            return {}, str(error.args[0])
        return result, False
