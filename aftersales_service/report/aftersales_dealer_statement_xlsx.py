# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models


class AftersalesDealerStatementXlsx(models.AbstractModel):
    """经销商往来对账单 as a spreadsheet: the same figures as the PDF, one sheet per
    statement, amounts as numbers the accountant can add up."""

    _name = "report.aftersales_service.aftersales_dealer_statement_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Dealer Statement XLSX"

    def generate_xlsx_report(self, workbook, data, statements):
        bold = workbook.add_format({"bold": True})
        date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for statement in statements:
            lang = statement.partner_id.lang or self.env.user.lang
            statement = statement.with_context(lang=lang)
            money = workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(statement.currency_id)}
            )
            self.with_context(lang=lang)._write_statement(
                workbook, statement, {"bold": bold, "date": date, "money": money}
            )

    def _write_statement(self, workbook, statement, formats):
        figures = statement._statement()
        partner = statement.partner_id.commercial_partner_id
        sheet = workbook.add_worksheet(partner.name[:31])
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 4, 22)
        sheet.set_column(5, 7, 16)
        title = (
            _("Deposit Statement")
            if statement.statement_type == "deposit"
            else _("Dealer Statement")
        )
        sheet.write(0, 0, title, formats["bold"])
        sheet.write(1, 0, _("Dealer"))
        sheet.write(1, 1, partner.name)
        sheet.write(2, 0, _("Period"))
        sheet.write_datetime(2, 1, statement.date_from, formats["date"])
        sheet.write_datetime(2, 2, statement.date_to, formats["date"])
        sheet.write(3, 0, _("Opening Balance"), formats["bold"])
        sheet.write_number(3, 7, figures["opening"], formats["money"])
        headers = [
            _("Date"),
            _("Entry"),
            _("Type"),
            _("Reference"),
            _("Description"),
            _("Debit"),
            _("Credit"),
            _("Balance"),
        ]
        for column, header in enumerate(headers):
            sheet.write(5, column, header, formats["bold"])
        row = 6
        for item in figures["rows"]:
            sheet.write_datetime(row, 0, item["date"], formats["date"])
            sheet.write(row, 1, item["move"])
            sheet.write(row, 2, item["kind"])
            sheet.write(row, 3, item["reference"])
            sheet.write(row, 4, item["label"])
            sheet.write_number(row, 5, item["debit"], formats["money"])
            sheet.write_number(row, 6, item["credit"], formats["money"])
            sheet.write_number(row, 7, item["balance"], formats["money"])
            row += 1
        sheet.write(row, 0, _("Period Total"), formats["bold"])
        sheet.write_number(row, 5, figures["debit"], formats["money"])
        sheet.write_number(row, 6, figures["credit"], formats["money"])
        row += 2
        for label, amount in figures["totals"]:
            sheet.write(row, 0, label)
            sheet.write_number(row, 7, amount, formats["money"])
            row += 1
        sheet.write(row, 0, _("Closing Balance"), formats["bold"])
        sheet.write_number(row, 7, figures["closing"], formats["money"])
        if statement.statement_type == "deposit":
            for label, key in ((_("Required Deposit"), "required"), (_("Shortfall"), "shortfall")):
                row += 1
                sheet.write(row, 0, label)
                sheet.write_number(row, 7, figures[key], formats["money"])
        sheet.freeze_panes(6, 0)
