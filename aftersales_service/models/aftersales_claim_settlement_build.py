# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AftersalesClaimSettlement(models.Model):
    """Building the settlements of a period: one per dealer (commercial partner) from its
    approved claims not yet settled, with its deductions still to carry."""

    _inherit = "aftersales.claim.settlement"

    @api.model
    def _month_of(self, day):
        start = day.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)

    @api.model
    def _claims_to_settle_domain(self, company, period_start, period_end):
        return [
            ("company_id", "=", company.id),
            ("state", "=", "approved"),
            ("settlement_id", "=", False),
            ("approved_date", ">=", period_start),
            ("approved_date", "<=", period_end),
        ]

    @api.model
    def _settle_period(self, company, period_start, period_end, partners=None):
        """Create or extend the draft settlements of the period; returns them. Claims
        already on a settlement and deductions already carried are never added twice."""
        if period_end < period_start:
            raise UserError(_("The period ends before it starts."))
        domain = self._claims_to_settle_domain(company, period_start, period_end)
        if partners is not None:
            domain.append(("service_point_id.commercial_partner_id", "in", partners.ids))
        claims = self.env["aftersales.claim"].search_fetch(
            domain, ["service_point_id"], order="approved_date, id"
        )
        claims._fetch_for_settlement_lines()
        by_partner = self._claims_by_partner(claims)
        deductions = (
            self.env["aftersales.claim.deduction"]
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "pending"),
                    ("partner_id", "in", [partner.id for partner in by_partner]),
                ]
            )
            .grouped("partner_id")
        )
        settlements = self._draft_settlements(company, period_start, period_end, by_partner)
        line_vals = []
        for partner, partner_claims in by_partner.items():
            settlement = settlements[partner]
            # the company given, not computed line by line from the settlement
            common = {"settlement_id": settlement.id, "company_id": company.id}
            line_vals += [{**claim._settlement_line_vals(), **common} for claim in partner_claims]
            line_vals += [
                {**deduction._settlement_line_vals(), **common}
                for deduction in deductions.get(partner, [])
            ]
        lines = self.env["aftersales.claim.settlement.line"].create(line_vals)
        # one write per settlement, not one per claim; the claim's chatter logs it settled
        # when the settlement is posted
        for partner, partner_claims in by_partner.items():
            partner_claims.sudo().with_context(mail_notrack=True).write(
                {"settlement_id": settlements[partner].id}
            )
        for line in lines.filtered("deduction_id"):
            line.deduction_id.settlement_line_id = line
        return self.browse([settlement.id for settlement in settlements.values()])

    @api.model
    def _claims_by_partner(self, claims):
        """The claims of each commercial partner, in their order (a month has many claims
        of few service points: each point's partner is looked up once)."""
        partner_of = {point: point.commercial_partner_id for point in claims.service_point_id}
        return claims.grouped(lambda claim: partner_of[claim.service_point_id])

    def _draft_settlements(self, company, period_start, period_end, by_partner):
        """The draft settlement of each partner for the period, created when missing."""
        existing = self.search(
            [
                ("company_id", "=", company.id),
                ("step", "=", "draft"),
                ("period_start", "=", period_start),
                ("period_end", "=", period_end),
                ("partner_id", "in", [partner.id for partner in by_partner]),
            ]
        ).grouped("partner_id")
        missing = [partner for partner in by_partner if partner not in existing]
        created = self.create(
            [
                {
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "period_start": period_start,
                    "period_end": period_end,
                    "mode": partner.with_company(company)._aftersales_settlement_mode(),
                }
                for partner in missing
            ]
        )
        return {**existing, **{settlement.partner_id: settlement for settlement in created}}

    @api.model
    def _cron_aftersales_monthly_settlement(self, batch_size=200):
        """Last month's settlements of every company, ``batch_size`` dealers per call;
        the cron runner calls again while dealers remain and shows the progress."""
        done = remaining = 0
        for company in self.env["res.company"].search([]):
            today = fields.Date.context_today(self.with_company(company))
            start, end = self._month_of(today - relativedelta(months=1))
            claims = self.env["aftersales.claim"].search(
                self._claims_to_settle_domain(company, start, end)
            )
            partners = claims.service_point_id.commercial_partner_id.sorted("id")
            batch = partners[: max(batch_size - done, 0)]
            if batch:
                self.with_company(company)._settle_period(company, start, end, batch)
            done += len(batch)
            remaining += len(partners) - len(batch)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
