# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

#: the months in service the industry reads the claim rate at
MIS_STEPS = (1, 3, 6, 12, 24)
#: the claims that count: filed and not thrown out (drafts, rejected and cancelled do not)
COUNTED_CLAIM_STATES = (
    "submitted",
    "returned",
    "waiting_parts",
    "appraisal",
    "approved",
    "settled",
)


class AftersalesClaimRate(models.Model):
    """千台索赔率, the warranty claim rate by months in service (MIS), one row per product
    model, company and month of sale (the cohort).

    Of the units of a model sold in a month, the units with a claim within N months in
    service, per 1,000 units sold. A claim's months in service count from the unit's sale
    date to its fault date (the repair start, else the day the claim was filed); the month
    a unit is sold in is its first (a fault 20 days after the sale is MIS 1, one 1 month
    and 3 days after is MIS 2). A unit counts once however many claims it has, at its
    earliest claim. The rate at MIS N stays empty until every unit of the cohort has been
    in service N months, so a young cohort does not look better than it is."""

    _name = "aftersales.claim.rate"
    _description = "Claim Rate per 1,000 Units"
    _auto = False
    _order = "sale_month desc, product_tmpl_id"
    _depends = {
        "stock.lot": ["company_id", "product_id", "sale_date"],
        "product.product": ["product_tmpl_id"],
        "aftersales.claim": ["lot_id", "state", "repair_start", "create_date"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    product_tmpl_id = fields.Many2one("product.template", "Product Model", readonly=True)
    sale_month = fields.Date("Month of Sale", readonly=True)
    months_observed = fields.Integer(
        "Full Months Observed",
        readonly=True,
        aggregator="min",
        help="The full months every unit of the month of sale has been in service: the rate "
        "at MIS N is read once this reaches N.",
    )
    units = fields.Integer("Units Sold", readonly=True)
    claimed_units = fields.Integer("Units with a Claim", readonly=True)
    claimed_mis1 = fields.Integer("Units Claimed by MIS 1", readonly=True)
    claimed_mis3 = fields.Integer("Units Claimed by MIS 3", readonly=True)
    claimed_mis6 = fields.Integer("Units Claimed by MIS 6", readonly=True)
    claimed_mis12 = fields.Integer("Units Claimed by MIS 12", readonly=True)
    claimed_mis24 = fields.Integer("Units Claimed by MIS 24", readonly=True)
    # a rate of a cohort does not add up: the totals are computed from the counts
    rate_mis1 = fields.Float("Claims per 1,000 at MIS 1", readonly=True, aggregator=None)
    rate_mis3 = fields.Float("Claims per 1,000 at MIS 3", readonly=True, aggregator=None)
    rate_mis6 = fields.Float("Claims per 1,000 at MIS 6", readonly=True, aggregator=None)
    rate_mis12 = fields.Float("Claims per 1,000 at MIS 12", readonly=True, aggregator=None)
    rate_mis24 = fields.Float("Claims per 1,000 at MIS 24", readonly=True, aggregator=None)

    @property
    def _table_query(self):
        observed = SQL(
            "(EXTRACT(YEAR FROM age(date_trunc('month', CURRENT_DATE), unit.sale_month))::int * 12"
            " + EXTRACT(MONTH FROM age(date_trunc('month', CURRENT_DATE), unit.sale_month))::int"
            " - 1)"
        )
        return SQL(
            """
            WITH unit AS (
                SELECT lot.id, lot.company_id, product.product_tmpl_id, lot.sale_date,
                       date_trunc('month', lot.sale_date)::date AS sale_month
                  FROM stock_lot lot
                  JOIN product_product product ON product.id = lot.product_id
                 WHERE lot.sale_date IS NOT NULL
            ), first_claim AS (
                SELECT claim.lot_id, MIN(%(mis)s) AS mis
                  FROM aftersales_claim claim
                  JOIN unit ON unit.id = claim.lot_id
                 WHERE claim.state IN %(states)s
                 GROUP BY claim.lot_id
            )
            SELECT MIN(unit.id) AS id, unit.company_id, unit.product_tmpl_id, unit.sale_month,
                   %(observed)s AS months_observed,
                   COUNT(*) AS units,
                   COUNT(first_claim.lot_id) AS claimed_units,
                   %(counts)s,
                   %(rates)s
              FROM unit
              LEFT JOIN first_claim ON first_claim.lot_id = unit.id
             GROUP BY unit.company_id, unit.product_tmpl_id, unit.sale_month
            """,
            mis=self._months_in_service_sql(),
            observed=observed,
            states=COUNTED_CLAIM_STATES,
            counts=SQL(", ").join(
                SQL(
                    "COUNT(*) FILTER (WHERE first_claim.mis <= %s) AS %s",
                    n,
                    SQL(f"claimed_mis{n}"),
                )
                for n in MIS_STEPS
            ),
            rates=SQL(", ").join(
                SQL(
                    """CASE WHEN %s >= %s
                            THEN COUNT(*) FILTER (WHERE first_claim.mis <= %s) * 1000.0 / COUNT(*)
                       END AS %s""",
                    observed,
                    n,
                    n,
                    SQL(f"rate_mis{n}"),
                )
                for n in MIS_STEPS
            ),
        )

    def _months_in_service_sql(self):
        """The claim's month in service: whole months from the sale to the fault, plus one."""
        fault = SQL("COALESCE(claim.repair_start, claim.create_date::date)")
        age = SQL("age(%s, unit.sale_date)", fault)
        return SQL(
            "GREATEST(1, EXTRACT(YEAR FROM %s)::int * 12 + EXTRACT(MONTH FROM %s)::int + 1)",
            age,
            age,
        )

    # ------------------------------------------------------------------
    # Totals over cohorts (the XLSX and the dashboard read these)
    # ------------------------------------------------------------------
    def _rates(self, domain, groupby=()):
        """Claims per 1,000 at each MIS over the cohorts of ``domain`` grouped by ``groupby``:
        a ratio of the sums, over the cohorts old enough for that MIS only. One read of the
        view, by ``groupby`` and the months observed; the sums per MIS are added here."""
        claimed_fields = [f"claimed_mis{n}:sum" for n in MIS_STEPS]
        sums = {}
        width = len(groupby)
        for group in self._read_group(
            domain, [*groupby, "months_observed"], ["units:sum", *claimed_fields]
        ):
            keys, (observed, units, *claimed) = group[:width], group[width:]
            row = sums.setdefault(tuple(keys), {n: [0, 0] for n in MIS_STEPS})
            for n, count in zip(MIS_STEPS, claimed, strict=True):
                if observed >= n:
                    row[n][0] += units
                    row[n][1] += count
        return {
            keys: {
                n: tools.float_round(count * 1000.0 / units, 2)
                for n, (units, count) in row.items()
                if units
            }
            for keys, row in sums.items()
        }
