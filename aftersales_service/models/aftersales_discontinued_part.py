# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.tools import float_round

from .product_category import PART_CLASSES

#: days in an average month: the consumption of 12 months per month
DAYS_PER_MONTH = 365.25 / 12


class AftersalesDiscontinuedPart(models.TransientModel):
    """淘汰配件: the service parts of the models whose production stopped, while the
    parts-supply guarantee runs. At the last 12 months' consumption, does the stock last
    until the guarantee ends? A part that runs out before is flagged with the quantity
    still to buy (last-time buy) — computed from the quants and the done moves, no SQL."""

    _name = "aftersales.discontinued.part"
    _description = "Discontinued-Model Part"
    _order = "runs_out desc, months_of_cover, product_id"

    company_id = fields.Many2one("res.company", required=True, readonly=True)
    product_id = fields.Many2one("product.product", "Part", required=True, readonly=True)
    part_class = fields.Selection(PART_CLASSES, readonly=True)
    model_names = fields.Char("Used in Models", readonly=True)
    production_end_date = fields.Date("Production Stopped", readonly=True)
    guarantee_end_date = fields.Date("Guarantee Ends", readonly=True)
    months_left = fields.Float(digits=(16, 1), readonly=True)
    stock_qty = fields.Float("Stock", digits="Product Unit of Measure", readonly=True)
    consumed_qty = fields.Float(
        "Used in 12 Months", digits="Product Unit of Measure", readonly=True
    )
    monthly_qty = fields.Float(
        "Monthly Consumption", digits="Product Unit of Measure", readonly=True
    )
    months_of_cover = fields.Float(
        "Months of Stock",
        digits=(16, 1),
        readonly=True,
        help="Stock divided by the monthly consumption; empty without consumption.",
    )
    runout_date = fields.Date("Runs Out On", readonly=True)
    shortfall_qty = fields.Float(
        "To Buy",
        digits="Product Unit of Measure",
        readonly=True,
        help="What the guarantee still needs beyond the stock, at the present consumption.",
    )
    runs_out = fields.Boolean(
        "Runs Out Before the Guarantee Ends",
        readonly=True,
        help="At the last 12 months' consumption, the stock is used up before the "
        "parts-supply guarantee ends.",
    )

    @api.model
    def action_open(self):
        """Compute the company's 淘汰配件 now and show it, the parts that run out first."""
        rows = self._aftersales_compute(self.env.company)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_discontinued_part_action"
        )
        action["domain"] = [("id", "in", rows.ids)]
        return action

    def action_export_xlsx(self):
        return self.env.ref("aftersales_service.aftersales_discontinued_part_xlsx").report_action(
            self
        )

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_compute(self, company, today=None):
        today = today or fields.Date.context_today(self)
        guarantee = self._guaranteed_parts(company, today)
        if not guarantee:
            return self.browse()
        parts = self.env["product.product"].browse(list(guarantee))
        stock = self._stock_by_part(company, parts)
        consumed = self._consumption_by_part(company, parts, today)
        return self.create(
            [
                self._row_values(company, part, guarantee[part.id], stock, consumed, today)
                for part in parts
            ]
        )

    @api.model
    def _guaranteed_parts(self, company, today):
        """{part id: (models, latest production end, guarantee end)} of the service parts
        of the discontinued models whose guarantee still runs."""
        years = company.aftersales_parts_guarantee_years
        lines = self.env["aftersales.service.part"].search(
            [
                ("product_tmpl_id.aftersales_production_end_date", "!=", False),
                ("company_id", "in", [company.id, False]),
            ]
        )
        models_by_part = defaultdict(lambda: self.env["product.template"])
        for line in lines:
            end = line.product_tmpl_id.aftersales_production_end_date + relativedelta(years=years)
            if end > today:
                models_by_part[line.part_id.id] |= line.product_tmpl_id
        result = {}
        for part_id, templates in models_by_part.items():
            stopped = max(templates.mapped("aftersales_production_end_date"))
            result[part_id] = (templates, stopped, stopped + relativedelta(years=years))
        return result

    @api.model
    def _stock_by_part(self, company, parts):
        groups = self.env["stock.quant"]._read_group(
            [
                ("product_id", "in", parts.ids),
                ("company_id", "=", company.id),
                ("location_id.usage", "=", "internal"),
            ],
            groupby=["product_id"],
            aggregates=["quantity:sum"],
        )
        return {product.id: quantity for product, quantity in groups}

    @api.model
    def _consumption_by_part(self, company, parts, today):
        """What left the company's stock for customers (jobs, dealers' orders) or was
        used in the last 12 months."""
        since = fields.Datetime.to_datetime(today - relativedelta(months=12))
        groups = self.env["stock.move"]._read_group(
            [
                ("product_id", "in", parts.ids),
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("date", ">=", since),
                ("location_id.usage", "=", "internal"),
                ("location_dest_id.usage", "in", ("customer", "production")),
            ],
            groupby=["product_id"],
            aggregates=["product_qty:sum"],
        )
        return {product.id: quantity for product, quantity in groups}

    @api.model
    def _row_values(self, company, part, guarantee, stock, consumed, today):
        templates, stopped, end = guarantee
        rounding = part.uom_id.rounding
        months_left = (end - today).days / DAYS_PER_MONTH
        on_hand = stock.get(part.id, 0.0)
        monthly = consumed.get(part.id, 0.0) / 12
        cover = on_hand / monthly if monthly else 0.0
        needed = float_round(monthly * months_left, precision_rounding=rounding)
        runs_out = bool(monthly) and cover < months_left
        return {
            "company_id": company.id,
            "product_id": part.id,
            "part_class": part.categ_id.aftersales_part_class,
            "model_names": ", ".join(templates.mapped("display_name")),
            "production_end_date": stopped,
            "guarantee_end_date": end,
            "months_left": months_left,
            "stock_qty": on_hand,
            "consumed_qty": consumed.get(part.id, 0.0),
            "monthly_qty": monthly,
            "months_of_cover": cover,
            "runout_date": (
                today + relativedelta(days=int(cover * DAYS_PER_MONTH)) if monthly else False
            ),
            "shortfall_qty": max(needed - on_hand, 0.0),
            "runs_out": runs_out,
        }

    def _xlsx_title(self):
        return _("Discontinued-Model Parts")
