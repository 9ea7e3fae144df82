# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date, timedelta

from odoo import Command, fields
from odoo.tests import Form

from .common import AftersalesCommon

# A 1x1 PNG: a customer's signature as the signature widget stores it.
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e3a5de"
        "0000000049454e44ae426082"
    )
)


def create_covered_product(env, prefix):
    """A serial-tracked product in a category of its own, under a 12-month 三包 policy
    (refund 7 days, exchange 15 days). Returns (category, product)."""
    category = env["product.category"].create({"name": f"{prefix} water heaters"})
    product = env["product.product"].create(
        {
            "name": f"{prefix} heater",
            "categ_id": category.id,
            "type": "consu",
            "is_storable": True,
            "tracking": "serial",
        }
    )
    env["aftersales.warranty.policy"].create(
        {
            "name": f"{prefix} heater policy",
            "code": f"{prefix.upper().replace(' ', '-')}-HEATER",
            "company_id": env.company.id,
            "version_date_from": date(2000, 1, 1),
            "product_category_ids": [Command.set(category.ids)],
            "start_event": "sale",
            "refund_days": 7,
            "exchange_days": 15,
            "sanbao_months": 12,
            "repair_months": 12,
        }
    )
    return category, product


def create_fault(env, category, code, cause):
    """A symptom of the category with one product-quality cause worth 0.5 h of labour."""
    symptom = env["aftersales.fault.code"].create(
        {"name": "No heating", "code": code, "product_category_id": category.id}
    )
    return env["aftersales.fault.code"].create(
        {
            "name": cause,
            "code": f"{code}-01",
            "parent_id": symptom.id,
            "labour_hours": 0.5,
            "cause_class": "product_quality",
        }
    )


class AftersalesJobCommon(AftersalesCommon):
    """A heater under a 12-month policy, a service point with a certified technician and
    five heating elements in stock, a customer with a unit in warranty and one out of it,
    a fault with its labour norm, and the customer's repair request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        # No fee schedule: paid jobs are invoiced at the products' sales prices.
        cls.env.company.aftersales_fee_pricelist_id = False
        cls.category, cls.heater = create_covered_product(cls.env, "Test")
        cls.element = cls.env["product.product"].create(
            {
                "name": "Test heating element",
                "type": "consu",
                "is_storable": True,
                "list_price": 95.0,
            }
        )
        cls.point = cls.env["res.partner"].create(
            {"name": "Test service point", "is_company": True, "is_service_point": True}
        )
        cls.technician = cls.env["res.partner"].create(
            {
                "name": "Test technician",
                "parent_id": cls.point.id,
                "is_technician": True,
                "technician_certificate": "CERT-1",
                "technician_certificate_expiry": cls.today + timedelta(days=365),
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "Test customer"})
        cls.unit_in_warranty = cls._create_unit("SN-NEW", cls.today - timedelta(days=100))
        cls.unit_expired = cls._create_unit("SN-OLD", cls.today - timedelta(days=1000))
        cls.fault = create_fault(cls.env, cls.category, "T-NH", "Heating element burnt")
        cls.point_location = cls.point._aftersales_stock_location()
        cls.env["stock.quant"]._update_available_quantity(cls.element, cls.point_location, 5)
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Heater does not heat",
                "description": "No hot water",
                "partner_id": cls.customer.id,
                "request_type": "repair",
                "user_id": cls.user_clerk.id,
            }
        )

    @classmethod
    def _create_unit(cls, serial, sale_date):
        return cls.env["stock.lot"].create(
            {
                "name": serial,
                "product_id": cls.heater.id,
                "customer_id": cls.customer.id,
                "sale_date": sale_date,
            }
        )

    def _create_job(self, unit, **vals):
        return (
            self.env["aftersales.service.job"]
            .with_user(self.user_clerk)
            .create(
                {
                    "ticket_id": self.ticket.id,
                    "lot_id": unit.id,
                    "service_point_id": self.point.id,
                    "technician_id": self.technician.id,
                    "fault_code_id": self.fault.id,
                    **vals,
                }
            )
        )

    def _work_on_site(self, job, quantity=1.0):
        job.action_dispatch()
        job.action_accept()
        job.action_check_in()
        job.write(
            {
                "part_ids": [
                    Command.create(
                        {"product_id": self.element.id, "quantity": quantity, "old_part_kept": True}
                    )
                ],
                "signature": SIGNATURE,
                "signed_by": "Test customer",
                "resolution": "Replaced the heating element",
            }
        )

    def _open_dispatched_job(self, ticket, user=None):
        """Press 派工 on the request as ``user`` (the clerk) and choose the service
        point's technician on the job it opens."""
        action = ticket.with_user(user or self.user_clerk).action_aftersales_dispatch()
        job = self.env["aftersales.service.job"].browse(action["res_id"])
        with Form(job.with_user(user or self.user_clerk)) as form:
            form.technician_id = self.technician
        return job

    def _point_stock(self, product):
        return self.env["stock.quant"]._get_available_quantity(product, self.point_location)
