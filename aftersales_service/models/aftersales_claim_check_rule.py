# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The checks a claim goes through on submission: one record per check, one method per
code (``_check_<code>``), all run in batch over the claims submitted together.

A check returns ``{claim id: (outcome, message)}`` for the claims it does not pass;
``outcome`` None means the rule's own outcome. Every result, passed or not, is stored on
the claim (``aftersales.claim.check.result``)."""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .aftersales_entitlement import FREE_DECISIONS

CHECK_CODES = [
    ("entitlement", "三包 entitlement on the repair date"),
    ("registration_card", "Registration card received in time"),
    ("deadline", "Submitted within the deadline"),
    ("duplicate", "No duplicate claim"),
    ("usage", "Plausible usage reading"),
    ("labour_norm", "Labour within the norm"),
    ("parts_fit", "Parts on the product's service-part list"),
    ("job_done", "Job completed, signed and recorded"),
    ("completeness", "Claim complete"),
    ("overdue_old_parts", "No overdue old parts at the service point"),
    ("preauth", "Pre-authorised when required"),
    ("campaign", "Unit in an open campaign, claimed once"),
    ("claim_kind", "Fits its claim type (PDI, first maintenance)"),
]
OUTCOMES = [
    ("pass", "Passed"),
    ("warn", "Warning"),
    ("manual", "Manual Review"),
    ("return", "Return for Correction"),
    ("reject", "Reject"),
]
#: the checks that cannot run without their number of days
NEEDS_DAYS = {"deadline", "duplicate"}


class AftersalesClaimCheckRule(models.Model):
    _name = "aftersales.claim.check.rule"
    _description = "Claim Check"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(CHECK_CODES, required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    outcome = fields.Selection(
        [outcome for outcome in OUTCOMES if outcome[0] != "pass"],
        required=True,
        default="return",
        help="What a claim that fails the check gets.",
    )
    param_days = fields.Integer(
        "Days",
        help="Deadline: days after the repair ended; duplicate: days between two claims of "
        "the same unit and fault; entitlement: days after the period ended that still go "
        "to a manual review (goodwill candidates).",
    )
    description = fields.Text(translate=True)

    # ------------------------------------------------------------------
    # Evaluation
    # ------------------------------------------------------------------
    def _ensure_configured(self):
        """A check without its parameter is a configuration error, never a silent pass
        or a blanket reject."""
        unset = self.filtered(lambda rule: rule.code in NEEDS_DAYS and rule.param_days <= 0)
        if unset:
            raise UserError(
                _(
                    "The claim check %(check)s needs its number of days: set it in "
                    "After-Sales > Configuration > Claim Checks.",
                    check=", ".join(unset.mapped("name")),
                )
            )

    def _evaluate(self, claims):
        """``{claim id: (outcome, message)}`` of the claims failing this check."""
        self.ensure_one()
        self._ensure_configured()
        failures = getattr(self, f"_check_{self.code}")(claims)
        return {
            claim_id: (outcome or self.outcome, message)
            for claim_id, (outcome, message) in failures.items()
        }

    def _check_entitlement(self, claims):
        """The engine decides the unit on the repair date: a free remedy passes; a unit
        out of its periods by less than the rule's days goes to a manual review. Only
        三包 claims: goodwill, campaigns, PDI and first maintenance have their own checks."""
        failures = {}
        claims = claims.filtered(lambda claim: claim.claim_kind == "warranty")
        groups = claims.grouped(
            lambda claim: (claim._entitlement_fault_date(), claim._entitlement_fault_key())
        )
        engine = self.env["aftersales.entitlement"]
        for (day, fault_key), group in groups.items():
            results = engine._decide_each(group.lot_id, day, fault_key=fault_key)
            for claim in group:
                result = results[claim.lot_id.id]
                if result["decision"] in FREE_DECISIONS:
                    continue
                ended = result.get("repair_period_end")
                grace = self.param_days and ended and (day - ended).days <= self.param_days
                failures[claim.id] = (
                    "manual" if grace else None,
                    _(
                        "Not a free 三包 remedy on %(day)s: %(why)s",
                        day=format_date(self.env, day),
                        why=result["explanation"],
                    ),
                )
        return failures

    def _check_registration_card(self, claims):
        failures = {}
        for claim in claims.filtered(
            lambda claim: claim.claim_kind == "warranty" and not claim.card_waived_by
        ):
            lot, policy = claim.lot_id, claim.lot_id.warranty_policy_id
            if not (policy and lot.sale_date):
                continue  # the entitlement check reports it
            deadline = lot.sale_date + timedelta(days=policy.registration_days)
            if not lot.registration_card_date or lot.registration_card_date > deadline:
                failures[claim.id] = (
                    None,
                    _(
                        "The registration card (三包回执卡) of unit %(unit)s was due by "
                        "%(deadline)s: %(state)s.",
                        unit=lot.name,
                        deadline=format_date(self.env, deadline),
                        state=format_date(self.env, lot.registration_card_date)
                        if lot.registration_card_date
                        else _("not received"),
                    ),
                )
        return failures

    def _check_deadline(self, claims):
        failures = {}
        for claim in claims:
            submitted = fields.Date.context_today(claim, claim.submitted_on)
            ended = claim.repair_end or claim.repair_start
            if ended and (submitted - ended).days > self.param_days:
                failures[claim.id] = (
                    None,
                    _(
                        "Submitted on %(submitted)s, more than %(days)s days after the repair "
                        "ended on %(ended)s.",
                        submitted=format_date(self.env, submitted),
                        days=self.param_days,
                        ended=format_date(self.env, ended),
                    ),
                )
        return failures

    def _check_duplicate(self, claims):
        """Another live claim for the same job, or for the same unit and fault within the
        rule's days (in any state but cancelled). Of two such claims submitted together,
        the one entered first passes."""
        others = self.env["aftersales.claim"].search(
            [
                ("state", "!=", "cancel"),
                "|",
                ("job_id", "in", claims.job_id.ids),
                ("lot_id", "in", claims.lot_id.ids),
            ]
        )
        # Each claim looks only at the claims of its own job and unit, not at all others.
        by_job, by_lot = others.grouped("job_id"), others.grouped("lot_id")
        empty = self.env["aftersales.claim"]
        batch = set(claims.ids)
        failures = {}
        for claim in claims:
            day = claim.repair_start or fields.Date.context_today(claim)
            candidates = (by_job.get(claim.job_id, empty) if claim.job_id else empty) | by_lot.get(
                claim.lot_id, empty
            )
            candidates = candidates.filtered(
                lambda other, claim=claim: other.id not in batch or other.id < claim.id
            )
            twins = candidates.sorted(key=lambda other: other.id, reverse=True).filtered(
                lambda other, claim=claim, day=day: (claim.job_id and other.job_id == claim.job_id)
                or (
                    other.lot_id == claim.lot_id
                    and other.fault_code_id == claim.fault_code_id
                    and abs(((other.repair_start or day) - day).days) <= self.param_days
                )
            )
            if twins:
                failures[claim.id] = (
                    None,
                    _(
                        "Claim %(others)s already covers this repair of unit %(unit)s.",
                        others=", ".join(twins.mapped("name")),
                        unit=claim.lot_id.name,
                    ),
                )
        return failures

    def _check_usage(self, claims):
        """The reading is not below the unit's earlier claims, nor above its later ones."""
        others = self.env["aftersales.claim"].search(
            [
                ("id", "not in", claims.ids),
                ("state", "!=", "cancel"),
                ("lot_id", "in", claims.lot_id.ids),
                ("usage_reading", ">", 0),
            ]
        )
        by_lot = others.grouped("lot_id")
        failures = {}
        for claim in claims.filtered("usage_reading"):
            day = claim.repair_start or fields.Date.context_today(claim)
            same_unit = by_lot.get(claim.lot_id, self.env["aftersales.claim"])
            reading = claim.usage_reading
            before = same_unit.filtered(
                lambda other, day=day, reading=reading: (other.repair_start or day) < day
                and other.usage_reading > reading
            )
            after = same_unit.filtered(
                lambda other, day=day, reading=reading: (other.repair_start or day) > day
                and other.usage_reading < reading
            )
            if before or after:
                failures[claim.id] = (
                    None,
                    _(
                        "The reading %(reading)s does not fit the readings of claims "
                        "%(others)s of the same unit.",
                        reading=claim.usage_reading,
                        others=", ".join((before | after).mapped("name")),
                    ),
                )
        return failures

    def _check_labour_norm(self, claims):
        failures = {}
        for claim in claims:
            over = claim._labour_over_norm()
            if over:
                failures[claim.id] = (
                    None,
                    _(
                        "%(hours)s h of labour for a norm of %(norm)s h, without a manager's "
                        "approval.",
                        hours=sum(over.mapped("quantity")),
                        norm=sum(over.mapped("norm_hours")),
                    ),
                )
        return failures

    def _check_parts_fit(self, claims):
        """When the unit's product has a service-part list, every part claimed is on it,
        in no more than the quantity one unit holds."""
        failures = {}
        for claim in claims:
            listed = {
                service_part.part_id: service_part.quantity
                for service_part in claim.product_id.product_tmpl_id.aftersales_service_part_ids
            }
            parts = claim.line_ids.filtered(lambda line: line.line_type == "part")
            if not listed or not parts:
                continue
            problems = []
            for product, lines in parts.grouped("product_id").items():
                quantity = sum(lines.mapped("quantity"))
                if product not in listed:
                    problems.append(
                        _("%(part)s is not a service part of it", part=product.display_name)
                    )
                elif quantity > listed[product]:
                    problems.append(
                        _(
                            "%(quantity)s × %(part)s, one unit holds %(listed)s",
                            quantity=quantity,
                            part=product.display_name,
                            listed=listed[product],
                        )
                    )
            if problems:
                failures[claim.id] = (
                    None,
                    _(
                        "Parts that do not fit %(product)s: %(problems)s.",
                        product=claim.product_id.display_name,
                        problems="; ".join(problems),
                    ),
                )
        return failures

    def _check_job_done(self, claims):
        failures = {}
        for claim in claims:
            problems = []
            job = claim.job_id
            if job and job.state not in ("done", "called_back"):
                problems.append(_("the job %(job)s is not completed", job=job.name))
            if job and not job.signature:
                problems.append(_("the customer did not sign the job %(job)s", job=job.name))
            if not claim.repair_record:
                problems.append(_("the signed 三包 repair record is not attached"))
            if problems:
                failures[claim.id] = (
                    None,
                    _("Missing: %(problems)s.", problems="; ".join(problems)),
                )
        return failures

    def _check_completeness(self, claims):
        failures = {}
        for claim in claims:
            problems = []
            if not claim.fault_code_id:
                problems.append(_("the fault"))
            if not claim.line_ids:
                problems.append(_("at least one line"))
            if claim.line_ids.filtered(lambda line: not line.quantity):
                problems.append(_("a quantity on every line"))
            if problems:
                failures[claim.id] = (
                    None,
                    _("Incomplete, add %(problems)s.", problems=", ".join(problems)),
                )
        return failures

    def _check_overdue_old_parts(self, claims):
        """A service point with old parts overdue by more than the rule's days gets its
        new claims returned until they arrive."""
        limit = fields.Date.context_today(self) - timedelta(days=self.param_days)
        overdue = self.env["aftersales.claim.line"].search(
            [
                ("claim_id.service_point_id", "in", claims.service_point_id.ids),
                ("claim_id", "not in", claims.ids),
                ("claim_id.state", "=", "waiting_parts"),
                ("old_part_state", "=", "to_return"),
                ("old_part_due_date", "<", limit),
            ]
        )
        by_point = overdue.grouped(lambda line: line.claim_id.service_point_id)
        failures = {}
        for claim in claims:
            lines = by_point.get(claim.service_point_id)
            if lines:
                failures[claim.id] = (
                    None,
                    _(
                        "%(point)s has %(count)s old parts overdue (claims %(claims)s): send "
                        "them back first.",
                        point=claim.service_point_id.name,
                        count=len(lines),
                        claims=", ".join(lines.claim_id.mapped("name")),
                    ),
                )
        return failures

    @api.model
    def _rules_of(self, company):
        rules = self.search([("company_id", "=", company.id)])
        if not rules:
            raise UserError(
                _(
                    "Company %(company)s has no claim checks: activate them in After-Sales > "
                    "Configuration > Claim Checks before claims are submitted.",
                    company=company.name,
                )
            )
        return rules
