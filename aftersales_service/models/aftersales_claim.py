# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .aftersales_fault_code import CAUSE_CLASSES

CLAIM_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("returned", "Returned for Correction"),
    ("waiting_parts", "Waiting for Old Parts"),
    ("appraisal", "In Appraisal"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("settled", "Settled"),
    ("cancel", "Cancelled"),
]
#: the states in which the service point edits the claim
EDITABLE_STATES = ("draft", "returned")
#: the states that count for the duplicate check: every state but cancelled
LIVE_STATES = tuple(state for state, _label in CLAIM_STATES if state != "cancel")
#: one live (not cancelled) claim per job, enforced by the database
JOB_CLAIM_INDEX = "aftersales_claim_job_live_uniq"


class AftersalesClaim(models.Model):
    """A 三包 claim (三包索赔单): what a service point asks the manufacturer to pay for a
    repair done under 三包, line by line, checked on submission by the rules of
    ``aftersales.claim.check.rule`` and appraised by the warranty technicians.

    Creating a claim from a job: ``aftersales_service_job_claim.py``; the checks:
    ``aftersales_claim_check.py``; the appraisal: ``aftersales_claim_line.py``.
    """

    _name = "aftersales.claim"
    _description = "三包 Claim"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.entitlement.snapshot",
        "aftersales.numbered.mixin",
    ]
    _aftersales_sequence_code = "aftersales.claim"
    _order = "id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        CLAIM_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="Draft: the service point prepares it.\n"
        "Submitted: the checks ran; manual reviews wait for a technician.\n"
        "Returned for Correction: back to the service point with the reasons.\n"
        "Waiting for Old Parts: the old parts are on their way back.\n"
        "In Appraisal: the warranty technicians appraise each line.\n"
        "Approved: (partly) approved, to be settled.\n"
        "Rejected: nothing is paid.\n"
        "Settled: paid in a monthly settlement.\n"
        "Cancelled: withdrawn.",
    )
    version = fields.Integer(
        default=0,
        readonly=True,
        copy=False,
        tracking=True,
        help="How many times the claim was submitted; the check results of every "
        "submission are kept.",
    )
    claim_type_id = fields.Many2one(
        "aftersales.claim.type",
        required=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env["aftersales.claim.type"].search(
            [("kind", "=", "warranty"), ("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    claim_kind = fields.Selection(related="claim_type_id.kind")
    service_point_id = fields.Many2one(
        "res.partner",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
        domain="[('is_service_point', '=', True)]",
    )
    campaign_id = fields.Many2one(
        "aftersales.campaign",
        tracking=True,
        check_company=True,
        index="btree_not_null",
        help="The recall or service campaign a campaign claim is for.",
    )
    preauth_id = fields.Many2one(
        "aftersales.preauthorisation",
        "Pre-Authorisation",
        tracking=True,
        check_company=True,
        domain="[('state', '=', 'approved'), ('service_point_id', '=', service_point_id), "
        "('lot_id', '=', lot_id)]",
    )
    job_id = fields.Many2one(
        "aftersales.service.job",
        "Service Job",
        tracking=True,
        check_company=True,
        index="btree_not_null",
        copy=False,
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket", "Service Request", check_company=True, index="btree_not_null"
    )
    partner_id = fields.Many2one("res.partner", "Customer", tracking=True)
    lot_id = fields.Many2one(
        "stock.lot",
        "Unit",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
        domain="[('product_id.tracking', '=', 'serial')]",
    )
    product_id = fields.Many2one(related="lot_id.product_id", string="Product")
    fault_code_id = fields.Many2one(
        "aftersales.fault.code",
        "Fault",
        tracking=True,
        check_company=True,
        domain="[('level', '=', 'cause')]",
    )
    cause_class = fields.Selection(CAUSE_CLASSES, tracking=True)
    # indexed: the quality scan's windows and the quality reports' periods
    repair_start = fields.Date("Repair Started", tracking=True, index=True)
    repair_end = fields.Date("Repair Ended", tracking=True)
    usage_reading = fields.Float(
        tracking=True, help="Odometer or hour-meter reading at the repair."
    )
    repair_record = fields.Binary(
        "三包 Repair Record",
        attachment=True,
        copy=False,
        help="The 三包维修记录 signed by the customer.",
    )
    repair_record_name = fields.Char("Repair Record File", copy=False)
    line_ids = fields.One2many("aftersales.claim.line", "claim_id", "Lines", copy=True)
    amount_claimed = fields.Monetary(
        compute="_compute_amounts", store=True, tracking=True, aggregator="sum"
    )
    amount_approved = fields.Monetary(
        compute="_compute_amounts", store=True, tracking=True, aggregator="sum"
    )
    submitted_on = fields.Datetime(readonly=True, copy=False)
    first_submitted_on = fields.Datetime(readonly=True, copy=False)
    note = fields.Html()
    can_be_edited = fields.Boolean(compute="_compute_can_be")
    can_be_submitted = fields.Boolean(compute="_compute_can_be")
    can_be_cancelled = fields.Boolean(compute="_compute_can_be")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("line_ids.amount_claimed", "line_ids.amount_approved")
    def _compute_amounts(self):
        for claim in self:
            claim.amount_claimed = sum(claim.line_ids.mapped("amount_claimed"))
            claim.amount_approved = sum(claim.line_ids.mapped("amount_approved"))

    @api.depends("state")
    def _compute_can_be(self):
        for claim in self:
            claim.can_be_edited = claim.state in EDITABLE_STATES
            claim.can_be_submitted = claim.state in EDITABLE_STATES
            claim.can_be_cancelled = claim.state not in ("settled", "cancel")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def init(self):
        res = super().init()
        # Two users claiming the same job at the same moment make one claim, not two: a
        # partial unique index (the ORM's constraints cannot leave cancelled claims out).
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON aftersales_claim (job_id) "
                "WHERE job_id IS NOT NULL AND state != 'cancel'",
                SQL.identifier(JOB_CLAIM_INDEX),
            )
        )
        return res

    @api.model_create_multi
    def create(self, vals_list):
        try:
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except psycopg2.errors.UniqueViolation as error:
            if error.diag.constraint_name != JOB_CLAIM_INDEX:
                raise
            jobs = self.env["aftersales.service.job"].browse(
                [vals.get("job_id") for vals in vals_list if vals.get("job_id")]
            )
            raise UserError(
                _(
                    "Job %(jobs)s is claimed already: open its claim from the job.",
                    jobs=", ".join(jobs.mapped("name")),
                )
            ) from error

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        submitted = self.filtered(lambda claim: claim.state != "draft" or claim.version)
        if submitted:
            raise UserError(
                _(
                    "Claims %(claims)s were submitted: cancel them instead of deleting them.",
                    claims=", ".join(submitted.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """Submit (again): every check runs and every result is kept; the outcome
        decides the next state."""
        self._ensure_can_be("can_be_submitted", _("submitted"))
        for company in self.company_id:
            self.env["aftersales.claim.check.rule"]._rules_of(company)._ensure_configured()
        now = fields.Datetime.now()
        self.write({"state": "submitted", "submitted_on": now})
        # One write per version and one for the first submissions, not one per claim.
        for version, claims in self.grouped("version").items():
            claims.write({"version": version + 1})
        self.filtered(lambda claim: not claim.first_submitted_on).write({"first_submitted_on": now})
        self._run_checks()
        self._apply_check_outcomes()

    def action_cancel(self):
        self._ensure_can_be("can_be_cancelled", _("cancelled"))
        self.write({"state": "cancel"})

    def action_reset_to_draft(self):
        """A cancelled claim never submitted can be taken up again."""
        blocked = self.filtered(lambda claim: claim.state != "cancel" or claim.version)
        if blocked:
            raise UserError(
                _(
                    "Only a cancelled claim that was never submitted goes back to draft: "
                    "%(claims)s.",
                    claims=", ".join(blocked.mapped("name")),
                )
            )
        self.write({"state": "draft"})

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _ensure_can_be(self, flag, verb):
        blocked = self.filtered(lambda claim: not claim[flag])
        if blocked:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                _(
                    "%(claims)s cannot be %(verb)s in their present state (%(states)s).",
                    claims=", ".join(blocked.mapped("name")),
                    verb=verb,
                    states=", ".join(sorted({states[claim.state] for claim in blocked})),
                )
            )

    def _entitlement_depends(self):
        return ["lot_id", "repair_start", "fault_code_id"]

    def _entitlement_fault_date(self):
        return self.repair_start or fields.Date.context_today(self)

    def _entitlement_fault_key(self):
        return self.fault_code_id.code or False

    def _entitlement_is_open(self):
        # Decided while the service point prepares the claim; frozen once submitted.
        return self.state in EDITABLE_STATES

    def _get_form_action(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
