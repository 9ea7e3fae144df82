# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: the claim settings every company starts with: copies of the main company's
CLAIM_PRESET_MODELS = (
    "aftersales.claim.type",
    "aftersales.claim.check.rule",
    "aftersales.claim.reject.reason",
    "aftersales.penalty.rule",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_old_part_deadline = fields.Selection(
        [("days", "Days after Submission"), ("cutoff", "Fixed Cut-Off Dates")],
        "Old Parts Due",
        default="days",
        required=True,
        help="Days after Submission: within the days of the claim's first submission. "
        "Fixed Cut-Off Dates: by the first cut-off date on or after it.",
    )
    aftersales_old_part_cutoffs = fields.Char(
        "Old-Part Cut-Off Dates",
        default="06-30, 12-31",
        help="Month-day of each yearly cut-off, separated by commas (e.g. 06-30, 12-31).",
    )

    @api.constrains("aftersales_old_part_deadline", "aftersales_old_part_cutoffs")
    def _check_aftersales_old_part_cutoffs(self):
        for company in self.filtered(lambda c: c.aftersales_old_part_deadline == "cutoff"):
            company._aftersales_cutoff_month_days()

    def _aftersales_cutoff_month_days(self):
        """The cut-off dates as sorted (month, day); a clear error when they do not read."""
        self.ensure_one()
        month_days = []
        for text in (self.aftersales_old_part_cutoffs or "").replace("，", ",").split(","):
            try:
                month, day = (int(part) for part in text.strip().split("-"))
                date(2024, month, day)  # a leap year: 02-29 is a valid cut-off
            except ValueError:
                raise ValidationError(
                    _(
                        "Old-part cut-off date %(text)r is not a month-day such as 06-30: "
                        "write the dates as MM-DD, separated by commas.",
                        text=text.strip(),
                    )
                ) from None
            month_days.append((month, day))
        if not month_days:
            raise ValidationError(_("Give at least one old-part cut-off date, such as 06-30."))
        return sorted(month_days)

    def _aftersales_old_part_due(self, submitted):
        """The day the old parts of a claim first submitted on ``submitted`` are due."""
        self.ensure_one()
        if self.aftersales_old_part_deadline == "days":
            return submitted + timedelta(days=self.aftersales_old_part_return_days)
        for year in (submitted.year, submitted.year + 1):
            for month, day in self._aftersales_cutoff_month_days():
                if month == 2 and day == 29 and year % 4:
                    day = 28
                cutoff = date(year, month, day)
                if cutoff >= submitted:
                    return cutoff
        raise AssertionError("unreachable: a cut-off falls within a year")

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._aftersales_copy_claim_presets()
        return companies

    def _aftersales_copy_claim_presets(self):
        """A new company gets its own claim types, checks, rejection reasons and penalty
        rules, copied from the main company's: without checks, its claims would pass
        unchecked."""
        main = self.env.ref("base.main_company", raise_if_not_found=False)
        for company in self - main:
            for model in CLAIM_PRESET_MODELS:
                records = self.env[model].sudo().with_context(active_test=False)
                if records.search_count([("company_id", "=", company.id)], limit=1):
                    continue
                for preset in records.search([("company_id", "=", main.id)]):
                    preset.copy({"company_id": company.id})
