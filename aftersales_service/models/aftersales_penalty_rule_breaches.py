# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AftersalesPenaltyRule(models.Model):
    """Where each rule finds its breaches, and the cron that proposes the deductions:
    one draft per source and rule, never a second one however often it runs."""

    _inherit = "aftersales.penalty.rule"

    def _breaches(self):
        """[(source record, dealer, basis)] of this rule with no deduction yet; ``basis``
        is what ``_deduction_amount`` needs (hours late, a line's or a claim's amount).
        A breach that costs nothing (late by no working hour: breached out of hours) is
        left out: nothing is proposed for it, and counted as work left it kept the cron
        reporting it on every run (and, a batch of them first in line, running for ever)."""
        self.ensure_one()
        if self.breach == "manual":
            return []
        found = getattr(self, f"_breaches_{self.breach}")()
        proposed = set(
            self.env["aftersales.deposit.move"]
            .with_context(active_test=False)
            .search([("rule_id", "=", self.id)])
            .mapped("source_key")
        )
        return [
            breach
            for breach in found
            if _source_key(breach[0]) not in proposed
            and self.currency_id.compare_amounts(self._deduction_amount(breach[2]), 0) > 0
        ]

    def _company_domain(self):
        return [("company_id", "=", self.company_id.id)]

    def _ticket_breaches(self, domain, hours_field=None):
        tickets = self.env["helpdesk.ticket"].search(
            self._company_domain() + [("service_point_id", "!=", False)] + domain, order="id"
        )
        return [
            (
                ticket,
                ticket.service_point_id.commercial_partner_id,
                ticket[hours_field] if hours_field else 0.0,
            )
            for ticket in tickets
        ]

    def _breaches_callback_late(self):
        return self._ticket_breaches([("callback_breached", "=", True)], "callback_overdue_hours")

    def _breaches_onsite_late(self):
        return self._ticket_breaches([("onsite_breached", "=", True)], "onsite_overdue_hours")

    def _breaches_complaint_upheld(self):
        return self._ticket_breaches([("complaint_upheld", "=", True)])

    def _breaches_old_part_late(self):
        today = fields.Date.context_today(self.with_company(self.company_id))
        lines = self.env["aftersales.claim.line"].search(
            self._company_domain()
            + [
                ("old_part_state", "in", ("to_return", "missing")),
                ("old_part_due_date", "<", today),
                ("claim_id.state", "not in", ("draft", "cancel")),
            ],
            order="id",
        )
        return [
            (line, line.claim_id.service_point_id.commercial_partner_id, line.amount_claimed)
            for line in lines
        ]

    def _breaches_false_claim(self):
        claims = self.env["aftersales.claim"].search(
            self._company_domain()
            + [("state", "=", "rejected"), ("line_ids.reject_reason_id.false_claim", "=", True)],
            order="id",
        )
        return [
            (claim, claim.service_point_id.commercial_partner_id, claim.amount_claimed)
            for claim in claims
        ]

    def _propose(self, breaches):
        """Draft deductions of this rule for ``breaches``, in the company's language."""
        self.ensure_one()
        rule = self.with_context(lang=self.company_id.partner_id.lang or self.env.lang)
        deposits = {
            deposit.partner_id: deposit
            for deposit in self.env["aftersales.deposit.account"]._for(
                self.company_id,
                self.env["res.partner"].union(*(dealer for _source, dealer, _basis in breaches)),
            )
        }
        vals_list = []
        for source, dealer, basis in breaches:
            amount = rule._deduction_amount(basis)
            if self.currency_id.compare_amounts(amount, 0) <= 0:
                continue
            vals_list.append(
                {
                    "deposit_account_id": deposits[dealer].id,
                    "company_id": self.company_id.id,
                    "move_type": "deduction",
                    "amount": amount,
                    "rule_id": self.id,
                    "source_key": _source_key(source),
                    "reason": f"{rule.name}: {source.display_name} ({rule._explain(basis)})",
                    **_source_fields(source),
                }
            )
        return self.env["aftersales.deposit.move"].create(vals_list)

    @api.model
    def _cron_propose_deductions(self, batch_size=200):
        """Propose the deductions of every active rule, ``batch_size`` per call; the cron
        runner calls again while breaches remain and shows the progress."""
        done = remaining = 0
        for rule in self.search([("breach", "!=", "manual")]):
            breaches = rule._breaches()
            batch = breaches[: max(batch_size - done, 0)]
            if batch:
                rule._propose(batch)
            done += len(batch)
            remaining += len(breaches) - len(batch)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done


def _source_key(record):
    return f"{record._name},{record.id}"


def _source_fields(record):
    """The deduction's source fields for the record that breached the rule."""
    if record._name == "helpdesk.ticket":
        return {"ticket_id": record.id, "job_id": record.job_ids[-1:].id}
    if record._name == "aftersales.claim.line":
        return {"claim_line_id": record.id, "claim_id": record.claim_id.id}
    return {"claim_id": record.id, "job_id": record.job_id.id}
