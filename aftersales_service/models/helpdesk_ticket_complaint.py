# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models

COMPLAINT_CATEGORIES = [
    ("suggestion", "Suggestion"),
    ("grievance", "Grievance"),
    ("engineer", "Evaluation of the Engineer"),
]
COMPLAINT_SEVERITIES = [("minor", "Minor"), ("major", "Major")]


class HelpdeskTicket(models.Model):
    """Complaints (投诉): category, severity, root cause; a major one is escalated."""

    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Fields: complaints
    # ------------------------------------------------------------------

    complaint_category = fields.Selection(COMPLAINT_CATEGORIES, tracking=True)
    complaint_severity = fields.Selection(
        COMPLAINT_SEVERITIES,
        tracking=True,
        help="A major complaint is escalated to the management.",
    )
    complaint_upheld = fields.Boolean(
        tracking=True,
        copy=False,
        index=True,  # searched by the complaint penalty rule's deductions
        help="The complaint is founded and the service point is responsible: the "
        "complaint penalty rule deducts from its deposit.",
    )
    root_cause = fields.Text()
    prevention = fields.Text(string="Preventive Action")
    complaint_escalated = fields.Boolean(
        copy=False,
        readonly=True,
        help="Technical: the major complaint was escalated with an activity.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._aftersales_escalate_major_complaints()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if {"request_type", "complaint_severity"} & set(vals):
            self._aftersales_escalate_major_complaints()
        return res

    # ------------------------------------------------------------------
    # Business methods: complaints
    # ------------------------------------------------------------------

    def _aftersales_escalation_user(self):
        """Who handles escalations of the ticket: the team leader, else the first
        after-sales manager of the ticket's company."""
        self.ensure_one()
        if self.team_id.user_id:
            return self.team_id.user_id
        return self.company_id._aftersales_first_manager()

    def _aftersales_escalate_major_complaints(self):
        """Schedule one activity per major complaint, never twice."""
        to_escalate = self.filtered(
            lambda t: t.request_type == "complaint"
            and t.complaint_severity == "major"
            and not t.complaint_escalated
        )
        for ticket in to_escalate:
            ticket.complaint_escalated = True
            user = ticket._aftersales_escalation_user()
            if user:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Major complaint: review and reply"),
                    user_id=user.id,
                )
