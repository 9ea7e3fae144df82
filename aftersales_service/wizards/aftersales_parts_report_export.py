# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

PARTS_REPORTS = [
    ("movement", "Monthly Parts Receipts and Issues"),
    ("profit", "Monthly Parts Profit"),
    ("stock", "Daily Parts Stock"),
    ("orders", "Daily Parts Orders"),
]

# the role that may see each report
REPORT_GROUPS = {
    "movement": "aftersales_service.group_aftersales_warehouse",
    "profit": "aftersales_service.group_aftersales_accountant",
    "stock": "aftersales_service.group_aftersales_warehouse",
    "orders": "aftersales_service.group_aftersales_clerk",
}


class AftersalesPartsReportExport(models.TransientModel):
    """Exports one of the parts store's reports for a period as a spreadsheet
    (配件收发月统计表, 售后配件月利润表, 售后库存配件日统计报表, 配件订单日统计表)."""

    _name = "aftersales.parts.report.export"
    _description = "Parts Report Export"

    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    report = fields.Selection(PARTS_REPORTS, required=True, default="movement")
    date_from = fields.Date(
        "From", required=True, default=lambda s: fields.Date.context_today(s).replace(day=1)
    )
    date_to = fields.Date("To", required=True, default=fields.Date.context_today)
    location_id = fields.Many2one(
        "stock.location",
        check_company=True,
        domain=[("usage", "=", "internal")],
        help="Only this location and those under it; empty for every internal location.",
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for export in self:
            if export.date_from > export.date_to:
                raise UserError(_("The period ends before it starts: correct the dates."))

    def _check_report_access(self):
        self.ensure_one()
        if not self.env.user.has_group(REPORT_GROUPS[self.report]):
            raise AccessError(
                _(
                    "You may not see the %(report)s: ask someone with that role to export it.",
                    report=self._report_name(),
                )
            )

    def _report_name(self):
        return dict(self._fields["report"]._description_selection(self.env))[self.report]

    def action_export(self):
        self._check_report_access()
        return self.env.ref("aftersales_service.aftersales_parts_report_xlsx").report_action(self)

    # ------------------------------------------------------------------
    # The data of each report: (headers, rows, column formats, columns to total)
    # ------------------------------------------------------------------
    def _report_table(self):
        self._check_report_access()
        return getattr(self, f"_table_{self.report}")()

    def _period_domain(self, field="date"):
        return [
            (field, ">=", self.date_from),
            (field, "<", self.date_to + relativedelta(days=1)),
            ("company_id", "=", self.company_id.id),
        ]

    def _location_domain(self, field="location_id"):
        return [(field, "child_of", self.location_id.id)] if self.location_id else []

    def _class_name(self, value):
        field = self.env["product.category"]._fields["aftersales_part_class"]
        return dict(field._description_selection(self.env)).get(value, "")

    def _table_movement(self):
        Report = self.env["aftersales.parts.movement.report"]
        groups = Report._read_group(
            self._period_domain() + self._location_domain(),
            ["date:month", "product_id", "part_class"],
            ["received_qty:sum", "issued_qty:sum"],
        )
        headers = [
            _("Month"),
            _("Part Code"),
            _("Part"),
            _("Part Class"),
            _("Received"),
            _("Issued"),
        ]
        rows = [
            [
                month.strftime("%Y-%m"),
                product.default_code or "",
                product.name,
                self._class_name(part_class),
                received,
                issued,
            ]
            for month, product, part_class, received, issued in groups
        ]
        return headers, rows, ["text", "text", "text", "text", "qty", "qty"], [4, 5]

    def _table_profit(self):
        Report = self.env["aftersales.parts.profit.report"]
        groups = Report._read_group(
            self._period_domain(),
            ["date:month", "partner_id", "product_id"],
            ["quantity:sum", "sales_amount:sum", "cost_amount:sum", "margin:sum"],
        )
        headers = [
            _("Month"),
            _("Dealer"),
            _("Part Code"),
            _("Part"),
            _("Quantity Sold"),
            _("Sales"),
            _("Cost of Sales"),
            _("Margin"),
            _("Margin %"),
        ]
        rows = [
            [
                month.strftime("%Y-%m"),
                partner.display_name or "",
                product.default_code or "",
                product.name,
                quantity,
                sales,
                cost,
                margin,
                margin / sales if sales else 0.0,
            ]
            for month, partner, product, quantity, sales, cost, margin in groups
        ]
        formats = ["text", "text", "text", "text", "qty", "money", "money", "money", "percent"]
        return headers, rows, formats, [4, 5, 6, 7]

    def _table_stock(self):
        """The stock of each part in each internal location at the end of each day of
        the period: the done moves into the location up to that day less those out."""
        headers = [
            _("Date"),
            _("Location"),
            _("Part Code"),
            _("Part"),
            _("Part Class"),
            _("Quantity"),
        ]
        rows = []
        day = self.date_from
        while day <= self.date_to:
            for (location, product), quantity in sorted(
                self._stock_at(day).items(),
                key=lambda item: (item[0][0].complete_name, item[0][1].display_name),
            ):
                rows.append(
                    [
                        fields.Date.to_string(day),
                        location.complete_name,
                        product.default_code or "",
                        product.name,
                        self._class_name(product.categ_id.aftersales_part_class),
                        quantity,
                    ]
                )
            day += relativedelta(days=1)
        return headers, rows, ["text", "text", "text", "text", "text", "qty"], [5]

    def _stock_at(self, day):
        end = fields.Datetime.to_datetime(day) + relativedelta(days=1)
        base = [
            ("state", "=", "done"),
            ("date", "<", end),
            ("company_id", "=", self.company_id.id),
            ("product_id.categ_id.aftersales_part_class", "!=", False),
        ]
        totals = {}
        for field, sign in (("location_dest_id", 1), ("location_id", -1)):
            domain = [*base, (f"{field}.usage", "=", "internal"), *self._location_domain(field)]
            for location, product, quantity in self.env["stock.move.line"]._read_group(
                domain, [field, "product_id"], ["quantity_product_uom:sum"]
            ):
                totals[location, product] = totals.get((location, product), 0.0) + sign * quantity
        return {key: quantity for key, quantity in totals.items() if quantity}

    def _table_orders(self):
        orders = self.env["sale.order"].search(
            [
                *self._period_domain("date_order"),
                "|",
                ("partner_id.commercial_partner_id.is_dealer", "=", True),
                ("partner_id.commercial_partner_id.is_service_point", "=", True),
            ],
            order="date_order, id",
        )
        states = dict(orders._fields["state"]._description_selection(self.env))
        headers = [
            _("Date"),
            _("Order"),
            _("Dealer"),
            _("Status"),
            _("Untaxed Amount"),
            _("Total"),
        ]
        rows = [
            [
                fields.Date.to_string(fields.Date.context_today(order, order.date_order)),
                order.name,
                order.partner_id.commercial_partner_id.display_name,
                states.get(order.state, order.state),
                order.amount_untaxed,
                order.amount_total,
            ]
            for order in orders
        ]
        return headers, rows, ["text", "text", "text", "text", "money", "money"], [4, 5]
