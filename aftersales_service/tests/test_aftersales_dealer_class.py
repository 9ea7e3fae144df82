# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestAftersalesDealerClass(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.DealerClass = cls.env["aftersales.dealer.class"]
        cls.dealer_class = cls.DealerClass.create(
            {"name": "Test Class", "labour_rate_factor": 1.1, "deposit_amount": 5000}
        )

    def test_default_classes_of_the_main_company(self):
        classes = self.DealerClass.search(
            [
                ("company_id", "=", self.env.ref("base.main_company").id),
                ("name", "in", ["A", "B", "C"]),
            ]
        )
        self.assertEqual(
            {c.name: c.labour_rate_factor for c in classes}, {"A": 1.2, "B": 1.0, "C": 0.8}
        )

    def test_labour_rate_factor_must_be_positive(self):
        with self.assertRaises(ValidationError) as error:
            self.dealer_class.labour_rate_factor = 0
        self.assertEqual(
            str(error.exception),
            "The labour rate factor of dealer class Test Class must be greater than zero.",
        )

    def test_deposit_cannot_be_negative(self):
        with self.assertRaises(ValidationError) as error:
            self.dealer_class.deposit_amount = -1
        self.assertEqual(
            str(error.exception),
            "The required deposit of dealer class Test Class cannot be negative.",
        )

    def test_clerk_reads_but_cannot_write(self):
        as_clerk = self.dealer_class.with_user(self.user_clerk)
        self.assertEqual(as_clerk.deposit_amount, 5000)
        with self.assertRaises(AccessError):
            as_clerk.deposit_amount = 6000
        with self.assertRaises(AccessError):
            self.DealerClass.with_user(self.user_clerk).create({"name": "D"})

    def test_manager_can_write(self):
        self.dealer_class.with_user(self.user_manager).deposit_amount = 6000
        self.assertEqual(self.dealer_class.deposit_amount, 6000)

    def test_class_of_another_company_is_invisible(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        class_b = self.DealerClass.create({"name": "A", "company_id": company_b.id})
        visible = self.DealerClass.with_user(self.user_clerk).search([])
        self.assertIn(self.dealer_class, visible)
        self.assertNotIn(class_b, visible)
        with self.assertRaises(AccessError):
            class_b.with_user(self.user_clerk).read(["name"])
