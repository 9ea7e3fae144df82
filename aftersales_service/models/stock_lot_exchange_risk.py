# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models

RISK_BATCH = 2000


class StockLot(models.Model):
    """三包换货风险: the units in their 三包 period near an exchange by their policy's
    repeat-repair rules — one repair from the count after which the next failure gives an
    exchange, or already there — read from the repair history the 三包 engine decides on."""

    _inherit = "stock.lot"

    aftersales_exchange_risk_note = fields.Char(
        "Why Near an Exchange",
        compute="_compute_aftersales_exchange_risk_note",
        help="The repairs of one fault so far beside the count of the policy's rule.",
    )

    def _compute_aftersales_exchange_risk_note(self):
        history = self.env["aftersales.entitlement"]._repair_history(self, None)
        for lot in self:
            lot.aftersales_exchange_risk_note = lot._aftersales_exchange_risk_reason(
                history[lot.id]
            )

    def _aftersales_exchange_risk_reason(self, history):
        """The rule the unit is nearest to, in a sentence; empty when it is near none."""
        policy = self.warranty_policy_id
        rules = []
        if policy.repeat_repair_count:
            counts = history["serious_counts"] if policy.repeat_serious_only else history["counts"]
            rules.append((max(counts.values(), default=0), policy.repeat_repair_count))
        if policy.repeat_any_repair_count:
            rules.append(
                (max(history["counts"].values(), default=0), policy.repeat_any_repair_count)
            )
        near = [(count, limit) for count, limit in rules if count and count >= limit - 1]
        if not near:
            return ""
        count, limit = max(near, key=lambda rule: rule[0] - rule[1])
        return _(
            "%(count)s repairs of one fault; the policy exchanges after %(limit)s",
            count=count,
            limit=limit,
        )

    @api.model
    def _aftersales_exchange_risk(self):
        """The units under 三包 today with a fault repaired at least the policy's
        repeat-repair count less one times."""
        today = fields.Date.context_today(self)
        repaired = (
            self.env["aftersales.unit.repair"]
            .sudo()
            ._read_group([("remedy", "=", "repair"), ("date_end", "!=", False)], ["lot_id"])
        )
        candidates = self.browse([lot.id for (lot,) in repaired]).filtered(
            lambda lot: lot.sanbao_end_date
            and lot.sanbao_end_date >= today
            and not lot.returned_date
            and not lot.replaced_by_lot_id
            and lot.warranty_policy_id
        )
        engine = self.env["aftersales.entitlement"]
        at_risk = self.browse()
        for start in range(0, len(candidates), RISK_BATCH):
            batch = candidates[start : start + RISK_BATCH]
            history = engine._repair_history(batch, None)
            at_risk |= batch.filtered(
                lambda lot, history=history: lot._aftersales_near_exchange(history[lot.id])
            )
        return at_risk

    def _aftersales_near_exchange(self, history):
        self.ensure_one()
        return bool(self._aftersales_exchange_risk_reason(history))

    @api.model
    def action_aftersales_exchange_risk(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_exchange_risk_action"
        )
        action["domain"] = [("id", "in", self._aftersales_exchange_risk().ids)]
        action["name"] = _("Units Near an Exchange")
        return action
