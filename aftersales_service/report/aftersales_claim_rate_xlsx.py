# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models

from .aftersales_claim_rate import MIS_STEPS


class AftersalesClaimRateXlsx(models.AbstractModel):
    """千台索赔率 by model × MIS as a spreadsheet: the rows chosen in the list, one per model
    and month of sale, then each model's total as the claimed units over the units of the
    months old enough (the same figures as the list)."""

    _name = "report.aftersales_service.aftersales_claim_rate_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Claim Rate per 1,000 Units XLSX"

    def generate_xlsx_report(self, workbook, data, rows):
        formats = {
            "bold": workbook.add_format({"bold": True}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "month": workbook.add_format({"num_format": "yyyy-mm"}),
            "count": workbook.add_format({"num_format": "#,##0"}),
            "rate": workbook.add_format({"num_format": "0.00"}),
            "total_rate": workbook.add_format({"num_format": "0.00", "bold": True}),
        }
        sheet = workbook.add_worksheet(_("Claim Rate per 1,000 Units")[:31])
        headers = [
            _("Product Model"),
            _("Month of Sale"),
            _("Units Sold"),
            _("Units with a Claim"),
            *(_("MIS %(months)s", months=n) for n in MIS_STEPS),
        ]
        sheet.write(0, 0, _("Claim Rate per 1,000 Units"), formats["bold"])
        sheet.write(1, 0, _("Claims per 1,000 units sold, by months in service (MIS)"))
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(headers) - 1, 12)
        for column, header in enumerate(headers):
            sheet.write(3, column, header, formats["header"])
        sheet.freeze_panes(4, 0)
        row = 4
        rows = rows.sorted(lambda rate: (rate.product_tmpl_id.display_name, rate.sale_month))
        for rate in rows:
            self._write_cohort(sheet, row, rate, formats)
            row += 1
        totals = rows._rates([("id", "in", rows.ids)], ["product_tmpl_id"])
        for model in rows.product_tmpl_id:
            model_rows = rows.filtered(lambda rate, model=model: rate.product_tmpl_id == model)
            sheet.write(row, 0, _("%(model)s total", model=model.display_name), formats["bold"])
            sheet.write_number(row, 2, sum(model_rows.mapped("units")), formats["count"])
            sheet.write_number(row, 3, sum(model_rows.mapped("claimed_units")), formats["count"])
            for column, n in enumerate(MIS_STEPS, start=4):
                value = totals.get((model,), {}).get(n)
                if value is not None:
                    sheet.write_number(row, column, value, formats["total_rate"])
            row += 1

    def _write_cohort(self, sheet, row, rate, formats):
        sheet.write(row, 0, rate.product_tmpl_id.display_name)
        sheet.write_datetime(row, 1, rate.sale_month, formats["month"])
        sheet.write_number(row, 2, rate.units, formats["count"])
        sheet.write_number(row, 3, rate.claimed_units, formats["count"])
        for column, n in enumerate(MIS_STEPS, start=4):
            if rate.months_observed >= n:
                sheet.write_number(row, column, rate[f"rate_mis{n}"], formats["rate"])
