# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
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
    "warehouse": {"stores", "reporting"},
    "accountant": {"accounting", "reporting"},
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
                if menu.action._name == "ir.actions.client":
                    continue  # the desk: it leaves out what the role cannot read
                with self.subTest(role=role, menu=menu.complete_name):
                    action = menu.action
                    model = (
                        action.model_id.model
                        if action._name == "ir.actions.server"
                        else action.res_model
                    )
                    self.assertTrue(
                        self.env[model].with_user(user).has_access("read"),
                        f"{role} sees {menu.complete_name} but cannot read {model}",
                    )

    def test_the_desk_opens_on_the_work_of_each_role(self):
        """Clerk and warranty technician land on today's work; the return visits are the
        clerk's; warehouse and accountant land on their own section."""
        desk = self.env.ref("aftersales_service.aftersales_menu_desk")
        expected = {
            "clerk": {"requests", "jobs", "return_visits"},
            "technician": {"requests", "jobs"},
            "warehouse": set(),
            "accountant": set(),
            "manager": {"requests", "jobs", "return_visits"},
        }
        for role, user in self.users.items():
            with self.subTest(role=role):
                self.assertEqual(desk.id in self._visible_menus(user), bool(expected[role]))
                sections = self.env["aftersales.desk"].with_user(user).get_desk()
                self.assertEqual({section["name"] for section in sections}, expected[role])

    # ------------------------------------------------------------------
    # Contacts: the clerk registers customers, the manager keeps the network
    # ------------------------------------------------------------------

    def test_clerk_registers_and_corrects_a_caller(self):
        partners = self.env["res.partner"].with_user(self.user_clerk)
        caller = partners.create({"name": "Test new caller", "mobile": "139 0000 1111"})
        caller.write({"street": "Test street 1"})
        self.assertEqual(caller.street, "Test street 1")

    def test_clerk_cannot_change_the_service_network(self):
        point = self.env["res.partner"].create(
            {"name": "Test point", "is_company": True, "is_service_point": True}
        )
        partners = self.env["res.partner"].with_user(self.user_clerk)
        with self.assertRaises(AccessError):
            point.with_user(self.user_clerk).write({"phone": "0571-1"})
        with self.assertRaises(AccessError):
            partners.create(
                {"name": "Test rogue point", "is_company": True, "is_service_point": True}
            )
        with self.assertRaises(AccessError):
            partners.create(
                {"name": "Test rogue technician", "parent_id": point.id, "is_technician": True}
            )

    def test_manager_adds_a_service_point_with_a_technician_and_renews_a_certificate(self):
        partners = self.env["res.partner"].with_user(self.user_manager)
        point = partners.create(
            {"name": "Test point", "is_company": True, "is_service_point": True}
        )
        technician = partners.create(
            {
                "name": "Test technician",
                "parent_id": point.id,
                "is_technician": True,
                "technician_certificate_expiry": "2020-01-01",
            }
        )
        self.assertTrue(technician.technician_certificate_expired)
        technician.technician_certificate_expiry = "2099-12-31"
        self.assertFalse(technician.technician_certificate_expired)
        self.assertEqual(point.with_user(self.user_manager).technician_count, 1)

    def test_other_roles_do_not_edit_contacts(self):
        for role in ("technician", "warehouse", "accountant"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env["res.partner"].with_user(self.users[role]).create({"name": "Test nobody"})

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
