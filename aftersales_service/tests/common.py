# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUPS = {
    "clerk": "aftersales_service.group_aftersales_clerk",
    "technician": "aftersales_service.group_aftersales_technician",
    "warehouse": "aftersales_service.group_aftersales_warehouse",
    "accountant": "aftersales_service.group_aftersales_accountant",
    "manager": "aftersales_service.group_aftersales_manager",
}


class AftersalesCommon(BaseCommon):
    """One test user per after-sales role, shared by every test class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The test database has Chinese loaded, which makes it the superuser's language:
        # assert the English source texts unless a test asks for Chinese.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        # Every actor of a test in one time zone, as a company's users are: the superuser has
        # Odoo's demo zone (Europe/Brussels), the test users none (UTC), so between 23:00 and
        # 24:00 UTC "today" was a day apart for the test and for the clerk it acts as.
        cls.env.user.tz = "UTC"
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"aftersales-{role}",
                groups=f"base.group_user,{group}",
                lang="en_US",
            )
            for role, group in GROUPS.items()
        }
        cls.user_clerk = cls.users["clerk"]
        cls.user_technician = cls.users["technician"]
        cls.user_warehouse = cls.users["warehouse"]
        cls.user_accountant = cls.users["accountant"]
        cls.user_manager = cls.users["manager"]
