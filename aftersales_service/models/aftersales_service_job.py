# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
CALLBACK_METHODS = [("phone", "Phone"), ("visit", "On Site"), ("mail", "Mail")]
SCORES = [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]
UNSATISFIED_BELOW = 3.0
# KPI: a job is completed once checked out, called back or not.
COMPLETED_STATES = ("done", "called_back")


class AftersalesServiceJob(models.Model):
    """A field-service job (派工单): one visit of a technician of a service point."""

    _name = "aftersales.service.job"
    _description = "Service Job"
    _inherit = [
        "portal.mixin",
        "mail.activity.mixin",
        "rating.mixin",  # brings mail.thread
        "aftersales.entitlement.snapshot",
    ]
    _order = "scheduled_start desc, id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(
        "Number", required=True, readonly=True, copy=False, default=lambda self: _("New")
    )
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
        domain="[('is_technician', '=', True), ('parent_id', '=', service_point_id)]",
    )
    technician_certificate_expired = fields.Boolean(
        related="technician_id.technician_certificate_expired"
    )
    scheduled_start = fields.Datetime("Scheduled From", tracking=True)
    scheduled_end = fields.Datetime("Scheduled To", tracking=True)
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
        domain="[('level', '=', 'cause')]",
    )
    cause_class = fields.Selection(
        CAUSE_CLASSES,
        tracking=True,
        compute="_compute_cause_class",
        store=True,
        readonly=False,
        precompute=True,
    )
    resolution = fields.Text()
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
    invoice_id = fields.Many2one("account.move", "Customer Invoice", readonly=True, copy=False)
    # On site
    signature = fields.Image("Customer Signature", copy=False, attachment=True, max_width=1024)
    signed_by = fields.Char(copy=False)
    signed_on = fields.Datetime(copy=False, readonly=True)
    customer_opinion = fields.Text(copy=False)
    # Callback (回访)
    callback_method = fields.Selection(CALLBACK_METHODS, copy=False)
    callback_attitude = fields.Selection(SCORES, "Service Attitude", copy=False)
    callback_quality = fields.Selection(SCORES, "Repair Quality", copy=False)
    callback_resolution = fields.Selection(SCORES, "Problem Solved", copy=False)
    satisfaction = fields.Float(
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="The mean of the three callback answers, 1 to 5.",
    )
    callback_note = fields.Text("Callback Notes", copy=False)
    callback_at = fields.Datetime(readonly=True, copy=False)
    callback_user_id = fields.Many2one("res.users", readonly=True, copy=False)
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
    is_unsatisfied = fields.Boolean(compute="_compute_satisfaction", store=True)
    # KPI: first-time fix and repeat repairs, counted per service point with _read_group
    redispatch_ids = fields.One2many("aftersales.service.job", "previous_job_id", "Re-dispatches")
    first_time_fix = fields.Boolean(
        "First-Time Fix",
        compute="_compute_first_time_fix",
        store=True,
        help="Completed, and no job (other than a cancelled one) was re-dispatched from "
        "this one: the first visit solved the problem.",
    )
    repeat_repair_30 = fields.Boolean(
        "Repeat Repair within 30 Days",
        compute="_compute_repeat_repair",
        store=True,
        help="A completed repair job whose unit has another repair in its repair history "
        "ending 1 to 30 days after this job's check-out day (a repair ending the same "
        "day is not counted).",
    )
    repeat_repair_90 = fields.Boolean(
        "Repeat Repair within 90 Days",
        compute="_compute_repeat_repair",
        store=True,
        help="A completed repair job whose unit has another repair in its repair history "
        "ending 1 to 90 days after this job's check-out day (a repair ending the same "
        "day is not counted).",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for job in self.filtered("ticket_id"):
            job.partner_id = job.ticket_id.partner_id

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

    @api.depends("entitlement_decision")
    def _compute_coverage(self):
        for job in self:
            if job.entitlement_decision:
                free = job.entitlement_decision in FREE_DECISIONS
                job.coverage = "sanbao" if free else "paid"
            elif not job.coverage:
                job.coverage = "paid"

    @api.depends("callback_attitude", "callback_quality", "callback_resolution")
    def _compute_satisfaction(self):
        for job in self:
            scores = [
                int(score)
                for score in (job.callback_attitude, job.callback_quality, job.callback_resolution)
                if score
            ]
            job.satisfaction = sum(scores) / len(scores) if scores else 0.0
            job.is_unsatisfied = bool(scores) and job.satisfaction < UNSATISFIED_BELOW

    @api.depends("state")
    def _compute_can_be(self):
        for job in self:
            job.can_be_dispatched = job.state == "draft"
            job.can_be_accepted = job.state == "dispatched"
            job.can_be_checked_in = job.state in ("dispatched", "accepted")
            job.can_be_completed = job.state == "on_site"
            job.can_be_called_back = job.state == "done"
            job.can_be_cancelled = job.state in ("draft", "dispatched", "accepted")

    # KPI computes ------------------------------------------------------
    @api.depends("state", "redispatch_ids.state")
    def _compute_first_time_fix(self):
        for job in self:
            redispatched = job.redispatch_ids.filtered(lambda new: new.state != "cancel")
            job.first_time_fix = job.state in COMPLETED_STATES and not redispatched

    @api.depends(
        "state",
        "job_type",
        "checkout_at",
        "lot_id.aftersales_repair_ids.date_end",
    )
    def _compute_repeat_repair(self):
        for job in self:
            days_after = []
            if job.state in COMPLETED_STATES and job.job_type == "repair" and job.checkout_at:
                checkout_day = fields.Date.to_date(job.checkout_at)
                days_after = [
                    (repair.date_end - checkout_day).days
                    for repair in job.lot_id.aftersales_repair_ids
                    if repair.date_end and repair.date_end > checkout_day
                ]
            job.repeat_repair_30 = any(days <= 30 for days in days_after)
            job.repeat_repair_90 = any(days <= 90 for days in days_after)

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
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", _("New")) == _("New"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "aftersales.service.job"
                ) or _("New")
        jobs = super().create(vals_list)
        jobs.filtered("lot_id")._take_entitlement_snapshot()
        return jobs

    def write(self, vals):
        res = super().write(vals)
        if "lot_id" in vals:
            self._take_entitlement_snapshot()
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
    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
        }

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
        unsigned = self.filtered(lambda job: not job.signature)
        if unsigned:
            raise UserError(
                _(
                    "The customer has not signed %(jobs)s. Have the customer sign on site "
                    "before completing the job.",
                    jobs=", ".join(unsigned.mapped("name")),
                )
            )
        self._action_complete()

    def _action_complete(self):
        now = fields.Datetime.now()
        self.part_ids._action_consume()
        self.write({"state": "done", "checkout_at": now, "signed_on": now})
        self._record_unit_repairs()
        self.filtered(lambda job: job.coverage == "paid")._create_customer_invoice()
        self._schedule_return_visit()
        self._send_rating_request()

    def action_callback_done(self):
        """The desk called the customer back and recorded the answers."""
        self._ensure_can_be("can_be_called_back", _("called back"))
        unanswered = self.filtered(
            lambda job: not (
                job.callback_method
                and job.callback_attitude
                and job.callback_quality
                and job.callback_resolution
            )
        )
        if unanswered:
            raise UserError(
                _(
                    "Record how the customer was called and the three answers (attitude, "
                    "quality, problem solved) of %(jobs)s before closing the callback.",
                    jobs=", ".join(unanswered.mapped("name")),
                )
            )
        self.write(
            {
                "state": "called_back",
                "callback_at": fields.Datetime.now(),
                "callback_user_id": self.env.uid,
            }
        )
        self.activity_feedback(["aftersales_service.mail_activity_type_return_visit"])

    def action_cancel(self):
        self._ensure_can_be("can_be_cancelled", _("cancelled"))
        self.write({"state": "cancel"})

    def action_redispatch(self):
        """A new job for the same request, when this visit did not solve it."""
        self.ensure_one()
        job = self.copy({"previous_job_id": self.id, "technician_id": False})
        return job._get_form_action()

    def action_create_complaint(self):
        """An unsatisfied customer: open a complaint linked to this job's request."""
        self.ensure_one()
        ticket = self.env["helpdesk.ticket"].create(self._prepare_complaint_vals())
        self.message_post(body=_("Complaint %(ticket)s opened.", ticket=ticket._get_html_link()))
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
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

    def _entitlement_fault_date(self):
        reported = self.ticket_id.reported_at or self.create_date or fields.Datetime.now()
        return fields.Date.context_today(self, reported)

    def _schedule_return_visit(self):
        """The desk calls the customer back after each completed job (回访)."""
        activity_type = self.env.ref("aftersales_service.mail_activity_type_return_visit")
        for job in self:
            job.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=(job.ticket_id.user_id or job.create_uid).id,
                note=_(
                    "Ask %(customer)s how job %(job)s went.",
                    customer=job.partner_id.name,
                    job=job.name,
                ),
            )

    def _send_rating_request(self):
        """Customers with an e-mail address also get a one-click satisfaction survey."""
        template = self.env.ref("aftersales_service.mail_template_service_job_rating")
        for job in self.filtered("partner_id.email"):
            job.rating_send_request(template, lang=job.partner_id.lang, force_send=False)

    def _rating_get_operator(self):
        """The person rated is the technician who came."""
        return self.technician_id

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

    def _create_customer_invoice(self):
        """Invoice the customer of each paid job at the published fee schedule.

        Completing a job (technician, clerk) issues the invoice: the accounting rights
        to create it are not theirs, so it is made as superuser, tracked on the job."""
        moves = (
            self.env["account.move"].sudo().create([job._prepare_invoice_vals() for job in self])
        )
        for job, move in zip(self, moves, strict=True):
            job.invoice_id = move
        moves.action_post()
        for job, move in zip(self, moves, strict=True):
            job.message_post(body=_("Invoice %(invoice)s issued.", invoice=move._get_html_link()))

    def _prepare_invoice_vals(self):
        self.ensure_one()
        lines = [
            self._prepare_invoice_line_vals(
                self.company_id._aftersales_labour_product(), self.labour_hours
            ),
        ]
        if self.travel_fee:
            lines.append(
                self._prepare_invoice_line_vals(
                    self.company_id._aftersales_travel_product(), 1, self.travel_fee
                )
            )
        lines += [
            self._prepare_invoice_line_vals(part.product_id, part.quantity)
            for part in self.part_ids
        ]
        return {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.name,
            "invoice_line_ids": [fields.Command.create(line) for line in lines if line["quantity"]],
        }

    def _prepare_invoice_line_vals(self, product, quantity, price=None):
        if price is None:
            price = self.company_id._aftersales_fee(product, quantity)
        return {"product_id": product.id, "quantity": quantity, "price_unit": price}

    def _prepare_complaint_vals(self):
        self.ensure_one()
        return {
            "name": _("Complaint about %(job)s", job=self.name),
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "request_type": "complaint",
            "complaint_category": "engineer",
            "description": self.callback_note or False,
        }

    def _get_form_action(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
        }
