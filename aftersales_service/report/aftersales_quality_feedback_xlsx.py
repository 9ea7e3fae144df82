# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models

HEADER_ROW = 3


class AftersalesQualityFeedbackXlsx(models.AbstractModel):
    """质量信息反馈表 as a workbook, one sheet per view, the period on top of each, in
    xlsxwriter's constant-memory mode (rows written in order, flushed as they go): the
    figures come grouped from the database, never one row per claim line."""

    _name = "report.aftersales_service.aftersales_quality_feedback_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Quality Information Feedback XLSX"

    def get_workbook_options(self):
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, feedbacks):
        feedback = feedbacks[:1]
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "bold": workbook.add_format({"bold": True}),
            "count": workbook.add_format({"num_format": "#,##0"}),
            "money": workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(feedback.currency_id)}
            ),
            "percent": workbook.add_format({"num_format": "0.0%"}),
            "rate": workbook.add_format({"num_format": "0.00"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        }
        self._sheet_models(workbook, feedback, formats)
        self._sheet_faults(workbook, feedback, formats)
        self._sheet_parts(workbook, feedback, formats)
        self._sheet_suppliers(workbook, feedback, formats)
        self._sheet_points(workbook, feedback, formats)
        self._sheet_warnings(workbook, feedback, formats)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _start_sheet(self, workbook, feedback, name, headers, formats, widths):
        sheet = workbook.add_worksheet(name[:31])
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        title = _("Quality Information Feedback")
        sheet.write(0, 0, f"{title} · {name}", formats["title"])
        period = _(
            "Period: %(start)s – %(end)s",
            start=feedback.date_from.isoformat(),
            end=feedback.date_to.isoformat(),
        )
        if feedback.product_tmpl_id:
            period += "  " + _("Product Model: %(model)s", model=feedback.product_tmpl_id.name)
        sheet.write(1, 0, period)
        for column, header in enumerate(headers):
            sheet.write(HEADER_ROW, column, header, formats["header"])
        sheet.freeze_panes(HEADER_ROW + 1, 0)
        return sheet

    def _write_row(self, sheet, row, values, row_formats):
        for column, (value, fmt) in enumerate(zip(values, row_formats, strict=True)):
            if isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(row, column, value, fmt)
            else:
                sheet.write(row, column, value or "", fmt)

    # ------------------------------------------------------------------
    # The sheets
    # ------------------------------------------------------------------
    def _sheet_models(self, workbook, feedback, formats):
        headers = [
            _("Product Model"),
            _("Units in Service"),
            _("Claims"),
            _("Claims per 1,000 Units in Service"),
            _("Claimed"),
            _("Approved"),
            _("Cost per Unit in Service"),
        ]
        sheet = self._start_sheet(
            workbook, feedback, _("By Model"), headers, formats, [28, 14, 10, 16, 14, 14, 16]
        )
        fmt = [None, formats["count"], formats["count"], formats["rate"]] + [formats["money"]] * 3
        row, totals = HEADER_ROW + 1, [0, 0, 0.0, 0.0]
        for model, units, claims, claimed, approved in feedback._by_model():
            rate = claims * 1000.0 / units if units else 0.0
            cost = approved / units if units else 0.0
            self._write_row(
                sheet, row, [model.name, units, claims, rate, claimed, approved, cost], fmt
            )
            totals = [
                t + v for t, v in zip(totals, (units, claims, claimed, approved), strict=True)
            ]
            row += 1
        units, claims, claimed, approved = totals
        self._write_row(
            sheet,
            row,
            [
                _("Total"),
                units,
                claims,
                claims * 1000.0 / units if units else 0.0,
                claimed,
                approved,
                approved / units if units else 0.0,
            ],
            [formats["bold"], *fmt[1:]],
        )

    def _sheet_faults(self, workbook, feedback, formats):
        headers = [_("Product Model"), _("Fault Code"), _("Claims"), _("Share"), _("Cumulative")]
        sheet = self._start_sheet(
            workbook, feedback, _("Fault Pareto"), headers, formats, [28, 32, 10, 10, 12]
        )
        fmt = [None, None, formats["count"], formats["percent"], formats["percent"]]
        row, total = HEADER_ROW + 1, 0
        for model, fault, claims, share, cumulative in feedback._fault_pareto():
            self._write_row(
                sheet, row, [model.name, fault.display_name, claims, share, cumulative], fmt
            )
            total += claims
            row += 1
        self._write_row(sheet, row, [_("Total"), "", total, 1.0 if total else 0.0, ""], fmt)

    def _sheet_parts(self, workbook, feedback, formats):
        headers = [_("Part"), _("Supplier"), _("Quantity"), _("Approved")]
        sheet = self._start_sheet(
            workbook, feedback, _("Parts and Suppliers"), headers, formats, [32, 28, 10, 14]
        )
        fmt = [None, None, formats["rate"], formats["money"]]
        row, quantity, approved = HEADER_ROW + 1, 0.0, 0.0
        for part, supplier, qty, amount in feedback._parts():
            self._write_row(sheet, row, [part.display_name, supplier.name, qty, amount], fmt)
            quantity, approved = quantity + qty, approved + amount
            row += 1
        self._write_row(sheet, row, [_("Total"), "", quantity, approved], fmt)

    def _sheet_suppliers(self, workbook, feedback, formats):
        headers = [
            _("Supplier"),
            _("Failed Parts"),
            _("Approved"),
            _("Recoverable"),
            _("Accepted by the Supplier"),
            _("Old Parts Returned"),
        ]
        sheet = self._start_sheet(
            workbook, feedback, _("Supplier Quality"), headers, formats, [30, 12, 14, 14, 18, 14]
        )
        fmt = [None, formats["rate"]] + [formats["money"]] * 3 + [formats["rate"]]
        row, totals = HEADER_ROW + 1, [0.0] * 5
        for supplier, *figures in feedback._suppliers():
            self._write_row(sheet, row, [supplier.name, *figures], fmt)
            totals = [t + v for t, v in zip(totals, figures, strict=True)]
            row += 1
        self._write_row(sheet, row, [_("Total"), *totals], [formats["bold"], *fmt[1:]])

    def _sheet_points(self, workbook, feedback, formats):
        """Claims and money of each point, beside its service KPIs over the period."""
        headers = [
            _("Service Point"),
            _("Region"),
            _("Claims"),
            _("Claimed"),
            _("Approved"),
            _("Service Requests"),
            _("Callback On-Time Rate (%)"),
            _("On-Site On-Time Rate (%)"),
            _("First-Time Fix Rate (%)"),
            _("Complaint Rate (%)"),
            _("Average Satisfaction"),
        ]
        sheet = self._start_sheet(
            workbook,
            feedback,
            _("Service Points"),
            headers,
            formats,
            [30, 20, 10, 14, 14, 12, 14, 14, 14, 14, 12],
        )
        fmt = [None, None, formats["count"], formats["money"], formats["money"], formats["count"]]
        fmt += [formats["rate"]] * 5
        row, totals = HEADER_ROW + 1, [0, 0.0, 0.0]
        for point, region, claims, claimed, approved in feedback._points():
            kpis = [
                point.kpi_request_count,
                point.kpi_callback_on_time_rate,
                point.kpi_onsite_on_time_rate,
                point.kpi_first_time_fix_rate,
                point.kpi_complaint_rate,
                point.kpi_avg_satisfaction,
            ]
            self._write_row(
                sheet, row, [point.name, region.display_name, claims, claimed, approved, *kpis], fmt
            )
            totals = [t + v for t, v in zip(totals, (claims, claimed, approved), strict=True)]
            row += 1
        self._write_row(sheet, row, [_("Total"), "", *totals], fmt[:5])

    def _sheet_warnings(self, workbook, feedback, formats):
        headers = [
            _("Number"),
            _("Severity"),
            _("Product Model"),
            _("Fault Code / Part"),
            _("Occurrences"),
            _("Status"),
            _("Answer Deadline"),
        ]
        sheet = self._start_sheet(
            workbook,
            feedback,
            _("Quality Warnings"),
            headers,
            formats,
            [16, 10, 28, 32, 12, 12, 18],
        )
        Warning = self.env["aftersales.quality.warning"]
        severities = dict(Warning._fields["severity"]._description_selection(self.env))
        states = dict(Warning._fields["state"]._description_selection(self.env))
        row = HEADER_ROW + 1
        for warning in feedback._warnings():
            sheet.write(row, 0, warning.name)
            sheet.write(row, 1, severities[warning.severity])
            sheet.write(row, 2, warning.product_tmpl_id.name)
            sheet.write(row, 3, (warning.part_id or warning.fault_code_id).display_name or "")
            sheet.write_number(row, 4, warning.occurrences, formats["count"])
            sheet.write(row, 5, states[warning.state])
            if warning.deadline:
                sheet.write_datetime(row, 6, warning.deadline, formats["date"])
            row += 1
