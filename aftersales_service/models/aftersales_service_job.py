# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .aftersales_entitlement import FREE_DECISIONS
from .aftersales_fault_code import CAUSE_CLASSES

JOB_STATES = [
    ("draft", "To Dispatch"),
    ("dispatched", "Dispatched"),
    ("accepted", "Accepted"),
    ("on_site", "On Site"),
    ("done", "Completed"),
    ("called_back", "Return Visit Done"),
    ("cancel", "Cancelled"),
]
JOB_TYPES = [
    ("installation", "Installation"),
    ("repair", "Repair"),
    ("maintenance", "Maintenance"),
    ("inspection", "Inspection"),
]
COVERAGES = [("sanbao", "三包 (free)"), ("paid", "Paid")]
# KPI: a job is completed once checked out, called back or not.
COMPLETED_STATES = ("done", "called_back")
CLOSED_STATES = (*COMPLETED_STATES, "cancel")
#: how long a visit is planned for when the fault has no labour norm
JOB_TYPE_HOURS = {"installation": 2.0, "repair": 2.0, "maintenance": 1.0, "inspection": 1.0}


class AftersalesServiceJob(models.Model):
    """A field-service job (派工单): one visit of a technician of a service point."""

    _name = "aftersales.service.job"
    _description = "Service Job"
    _inherit = [
        "portal.mixin",
        "mail.activity.mixin",
        "rating.mixin",  # brings mail.thread
        "aftersales.entitlement.snapshot",
        "aftersales.numbered.mixin",
    ]
    _aftersales_sequence_code = "aftersales.service.job"
    _order = "scheduled_start desc, id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        JOB_STATES,
        default="draft",
        group_expand=True,
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="To Dispatch: recorded, no technician yet.\n"
        "Dispatched: sent to a technician of the service point.\n"
        "Accepted: the technician took the job.\n"
        "On Site: the technician checked in at the customer.\n"
        "Completed: the technician checked out, the customer signed.\n"
        "Return Visit Done: the desk asked the customer how it went.\n"
        "Cancelled: not carried out.",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        "Service Request",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    sla_status = fields.Selection(related="ticket_id.sla_status", string="Request Service Level")
    ticket_symptom_id = fields.Many2one(
        related="ticket_id.fault_symptom_id", string="Reported Symptom"
    )
    is_open = fields.Boolean(
        "Under Way", compute="_compute_is_open", help="Neither completed nor cancelled."
    )
    job_type = fields.Selection(JOB_TYPES, required=True, default="repair", tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        tracking=True,
        check_company=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    lot_id = fields.Many2one(
        "stock.lot",
        "Unit",
        tracking=True,
        check_company=True,
        index="btree_not_null",
        domain="[('product_id.tracking', '=', 'serial')]",
    )
    product_id = fields.Many2one(related="lot_id.product_id", string="Product")
    service_point_id = fields.Many2one(
        "res.partner",
        tracking=True,
        check_company=True,
        domain="[('is_service_point', '=', True)]",
        compute="_compute_service_point_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    technician_id = fields.Many2one(
        "res.partner",
        tracking=True,
        check_company=True,
        index="btree_not_null",
        domain="[('is_technician', '=', True), ('parent_id', '=', service_point_id)]",
        context={"aftersales_person_only": True},
    )
    technician_certificate_expired = fields.Boolean(
        related="technician_id.technician_certificate_expired"
    )
    scheduled_start = fields.Datetime("Scheduled From", tracking=True)
    scheduled_end = fields.Datetime(
        "Scheduled To",
        tracking=True,
        compute="_compute_scheduled_end",
        store=True,
        readonly=False,
        precompute=True,
        help="Defaults to the start plus the labour norm of the fault, else the usual "
        "length of the job type.",
    )
    dispatched_at = fields.Datetime(readonly=True, copy=False)
    accepted_at = fields.Datetime(readonly=True, copy=False)
    checkin_at = fields.Datetime("Checked In", readonly=True, copy=False)
    checkout_at = fields.Datetime("Checked Out", readonly=True, copy=False)
    # Diagnosis
    fault_code_id = fields.Many2one(
        "aftersales.fault.code",
        "Fault",
        check_company=True,
        tracking=True,
        domain="[('level', '=', 'cause'), ('parent_id', '=?', ticket_symptom_id)]",
    )
    cause_class = fields.Selection(
        CAUSE_CLASSES,
        tracking=True,
        compute="_compute_cause_class",
        store=True,
        readonly=False,
        precompute=True,
    )
    resolution = fields.Text("Findings and Work Done")
    # Parts, labour, travel
    part_ids = fields.One2many("aftersales.service.job.part", "job_id", "Parts Used", copy=False)
    labour_hours = fields.Float(
        "Labour (h)",
        tracking=True,
        compute="_compute_labour_hours",
        store=True,
        readonly=False,
        precompute=True,
        help="Defaults to the labour norm (工时定额) of the fault.",
    )
    travel_distance = fields.Float("Distance (km)")
    travel_fee = fields.Monetary(tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    # Coverage
    coverage = fields.Selection(
        COVERAGES,
        tracking=True,
        compute="_compute_coverage",
        store=True,
        readonly=False,
        precompute=True,
        help="三包: the customer pays nothing, the service point claims from the maker. "
        "Paid: the customer is invoiced at the published fee schedule.",
    )
    # On site
    signature = fields.Image("Customer Signature", copy=False, attachment=True, max_width=1024)
    signed_by = fields.Char(copy=False, tracking=True)
    signed_on = fields.Datetime(copy=False, readonly=True)
    customer_opinion = fields.Text(copy=False)
    previous_job_id = fields.Many2one(
        "aftersales.service.job",
        "Re-dispatch Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    # Buttons
    can_be_dispatched = fields.Boolean(compute="_compute_can_be")
    can_be_accepted = fields.Boolean(compute="_compute_can_be")
    can_be_checked_in = fields.Boolean(compute="_compute_can_be")
    can_be_completed = fields.Boolean(compute="_compute_can_be")
    can_be_called_back = fields.Boolean(compute="_compute_can_be")
    can_be_cancelled = fields.Boolean(compute="_compute_can_be")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for job in self.filtered("ticket_id"):
            job.partner_id = job.ticket_id.partner_id

    @api.depends("state")
    def _compute_is_open(self):
        for job in self:
            job.is_open = job.state not in CLOSED_STATES

    @api.depends("partner_id")
    def _compute_service_point_id(self):
        points = self.partner_id._aftersales_find_service_points()
        for job in self:
            if not job.service_point_id and job.partner_id:
                job.service_point_id = points.get(job.partner_id.id, False)

    @api.depends("fault_code_id")
    def _compute_cause_class(self):
        for job in self.filtered("fault_code_id"):
            job.cause_class = job.fault_code_id.cause_class

    @api.depends("fault_code_id")
    def _compute_labour_hours(self):
        for job in self.filtered("fault_code_id"):
            job.labour_hours = job.fault_code_id.labour_hours

    @api.depends("scheduled_start", "fault_code_id", "job_type")
    def _compute_scheduled_end(self):
        for job in self.filtered("scheduled_start"):
            hours = job.fault_code_id.labour_hours or JOB_TYPE_HOURS.get(job.job_type, 2.0)
            job.scheduled_end = job.scheduled_start + timedelta(hours=hours)

    @api.depends("entitlement_decision")
    def _compute_coverage(self):
        for job in self:
            if job.entitlement_decision:
                free = job.entitlement_decision in FREE_DECISIONS
                job.coverage = "sanbao" if free else "paid"
            elif not job.coverage:
                job.coverage = "paid"

    @api.depends("state")
    def _compute_can_be(self):
        for job in self:
            job.can_be_dispatched = job.state == "draft"
            job.can_be_accepted = job.state == "dispatched"
            job.can_be_checked_in = job.state in ("dispatched", "accepted")
            job.can_be_completed = job.state == "on_site"
            job.can_be_called_back = job.state == "done"
            job.can_be_cancelled = job.state in ("draft", "dispatched", "accepted")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("scheduled_start", "scheduled_end")
    def _check_schedule(self):
        for job in self:
            if (
                job.scheduled_start
                and job.scheduled_end
                and job.scheduled_end < job.scheduled_start
            ):
                raise ValidationError(
                    _(
                        "Job %(job)s ends before it starts: check the scheduled window.",
                        job=job.name,
                    )
                )

    @api.constrains("labour_hours", "travel_distance", "travel_fee")
    def _check_not_negative(self):
        for job in self:
            if min(job.labour_hours, job.travel_distance, job.travel_fee) < 0:
                raise ValidationError(
                    _(
                        "Job %(job)s: labour, distance and travel fee cannot be negative.",
                        job=job.name,
                    )
                )

    @api.constrains("lot_id", "partner_id")
    def _check_unit_of_customer(self):
        self.env["stock.lot"]._aftersales_check_owned_by(self, "partner_id")

    @api.constrains("technician_id", "service_point_id")
    def _check_technician_of_point(self):
        for job in self.filtered("technician_id"):
            if job.technician_id.parent_id != job.service_point_id:
                raise ValidationError(
                    _(
                        "%(technician)s is not a technician of %(point)s. Choose one of the "
                        "service point's technicians.",
                        technician=job.technician_id.name,
                        point=job.service_point_id.display_name or _("no service point"),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        if {"signature", "signed_by"} & set(vals):
            self._ensure_signature_not_final()
        res = super().write(vals)
        if "state" in vals:
            self.ticket_id._aftersales_follow_jobs()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        started = self.filtered(lambda job: job.state not in ("draft", "cancel"))
        if started:
            raise UserError(
                _(
                    "Jobs %(jobs)s were dispatched already: cancel them instead of deleting them.",
                    jobs=", ".join(started.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_dispatch(self):
        self._ensure_can_be("can_be_dispatched", _("dispatched"))
        missing = self.filtered(lambda job: not job.service_point_id or not job.technician_id)
        if missing:
            raise UserError(
                _(
                    "Choose a service point and one of its technicians before dispatching "
                    "%(jobs)s.",
                    jobs=", ".join(missing.mapped("name")),
                )
            )
        self.technician_id._aftersales_check_technician_certificate()
        self.write({"state": "dispatched", "dispatched_at": fields.Datetime.now()})

    def action_accept(self):
        self._ensure_can_be("can_be_accepted", _("accepted"))
        self.write({"state": "accepted", "accepted_at": fields.Datetime.now()})

    def action_check_in(self):
        self._ensure_can_be("can_be_checked_in", _("checked in"))
        now = fields.Datetime.now()
        self.write({"state": "on_site", "checkin_at": now})
        for job in self.filtered("ticket_id"):
            job.ticket_id._aftersales_mark_onsite(now)

    def action_complete(self):
        """Check out: the parts leave the service point's stock, the unit's history grows,
        a paid job is invoiced."""
        self._ensure_can_be("can_be_completed", _("completed"))
        problems = self._completion_problems()
        if problems:
            raise UserError("\n".join(problems))
        self._action_complete()

    def _completion_problems(self):
        """Everything missing before check-out, in one message."""

        def names(jobs):
            return ", ".join(jobs.mapped("name"))

        problems = []
        unresolved = self.filtered(lambda job: not (job.resolution or "").strip())
        if unresolved:
            problems.append(
                _("Write the findings and work done on %(jobs)s.", jobs=names(unresolved))
            )
        undiagnosed = self.filtered(lambda job: job.job_type == "repair" and not job.fault_code_id)
        if undiagnosed:
            problems.append(
                _("Choose the fault (its cause) repaired on %(jobs)s.", jobs=names(undiagnosed))
            )
        unsigned = self.filtered(lambda job: not job.signature or not job.signed_by)
        if unsigned:
            problems.append(
                _(
                    "Have the customer sign %(jobs)s on site and write who signed before "
                    "completing the job.",
                    jobs=names(unsigned),
                )
            )
        return problems

    def _ensure_signature_not_final(self):
        signed = self.filtered(lambda job: job.state in COMPLETED_STATES)
        if signed:
            raise UserError(
                _(
                    "The customer signed %(jobs)s at check-out: the signature cannot be "
                    "changed any more.",
                    jobs=", ".join(signed.mapped("name")),
                )
            )

    def _action_complete(self):
        now = fields.Datetime.now()
        self.part_ids._action_consume()
        self.write({"state": "done", "checkout_at": now, "signed_on": now})
        self._record_unit_repairs()
        self.filtered(lambda job: job.coverage == "paid")._create_customer_invoice()
        self._schedule_return_visit()
        self._send_rating_request()

    def action_cancel(self):
        self._ensure_can_be("can_be_cancelled", _("cancelled"))
        self.write({"state": "cancel"})

    def action_redispatch(self):
        """再次派工: a new job for the same request when this visit did not solve it
        (the job under way, when there is one already)."""
        self.ensure_one()
        if self.ticket_id.open_job_id:
            return self.ticket_id.open_job_id._get_form_action()
        job = self.copy(self._prepare_redispatch_vals())
        return job._get_form_action()

    def _prepare_redispatch_vals(self):
        return {
            "previous_job_id": self.id,
            "technician_id": False,
            "scheduled_start": False,
            "scheduled_end": False,
            "resolution": False,
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _ensure_can_be(self, flag, verb):
        blocked = self.filtered(lambda job: not job[flag])
        if blocked:
            raise UserError(
                _(
                    "%(jobs)s cannot be %(verb)s in their present state (%(states)s).",
                    jobs=", ".join(blocked.mapped("name")),
                    verb=verb,
                    states=", ".join(
                        sorted(
                            set(
                                blocked.mapped(
                                    lambda job: dict(
                                        job._fields["state"]._description_selection(job.env)
                                    )[job.state]
                                )
                            )
                        )
                    ),
                )
            )

    def _entitlement_depends(self):
        return ["lot_id", "ticket_id.reported_at", "fault_code_id"]

    def _entitlement_fault_date(self):
        reported = self.ticket_id.reported_at or self.create_date or fields.Datetime.now()
        return fields.Date.context_today(self, reported)

    def _entitlement_fault_key(self):
        return self.fault_code_id.code or False

    def _entitlement_is_open(self):
        return self.state not in CLOSED_STATES

    def _record_unit_repairs(self):
        vals_list = [
            job._prepare_unit_repair_vals()
            for job in self
            if job.lot_id and job.job_type == "repair"
        ]
        self.env["aftersales.unit.repair"].create(vals_list)

    def _prepare_unit_repair_vals(self):
        self.ensure_one()
        start = self.ticket_id.reported_at or self.checkin_at
        return {
            "lot_id": self.lot_id.id,
            "date_start": fields.Date.to_date(start),
            "date_end": fields.Date.to_date(self.checkout_at),
            "fault_key": self.fault_code_id.code or False,
            "part_id": self.part_ids[:1].product_id.id,
            "remedy": "repair",
            "note": self.name,
        }

    def _get_form_action(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
        }
