# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestAftersalesFaultCode(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.FaultCode = cls.env["aftersales.fault.code"]
        cls.category = cls.env["product.category"].create({"name": "Test heaters"})
        cls.symptom = cls.FaultCode.create(
            {"code": "T-01", "name": "不加热", "product_category_id": cls.category.id}
        )
        cls.cause = cls.FaultCode.create(
            {
                "code": "T-01-01",
                "name": "加热管损坏",
                "parent_id": cls.symptom.id,
                "labour_hours": 0.5,
            }
        )

    def test_hierarchy(self):
        self.assertEqual(self.symptom.level, "symptom")
        self.assertEqual(self.cause.level, "cause")
        self.assertEqual(self.cause.complete_name, "不加热 / 加热管损坏")
        self.assertEqual(self.cause.display_name, "不加热 / 加热管损坏")
        self.assertEqual(self.cause.product_category_id, self.category)
        self.assertEqual(self.cause.cause_class, "product_quality")
        self.assertEqual(self.symptom.child_ids, self.cause)
        self.symptom.name = "不制热"
        self.assertEqual(self.cause.complete_name, "不制热 / 加热管损坏")

    def test_manager_adds_causes_on_the_symptom_form(self):
        with Form(self.symptom.with_user(self.user_manager)) as form:
            with form.child_ids.new() as line:
                line.code = "T-01-02"
                line.name = "温控器损坏"
                line.labour_hours = 0.5
                line.cause_class = "supplier_part"
        cause = self.symptom.child_ids - self.cause
        self.assertEqual(cause.level, "cause")
        self.assertEqual(cause.product_category_id, self.category)
        self.assertEqual(cause.complete_name, "不加热 / 温控器损坏")

    def test_cause_follows_the_symptom_category(self):
        other = self.env["product.category"].create({"name": "Other heaters"})
        self.symptom.product_category_id = other
        self.assertEqual(self.cause.product_category_id, other)

    def test_symptom_needs_a_category(self):
        with self.assertRaises(ValidationError) as error:
            self.FaultCode.create({"code": "T-02", "name": "漏水"})
        self.assertEqual(str(error.exception), "Set the product category of the symptoms T-02.")

    def test_labour_norm_not_negative(self):
        with self.assertRaises(ValidationError) as error:
            self.cause.labour_hours = -1
        self.assertEqual(str(error.exception), "The labour norm cannot be negative: T-01-01.")

    def test_cause_of_a_cause_is_refused(self):
        with self.assertRaises(ValidationError) as error:
            self.FaultCode.create(
                {"code": "T-01-01-01", "name": "Too deep", "parent_id": self.cause.id}
            )
        self.assertEqual(
            str(error.exception),
            "A cause belongs to a symptom, not to another cause: T-01-01-01.",
        )

    def test_code_unique_per_company(self):
        other_company = self.env["res.company"].create({"name": "Other maker"})
        self.FaultCode.create(
            {
                "code": "T-01",
                "name": "不加热",
                "product_category_id": self.category.id,
                "company_id": other_company.id,
            }
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.FaultCode.create(
                {"code": "T-01", "name": "重复", "product_category_id": self.category.id}
            )

    def test_roles(self):
        for user in (self.user_clerk, self.user_technician, self.user_warehouse):
            with self.subTest(user=user.login):
                self.assertEqual(self.cause.with_user(user).labour_hours, 0.5)
                with self.assertRaises(AccessError):
                    self.cause.with_user(user).labour_hours = 1
        self.cause.with_user(self.user_manager).labour_hours = 1
        self.assertEqual(self.cause.labour_hours, 1)
