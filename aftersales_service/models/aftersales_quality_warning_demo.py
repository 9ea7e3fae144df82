# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

#: demo model -> units sold a month
DEMO_MODELS = {
    "aftersales_service.product_heater_dszf50_demo": 30,
    "aftersales_service.product_heater_dszf80_demo": 20,
    "aftersales_service.product_heater_dsk85_demo": 15,
}
#: demo cause -> the part it replaces (or False), and its weight among the faults
DEMO_FAULTS = {
    "aftersales_service.aftersales_fault_code_no_heat_heating_element_demo": (
        "aftersales_service.product_part_heating_element_demo",
        5,
    ),
    "aftersales_service.aftersales_fault_code_no_heat_thermal_fuse_demo": (False, 2),
    "aftersales_service.aftersales_fault_code_leak_inner_tank_demo": (
        "aftersales_service.product_part_inner_tank_demo",
        2,
    ),
    "aftersales_service.aftersales_fault_code_thermostat_thermostat_broken_demo": (
        "aftersales_service.product_part_thermostat_demo",
        3,
    ),
    "aftersales_service.aftersales_fault_code_noise_scale_demo": (
        "aftersales_service.product_part_anode_demo",
        2,
    ),
}
DEMO_POINTS = [
    "aftersales_service.partner_point_hangzhou_demo",
    "aftersales_service.partner_point_ningbo_demo",
    "aftersales_service.partner_point_nanjing_demo",
    "aftersales_service.partner_point_suzhou_demo",
]
DEMO_CLAIM_SHARE = 0.08


class AftersalesQualityWarning(models.Model):
    _inherit = "aftersales.quality.warning"

    @api.model
    def _aftersales_demo_history(self):
        """A year of sales and settled claims of the demo models (the same every time:
        a seeded random), a burst of heating elements failing on the DSZF-50 in the last
        weeks, then the nightly scan: the quality reports and warnings have figures."""
        rng = random.Random(2026)
        today = fields.Date.context_today(self)
        units = self._demo_units(rng, today)
        claims = self._demo_claims(rng, today, units)
        claims |= self._demo_burst(today, units)
        claims.write({"state": "settled"})
        rules = self.env["aftersales.quality.rule"].search(
            [("company_id", "=", self.env.company.id)]
        )
        rules.filtered(lambda rule: not rule.user_id).user_id = self.env.ref(
            "aftersales_service.user_technician_demo"
        )
        return self._scan(rules)

    def _demo_units(self, rng, today):
        vals = []
        for xmlid, per_month in DEMO_MODELS.items():
            product = self.env.ref(xmlid)
            for months_back in range(12, 0, -1):
                month = (today - relativedelta(months=months_back)).replace(day=1)
                for index in range(per_month):
                    vals.append(
                        {
                            "name": f"{product.default_code}-{month:%y%m}-{index + 1:03d}",
                            "product_id": product.id,
                            "sale_date": month + timedelta(days=rng.randrange(28)),
                        }
                    )
        return self.env["stock.lot"].create(vals)

    def _demo_claims(self, rng, today, units):
        faults = list(DEMO_FAULTS)
        weights = [DEMO_FAULTS[fault][1] for fault in faults]
        vals = []
        for unit in units:
            if rng.random() >= DEMO_CLAIM_SHARE:
                continue
            # most faults come early in a unit's life
            fault_day = unit.sale_date + timedelta(days=int(min(330, 3 + rng.expovariate(1 / 80))))
            if fault_day >= today - timedelta(days=40):
                continue
            vals.append(
                self._demo_claim_vals(unit, rng.choices(faults, weights)[0], fault_day, rng)
            )
        return self.env["aftersales.claim"].create(vals)

    def _demo_burst(self, today, units):
        """Heating elements of DSZF-50 units sold half a year ago failing in the last
        weeks: the month's and the year's rules raise their warnings."""
        rng = random.Random(50)
        dszf50 = self.env.ref("aftersales_service.product_heater_dszf50_demo")
        candidates = units.filtered(
            lambda unit: unit.product_id == dszf50
            and unit.sale_date < today - relativedelta(months=5)
        )
        fault = "aftersales_service.aftersales_fault_code_no_heat_heating_element_demo"
        vals = [
            self._demo_claim_vals(unit, fault, today - timedelta(days=3 + 5 * index), rng)
            for index, unit in enumerate(candidates[-5:])
        ] + [
            self._demo_claim_vals(unit, fault, today - timedelta(days=60 + 25 * index), rng)
            for index, unit in enumerate(candidates[:8])
        ]
        return self.env["aftersales.claim"].create(vals)

    def _demo_claim_vals(self, unit, fault_xmlid, fault_day, rng):
        part_xmlid, _weight = DEMO_FAULTS[fault_xmlid]
        lines = [
            Command.create(
                {"line_type": "labour", "quantity": 1, "price_unit": 60.0, "appraisal": "approved"}
            )
        ]
        if part_xmlid:
            part = self.env.ref(part_xmlid)
            lines.append(
                Command.create(
                    {
                        "line_type": "part",
                        "product_id": part.id,
                        "quantity": 1,
                        "price_unit": part.standard_price,
                        "part_role": "causal",
                        "appraisal": "approved",
                    }
                )
            )
        return {
            "service_point_id": self.env.ref(rng.choice(DEMO_POINTS)).id,
            "lot_id": unit.id,
            "fault_code_id": self.env.ref(fault_xmlid).id,
            "repair_start": fault_day,
            "repair_end": fault_day,
            "line_ids": lines,
        }
