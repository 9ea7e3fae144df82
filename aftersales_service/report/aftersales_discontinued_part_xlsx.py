# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models


class AftersalesDiscontinuedPartXlsx(models.AbstractModel):
    """淘汰配件 as a spreadsheet: one row per part, the parts that run out first, the
    quantities as numbers and a total of what is still to buy."""

    _name = "report.aftersales_service.aftersales_discontinued_part_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Discontinued-Model Parts XLSX"

    def generate_xlsx_report(self, workbook, data, rows):
        lang = self.env.user.lang
        self = self.with_context(lang=lang)
        rows = rows.with_context(lang=lang)
        formats = {
            "bold": workbook.add_format({"bold": True}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "qty": workbook.add_format({"num_format": "#,##0.00"}),
            "months": workbook.add_format({"num_format": "0.0"}),
            "flag": workbook.add_format({"bold": True, "font_color": "#C00000"}),
        }
        sheet = workbook.add_worksheet(rows._xlsx_title()[:31])
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 1, 28)
        sheet.set_column(2, 3, 22)
        sheet.set_column(4, 12, 13)
        headers = self._headers()
        for column, header in enumerate(headers):
            sheet.write(0, column, header, formats["header"])
        row = 1
        classes = dict(rows._fields["part_class"]._description_selection(rows.env))
        for line in rows:
            self._write_row(sheet, row, line, classes, formats)
            row += 1
        sheet.write(row, 0, _("Total"), formats["bold"])
        for column, field_name in ((7, "stock_qty"), (8, "consumed_qty"), (12, "shortfall_qty")):
            sheet.write_number(row, column, sum(rows.mapped(field_name)), formats["qty"])
        sheet.freeze_panes(1, 0)

    def _headers(self):
        return [
            _("Internal Reference"),
            _("Part"),
            _("Part Class"),
            _("Used in Models"),
            _("Production Stopped"),
            _("Guarantee Ends"),
            _("Months Left"),
            _("Stock"),
            _("Used in 12 Months"),
            _("Monthly Consumption"),
            _("Months of Stock"),
            _("Runs Out On"),
            _("To Buy"),
        ]

    def _write_row(self, sheet, row, line, classes, formats):
        sheet.write(row, 0, line.product_id.default_code or "")
        sheet.write(row, 1, line.product_id.name, formats["flag"] if line.runs_out else None)
        sheet.write(row, 2, classes.get(line.part_class, ""))
        sheet.write(row, 3, line.model_names or "")
        for column, value in ((4, line.production_end_date), (5, line.guarantee_end_date)):
            sheet.write_datetime(row, column, value, formats["date"])
        sheet.write_number(row, 6, line.months_left, formats["months"])
        sheet.write_number(row, 7, line.stock_qty, formats["qty"])
        sheet.write_number(row, 8, line.consumed_qty, formats["qty"])
        sheet.write_number(row, 9, line.monthly_qty, formats["qty"])
        sheet.write_number(row, 10, line.months_of_cover, formats["months"])
        if line.runout_date:
            sheet.write_datetime(row, 11, line.runout_date, formats["date"])
        sheet.write_number(row, 12, line.shortfall_qty, formats["qty"])
