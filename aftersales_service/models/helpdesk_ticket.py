# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .aftersales_sla_rule import AREA_CLASSES, REQUEST_TYPES, URGENCIES

#: request types that send a technician
DISPATCHED_REQUEST_TYPES = ("installation", "repair", "return")
#: a repair of the unit this many days before the call is worth a warning
RECENT_REPAIR_DAYS = 90

#: one phone number with its prefix and extension, never a paragraph
PHONE_MAX_LENGTH = 40


class HelpdeskTicket(models.Model):
    """A service request (服务请求: 报装/报修/咨询/投诉/退换货).

    A caller gives a phone number or a serial number: either finds the customer and
    the unit, the service point and the 三包 decision, before the request is saved.
    The request's stage follows its service jobs (see ``_aftersales_follow_jobs``).
    Service level clocks: ``helpdesk_ticket_sla.py``; complaints:
    ``helpdesk_ticket_complaint.py``.
    """

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "aftersales.entitlement.snapshot"]
    _rec_names_search = ["number", "name", "partner_phone", "lot_id.name"]

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------

    partner_phone = fields.Char(
        "Caller's Phone",
        compute="_compute_partner_phone",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        help="The number the customer called from: typing it finds the customer and "
        "the customer's unit.",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        "Unit",
        tracking=True,
        index="btree_not_null",
        domain="[('product_id.tracking', '=', 'serial'), '|', ('customer_id', '=', False), "
        "('customer_id.commercial_partner_id', '=?', commercial_partner_id)]",
        help="The serial number of the customer's unit: choosing it fills the customer; "
        "its 三包 decision is taken from it.",
    )
    product_id = fields.Many2one(related="lot_id.product_id", string="Product")
    fault_symptom_id = fields.Many2one(
        "aftersales.fault.code",
        "Reported Symptom",
        tracking=True,
        domain="[('level', '=', 'symptom')]",
        help="What the customer describes (故障现象); the technician records the cause.",
    )
    repeat_repair_warning = fields.Text(compute="_compute_repeat_repair_warning")
    caller_search = fields.Char(
        "Phone or Serial Number",
        compute="_compute_caller_search",
        search="_search_caller",
        help="Finds the requests of a phone number (whatever its spaces and prefix) or "
        "of a serial number.",
    )
    service_point_id = fields.Many2one(
        "res.partner",
        compute="_compute_service_point_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain="[('is_service_point', '=', True)]",
        help="The service point responsible for the customer's address; editable.",
    )
    job_ids = fields.One2many("aftersales.service.job", "ticket_id", "Service Jobs")
    job_count = fields.Integer(compute="_compute_job_count")
    open_job_id = fields.Many2one(
        "aftersales.service.job",
        "Job Under Way",
        compute="_compute_open_job_id",
        help="The job under way (not completed, not cancelled), if any.",
    )
    can_be_dispatched = fields.Boolean(compute="_compute_open_job_id")

    request_type = fields.Selection(
        REQUEST_TYPES, required=True, default="repair", tracking=True, index=True
    )
    urgency = fields.Selection(
        URGENCIES, required=True, default="normal", tracking=True, index=True
    )
    area_class = fields.Selection(
        AREA_CLASSES,
        compute="_compute_area_class",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Where the unit is: decides how soon a technician must be on site. "
        "Taken from the customer, editable.",
    )
    reported_at = fields.Datetime(
        string="Reported On",
        required=True,
        default=fields.Datetime.now,
        copy=False,
        tracking=True,
        help="When the customer called or wrote. The service level clocks start "
        "here; correct it when a request is logged late.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("number", "name")
    def _compute_display_name(self):
        for ticket in self:
            number = ticket.number if ticket.number and ticket.number != "/" else False
            parts = [part for part in (number, ticket.name) if part]
            ticket.display_name = " - ".join(parts) or _("New Service Request")

    @api.depends("partner_id")
    def _compute_partner_phone(self):
        for ticket in self.filtered("partner_id"):
            ticket.partner_phone = (
                ticket.partner_id.mobile or ticket.partner_id.phone or ticket.partner_phone
            )

    @api.depends("partner_id")
    def _compute_area_class(self):
        for ticket in self:
            ticket.area_class = ticket.partner_id.area_class or ticket.area_class or "central_city"

    @api.depends("partner_id")
    def _compute_service_point_id(self):
        points = self.partner_id._aftersales_find_service_points()
        for ticket in self:
            ticket.service_point_id = points.get(ticket.partner_id.id) or ticket.service_point_id

    def _compute_job_count(self):
        counts = dict(
            self.env["aftersales.service.job"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.job_count = counts.get(ticket, 0)

    @api.depends("job_ids.state", "request_type", "stage_id.closed")
    def _compute_open_job_id(self):
        for ticket in self:
            ticket.open_job_id = ticket.job_ids.filtered("is_open")[:1]
            ticket.can_be_dispatched = (
                not ticket.stage_id.closed
                and ticket.request_type in DISPATCHED_REQUEST_TYPES
                and not ticket.job_ids.filtered(lambda job: job.state != "cancel")
            )

    def _compute_caller_search(self):
        self.caller_search = False

    def _search_caller(self, operator, value):
        if operator not in ("ilike", "=") or not isinstance(value, str):
            raise UserError(_("Search a phone or serial number with its digits."))
        domain = [
            "|",
            ("lot_id.name", "ilike", value),
            ("partner_phone", "ilike", value),
        ]
        customers = self.env["res.partner"]._aftersales_find_by_phone(value)
        if customers:
            domain = ["|", ("partner_id", "child_of", customers.ids), *domain]
        return domain

    @api.depends("lot_id", "fault_symptom_id", "reported_at")
    def _compute_repeat_repair_warning(self):
        for ticket in self:
            ticket.repeat_repair_warning = ticket._aftersales_recent_repair_text()

    # ------------------------------------------------------------------
    # Constraints and onchanges
    # ------------------------------------------------------------------

    @api.constrains("reported_at")
    def _check_reported_at(self):
        now = fields.Datetime.now()
        future = self.filtered(lambda t: t.reported_at and t.reported_at > now)
        if future:
            raise ValidationError(
                _(
                    "A request cannot be reported in the future: %(tickets)s.",
                    tickets=", ".join(future.mapped("display_name")),
                )
            )

    @api.constrains("partner_phone")
    def _check_partner_phone(self):
        for ticket in self:
            if ticket.partner_phone and len(ticket.partner_phone) > PHONE_MAX_LENGTH:
                raise ValidationError(
                    _(
                        "The caller's phone has %(length)s characters: enter one phone number "
                        "of at most %(limit)s.",
                        length=len(ticket.partner_phone),
                        limit=PHONE_MAX_LENGTH,
                    )
                )

    @api.constrains("lot_id", "partner_id")
    def _check_unit_of_customer(self):
        self.env["stock.lot"]._aftersales_check_owned_by(self, "partner_id")

    @api.onchange("partner_phone")
    def _onchange_partner_phone(self):
        """The caller's number finds the customer, and the unit when there is one."""
        if not self.partner_phone or self.partner_id._aftersales_has_phone(self.partner_phone):
            return None
        customers = self.env["res.partner"]._aftersales_find_by_phone(self.partner_phone)
        if len(customers) == 1:
            self.partner_id = customers
            units = customers._aftersales_units()
            if len(units) == 1 and not self.lot_id:
                self.lot_id = units
            return None
        if customers:
            return {
                "warning": {
                    "title": _("Several customers have this number"),
                    "message": _(
                        "%(number)s belongs to %(names)s: choose the customer.",
                        number=self.partner_phone,
                        names=", ".join(customers.mapped("display_name")),
                    ),
                }
            }
        return None

    @api.onchange("lot_id")
    def _onchange_lot_id(self):
        """The serial number finds the customer."""
        owner = self.lot_id.customer_id
        if not owner or owner.commercial_partner_id == self.partner_id.commercial_partner_id:
            return None
        if not self.partner_id:
            self.partner_id = owner
            return None
        return {
            "warning": {
                "title": _("Unit of another customer"),
                "message": self.lot_id._aftersales_owner_mismatch_text(self.partner_id),
            }
        }

    @api.onchange("request_type", "partner_id", "lot_id", "fault_symptom_id")
    def _onchange_propose_title(self):
        """The clerk on the phone should not have to type a title: propose one until
        the clerk types their own."""
        if not self.name or self._aftersales_is_proposed_title(self.name):
            self.name = self._aftersales_proposed_title() or self.name

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name"):
                vals["name"] = self.new(vals)._aftersales_proposed_title() or _("Service Request")
        return super().create(vals_list)

    def write(self, vals):
        new_stage = self.env["helpdesk.ticket.stage"].browse(vals.get("stage_id"))
        if new_stage.aftersales_role == "solved":
            self._aftersales_ensure_no_open_job()
        res = super().write(vals)
        if new_stage.aftersales_role == "cancelled":
            self.job_ids.filtered("can_be_cancelled").action_cancel()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_aftersales_dispatch(self):
        """派工: open the job under way, else a new job (派工单) to dispatch. A request
        whose job was completed gets another one only through Re-dispatch on that job."""
        self.ensure_one()
        if self.open_job_id:
            return self.open_job_id._get_form_action()
        done = self.job_ids.filtered(lambda job: job.state in ("done", "called_back"))
        if done:
            raise UserError(
                _(
                    "Job %(job)s of request %(request)s is already completed. If the "
                    "problem is not solved, open the job and use Re-dispatch.",
                    job=done[:1].name,
                    request=self.display_name,
                )
            )
        if self.stage_id.closed:
            raise UserError(
                _("Request %(request)s is closed: reopen it first.", request=self.display_name)
            )
        job = self.env["aftersales.service.job"].create(self._prepare_service_job_vals())
        return job._get_form_action()

    def action_view_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_service_job_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id, "aftersales_person_only": True}
        return action

    def _prepare_service_job_vals(self):
        self.ensure_one()
        job_type = "installation" if self.request_type == "installation" else "repair"
        return {
            "ticket_id": self.id,
            "partner_id": self.partner_id.id,
            "lot_id": self.lot_id.id,
            "service_point_id": self.service_point_id.id,
            "job_type": job_type,
            "company_id": self.company_id.id,
        }

    # ------------------------------------------------------------------
    # Business methods: the request follows its jobs
    # ------------------------------------------------------------------

    def _aftersales_follow_jobs(self):
        """Move each request to the stage its jobs call for: a job dispatched → in
        progress; every job completed → solved (which closes the clocks); every job
        cancelled → back to new, to dispatch again. A cancelled request stays so."""
        for ticket in self:
            role = ticket._aftersales_role_from_jobs()
            stage = role and ticket._aftersales_stage_for(role)
            if stage and stage != ticket.stage_id:
                ticket.stage_id = stage

    def _aftersales_role_from_jobs(self):
        self.ensure_one()
        current = self.stage_id.aftersales_role
        if current == "cancelled" or not self.job_ids:
            return False
        live = self.job_ids.filtered(lambda job: job.state != "cancel")
        if not live:
            return "new" if current == "in_progress" else False
        if all(job.state in ("done", "called_back") for job in live):
            return "solved"
        if any(job.state in ("dispatched", "accepted", "on_site") for job in live):
            return "in_progress"
        return False

    def _aftersales_stage_for(self, role):
        """The first stage of the request's team (or of no team) with this role."""
        self.ensure_one()
        stages = self.team_id._get_applicable_stages()
        return stages.filtered(lambda stage: stage.aftersales_role == role)[:1]

    def _aftersales_ensure_no_open_job(self):
        tickets = self.filtered("open_job_id")
        if tickets:
            raise UserError(
                _(
                    "Jobs %(jobs)s are still under way: complete or cancel them before "
                    "solving the request.",
                    jobs=", ".join(tickets.mapped("open_job_id.name")),
                )
            )

    # ------------------------------------------------------------------
    # Business methods: intake
    # ------------------------------------------------------------------

    def _entitlement_depends(self):
        return ["lot_id", "reported_at"]

    def _entitlement_fault_date(self):
        return fields.Date.context_today(self, self.reported_at or fields.Datetime.now())

    def _entitlement_is_open(self):
        # A request being created is open (reading its stage would compute it early).
        return not (self._origin.id and self.stage_id.closed)

    def _aftersales_proposed_title(self):
        self.ensure_one()
        request_type = dict(self._fields["request_type"]._description_selection(self.env)).get(
            self.request_type
        )
        what = self.fault_symptom_id.name or self.product_id.name or self.partner_id.name
        return f"{request_type}: {what}" if request_type and what else False

    def _aftersales_is_proposed_title(self, title):
        """A title made by the form (request type: something), not typed by the clerk."""
        types = dict(self._fields["request_type"]._description_selection(self.env)).values()
        return any(title.startswith(f"{label}: ") for label in types)

    def _aftersales_recent_repair_text(self):
        """A warning when the unit was repaired shortly before the call, for the same
        symptom when one is given."""
        self.ensure_one()
        if not self.lot_id:
            return False
        day = fields.Date.context_today(self, self.reported_at or fields.Datetime.now())
        repairs = self.lot_id.aftersales_repair_ids.filtered(
            lambda repair: repair.remedy == "repair"
            and repair.date_end
            and 0 <= (day - repair.date_end).days <= RECENT_REPAIR_DAYS
        )
        if self.fault_symptom_id:
            keys = {self.fault_symptom_id.code, *self.fault_symptom_id.child_ids.mapped("code")}
            repairs = repairs.filtered(lambda repair: repair.fault_key in keys)
        last = repairs.sorted("date_end")[-1:]
        if not last:
            return False
        values = {
            "unit": self.lot_id.name,
            "days": (day - last.date_end).days,
            "date": format_date(self.env, last.date_end),
            "note": last.note or last.fault_key or "",
        }
        if self.fault_symptom_id:
            return _(
                "Unit %(unit)s was repaired for the same fault %(days)s days ago "
                "(%(date)s, %(note)s): check whether this is a repeat repair.",
                **values,
            )
        return _(
            "Unit %(unit)s was repaired %(days)s days ago (%(date)s, %(note)s): ask "
            "whether it is the same fault.",
            **values,
        )
