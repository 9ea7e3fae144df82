# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .aftersales_service_job import COMPLETED_STATES


class AftersalesServiceJob(models.Model):
    """KPI flags of a job, counted per service point with ``_read_group``
    (``res_partner_kpi.py``)."""

    _inherit = "aftersales.service.job"

    # KPI: first-time fix and repeat repairs, counted per service point with _read_group
    redispatch_ids = fields.One2many("aftersales.service.job", "previous_job_id", "Re-dispatches")
    first_time_fix = fields.Boolean(
        "First-Time Fix",
        compute="_compute_first_time_fix",
        store=True,
        help="Completed, no job (other than a cancelled one) was re-dispatched from this "
        "one and the unit did not come back for a repair within 30 days: the first visit "
        "solved the problem.",
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

    @api.depends("state", "redispatch_ids.state", "repeat_repair_30")
    def _compute_first_time_fix(self):
        for job in self:
            redispatched = job.redispatch_ids.filtered(lambda new: new.state != "cancel")
            job.first_time_fix = (
                job.state in COMPLETED_STATES and not redispatched and not job.repeat_repair_30
            )

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
