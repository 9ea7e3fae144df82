# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from .common import AftersalesCommon

SECTIONS = {
    "service": "aftersales_service.aftersales_menu_service",
    "claims": "aftersales_service.aftersales_menu_claims",
    "network": "aftersales_service.aftersales_menu_network",
    "stores": "aftersales_service.aftersales_menu_stores",
    "accounting": "aftersales_service.aftersales_menu_accounting",
    "reporting": "aftersales_service.aftersales_menu_reporting",
    "config": "aftersales_service.aftersales_menu_config",
}

# Which sections each role finds under the root menu.
EXPECTED_SECTIONS = {
    "clerk": set(SECTIONS),
    "technician": {"service", "claims", "network", "reporting"},
    "warehouse": {"stores"},
    "accountant": {"accounting"},
    "manager": set(SECTIONS),
}


@tagged("post_install", "-at_install")
class TestAftersalesSecurity(AftersalesCommon):
    def _visible_menus(self, user):
        return self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_each_role_sees_its_sections(self):
        root = self.env.ref("aftersales_service.aftersales_menu_root")
        for role, user in self.users.items():
            visible = self._visible_menus(user)
            with self.subTest(role=role):
                self.assertIn(root.id, visible)
                seen = {
                    name for name, xmlid in SECTIONS.items() if self.env.ref(xmlid).id in visible
                }
                self.assertEqual(seen, EXPECTED_SECTIONS[role])

    def test_every_visible_section_opens_an_action_the_role_can_read(self):
        """A menu a role sees never leads to an access error."""
        for role, user in self.users.items():
            visible = self._visible_menus(user)
            menus = self.env["ir.ui.menu"].browse(visible).filtered("action")
            for menu in menus.filtered(
                lambda m: m.get_external_id()[m.id].startswith("aftersales_service.")
            ):
                with self.subTest(role=role, menu=menu.complete_name):
                    model = menu.action.res_model
                    self.assertTrue(
                        self.env[model].with_user(user).has_access("read"),
                        f"{role} sees {menu.complete_name} but cannot read {model}",
                    )

    def test_user_without_role_does_not_see_the_app(self):
        employee = new_test_user(self.env, login="aftersales-none", groups="base.group_user")
        root = self.env.ref("aftersales_service.aftersales_menu_root")
        self.assertNotIn(root.id, self._visible_menus(employee))

    def test_manager_holds_every_role(self):
        manager = self.user_manager
        for role in ("clerk", "technician", "warehouse", "accountant"):
            with self.subTest(role=role):
                self.assertTrue(manager.has_group(f"aftersales_service.group_aftersales_{role}"))

    def test_demo_users_open_the_app(self):
        """Each demo login of the README reaches the root menu."""
        root = self.env.ref("aftersales_service.aftersales_menu_root")
        for role in EXPECTED_SECTIONS:
            user = self.env.ref(f"aftersales_service.user_{role}_demo", raise_if_not_found=False)
            if not user:
                self.skipTest("installed without demo data")
            with self.subTest(role=role):
                self.assertEqual(user.login, role)
                self.assertIn(root.id, self._visible_menus(user))
