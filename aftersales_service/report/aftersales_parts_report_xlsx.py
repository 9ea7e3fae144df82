# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models

HEADER_ROW = 3


class AftersalesPartsReportXlsx(models.AbstractModel):
    """The parts store's reports as spreadsheets: a title, the period, a frozen header
    row, quantities and amounts as numbers and a total row."""

    _name = "report.aftersales_service.aftersales_parts_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Parts Report XLSX"

    def generate_xlsx_report(self, workbook, data, exports):
        for export in exports:
            lang = self.env.user.lang
            export = export.with_context(lang=lang)
            self.with_context(lang=lang)._write_export(workbook, export)

    def _formats(self, workbook, export):
        currency = export.company_id.currency_id
        return {
            "bold": workbook.add_format({"bold": True}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "text": workbook.add_format({}),
            "qty": workbook.add_format({"num_format": "#,##0.00"}),
            "money": workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(currency)}
            ),
            "percent": workbook.add_format({"num_format": "0.00%"}),
            "total_qty": workbook.add_format({"bold": True, "num_format": "#,##0.00"}),
            "total_money": workbook.add_format(
                {"bold": True, "num_format": self._report_xlsx_currency_format(currency)}
            ),
        }

    def _write_export(self, workbook, export):
        headers, rows, column_formats, totals = export._report_table()
        formats = self._formats(workbook, export)
        title = export._report_name()
        sheet = workbook.add_worksheet(title[:31])
        sheet.write(0, 0, title, formats["bold"])
        sheet.write(1, 0, _("Period"))
        sheet.write(1, 1, fields.Date.to_string(export.date_from))
        sheet.write(1, 2, fields.Date.to_string(export.date_to))
        for column, header in enumerate(headers):
            sheet.write(HEADER_ROW, column, header, formats["header"])
            sheet.set_column(column, column, 14 if column_formats[column] != "text" else 20)
        row = HEADER_ROW + 1
        for values in rows:
            for column, value in enumerate(values):
                kind = column_formats[column]
                if kind == "text":
                    sheet.write_string(row, column, value or "")
                else:
                    sheet.write_number(row, column, value or 0.0, formats[kind])
            row += 1
        sheet.write(row, 0, _("Total"), formats["bold"])
        for column in totals:
            total_format = formats[
                "total_money" if column_formats[column] == "money" else "total_qty"
            ]
            sheet.write_number(row, column, sum(values[column] for values in rows), total_format)
        sheet.freeze_panes(HEADER_ROW + 1, 0)
