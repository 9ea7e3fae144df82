# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import fields, models

XLSX_REPORT = "aftersales_service.aftersales_quality_feedback_xlsx"


class AftersalesQualityFeedback(models.TransientModel):
    """质量信息反馈表, the monthly quality report to the factory: for a period, the claims
    by product model (with the cost per unit in service), the fault pareto, the parts
    and their suppliers, the service points, and the quality warnings raised. Every
    figure is read from ``aftersales.claim.analysis`` grouped in the database."""

    _name = "aftersales.quality.feedback"
    _inherit = ["aftersales.period.mixin"]
    _description = "Quality Information Feedback"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_tmpl_id = fields.Many2one("product.template", "Product Model")

    def action_export_xlsx(self):
        return self.env.ref(XLSX_REPORT).report_action(self)

    # ------------------------------------------------------------------
    # The figures
    # ------------------------------------------------------------------
    def _domain(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("fault_date", ">=", self.date_from),
            ("fault_date", "<=", self.date_to),
        ]
        if self.product_tmpl_id:
            domain.append(("product_tmpl_id", "=", self.product_tmpl_id.id))
        return domain

    def _grouped(self, groupby, extra=(), order=None):
        return self.env["aftersales.claim.analysis"]._read_group(
            [*self._domain(), *extra],
            groupby,
            ["claim_count:sum", "quantity:sum", "amount_claimed:sum", "amount_approved:sum"],
            order=order,
        )

    def _by_model(self):
        """[(model, units in service, claims, claimed, approved)], most claims first."""
        groups = self._grouped(["product_tmpl_id"], order="claim_count:sum desc")
        models_ = self.env["product.template"].union(*(group[0] for group in groups))
        units = self.env["aftersales.quality.rule"]._units_in_service(models_)
        return [
            (model, units.get(model, 0), claims, claimed, approved)
            for model, claims, _qty, claimed, approved in groups
        ]

    def _fault_pareto(self):
        """[(model, fault, claims, share, cumulative share)], most frequent first."""
        groups = self._grouped(["product_tmpl_id", "fault_code_id"], order="claim_count:sum desc")
        total = sum(group[2] for group in groups) or 1
        rows, cumulative = [], 0
        for model, fault, claims, *_amounts in groups:
            cumulative += claims
            rows.append((model, fault, claims, claims / total, cumulative / total))
        return rows

    def _parts(self):
        """[(part, supplier, quantity, approved)], the costliest first."""
        groups = self._grouped(
            ["part_id", "supplier_id"],
            extra=[("line_type", "=", "part")],
            order="amount_approved:sum desc",
        )
        return [
            (part, supplier, qty, approved) for part, supplier, _c, qty, _cl, approved in groups
        ]

    def _points(self):
        """[(point, region, claims, claimed, approved)], most claims first; the points
        carry their service KPIs over the same period (``kpi_*`` fields)."""
        groups = self._grouped(["service_point_id", "region_id"], order="claim_count:sum desc")
        period = {
            "aftersales_kpi_date_from": self.date_from,
            "aftersales_kpi_date_to": self.date_to + relativedelta(days=1),
        }
        return [
            (point.with_context(**period), region, claims, claimed, approved)
            for point, region, claims, _qty, claimed, approved in groups
        ]

    def _suppliers(self):
        """[(supplier, part quantity, approved, recoverable, accepted, parts returned)]:
        what the suppliers' parts cost in the claims of the period, what their recoveries
        of the period claim back and were accepted, and the old parts shipped back to them
        (the recoveries' done returns)."""
        self.ensure_one()
        costs = {
            supplier: (qty, approved)
            for supplier, _c, qty, _cl, approved in self._grouped(
                ["supplier_id"], extra=[("line_type", "=", "part"), ("supplier_id", "!=", False)]
            )
        }
        recovered = defaultdict(lambda: [0.0, 0.0, 0.0])
        groups = (
            self.env["aftersales.supplier.recovery.line"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("recovery_id.period_start", "<=", self.date_to),
                    ("recovery_id.period_end", ">=", self.date_from),
                    ("recovery_id.state", "!=", "cancel"),
                ],
                ["recovery_id"],
                ["amount:sum", "amount_accepted:sum"],
            )
        )
        for recovery, amount, accepted in groups:
            totals = recovered[recovery.partner_id]
            totals[0] += amount
            totals[1] += accepted
        recoveries = self.env["aftersales.supplier.recovery"].union(*(g[0] for g in groups))
        supplier_of = {recovery.picking_id: recovery.partner_id for recovery in recoveries}
        for picking, quantity in (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [("picking_id", "in", recoveries.picking_id.ids), ("state", "=", "done")],
                ["picking_id"],
                ["quantity:sum"],
            )
        ):
            recovered[supplier_of[picking]][2] += quantity
        suppliers = sorted(
            set(costs) | set(recovered), key=lambda supplier: -costs.get(supplier, (0, 0))[1]
        )
        return [
            (supplier, *costs.get(supplier, (0.0, 0.0)), *recovered.get(supplier, (0.0,) * 3))
            for supplier in suppliers
        ]

    def _warnings(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("raised_on", ">=", fields.Datetime.to_datetime(self.date_from)),
            ("raised_on", "<", fields.Datetime.to_datetime(self.date_to + relativedelta(days=1))),
        ]
        if self.product_tmpl_id:
            domain.append(("product_tmpl_id", "=", self.product_tmpl_id.id))
        return self.env["aftersales.quality.warning"].search(domain, order="id")
