# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAftersalesUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["aftersales_service"], ["zh_CN"], overwrite=True
        )
        cls.clerk = new_test_user(
            cls.env,
            login="aftersales-tour-clerk",
            groups="base.group_user,aftersales_service.group_aftersales_clerk",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )

    def test_clerk_opens_every_section_in_chinese(self):
        self.start_tour(
            "/odoo/aftersales-requests",
            "aftersales_service_sections",
            login=self.clerk.login,
        )
