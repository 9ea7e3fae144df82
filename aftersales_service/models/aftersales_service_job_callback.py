# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

CALLBACK_METHODS = [("phone", "Phone"), ("visit", "On Site"), ("mail", "Mail")]
SCORES = [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]
UNSATISFIED_BELOW = 3.0


class AftersalesServiceJob(models.Model):
    """The return visit (回访) after a job: the customer's three answers, the
    satisfaction, the rating survey, and a complaint when the customer is unhappy."""

    _inherit = "aftersales.service.job"

    # Callback (回访)
    callback_method = fields.Selection(CALLBACK_METHODS, copy=False)
    callback_attitude = fields.Selection(SCORES, "Service Attitude", copy=False)
    callback_quality = fields.Selection(SCORES, "Repair Quality", copy=False)
    callback_resolution = fields.Selection(SCORES, "Problem Solved", copy=False)
    satisfaction = fields.Float(
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="The mean of the three callback answers, 1 to 5; empty until the customer "
        "answered (averages count the answered jobs only).",
    )
    is_rated = fields.Boolean(
        "Answered", compute="_compute_satisfaction", store=True, help="The customer answered."
    )
    callback_note = fields.Text("Callback Notes", copy=False)
    callback_at = fields.Datetime(readonly=True, copy=False)
    callback_user_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_unsatisfied = fields.Boolean(compute="_compute_satisfaction", store=True)

    @api.depends("callback_attitude", "callback_quality", "callback_resolution")
    def _compute_satisfaction(self):
        for job in self:
            scores = [
                int(score)
                for score in (job.callback_attitude, job.callback_quality, job.callback_resolution)
                if score
            ]
            job.satisfaction = sum(scores) / len(scores) if scores else 0.0
            job.is_rated = bool(scores)
            job.is_unsatisfied = bool(scores) and job.satisfaction < UNSATISFIED_BELOW

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """Average the satisfaction over the answered jobs only: a float column cannot
        hold "no answer", which is stored as 0 (the answers are 1 to 5)."""
        if aggregate_spec == "satisfaction:avg":
            column = self._field_to_sql(self._table, "satisfaction", query)
            return SQL("AVG(NULLIF(%s, 0))", column)
        return super()._read_group_select(aggregate_spec, query)

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
