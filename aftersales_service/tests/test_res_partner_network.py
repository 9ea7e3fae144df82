# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import format_date

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestResPartnerNetwork(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Region = cls.env["aftersales.region"]
        zhejiang = cls.env.ref("base.state_cn_ZJ")
        cls.city = Region.create(
            {"name": "测试市", "state_id": zhejiang.id, "area_class": "central_city"}
        )
        cls.county_central = Region.create(
            {"name": "城东区", "parent_id": cls.city.id, "area_class": "central_city"}
        )
        cls.county_rural = Region.create(
            {"name": "山南县", "parent_id": cls.city.id, "area_class": "remote_rural"}
        )
        cls.county_unclassed = Region.create({"name": "湖北区", "parent_id": cls.city.id})
        cls.other_city = Region.create({"name": "远方市", "state_id": zhejiang.id})
        cls.other_county = Region.create({"name": "远方县", "parent_id": cls.other_city.id})

        Partner = cls.env["res.partner"]
        cls.agent = Partner.create(
            {
                "name": "Provincial Agent",
                "is_company": True,
                "is_service_point": True,
                "network_level": "provincial",
                "service_region_ids": [Command.set([cls.city.id, cls.county_central.id])],
            }
        )
        cls.point = Partner.create(
            {
                "name": "City Point",
                "is_company": True,
                "is_service_point": True,
                "network_level": "city",
                "network_parent_id": cls.agent.id,
                "service_region_ids": [Command.set([cls.city.id, cls.county_central.id])],
            }
        )
        cls.point_rural = Partner.create(
            {
                "name": "Rural Point",
                "is_company": True,
                "is_service_point": True,
                "network_level": "third_party",
                "network_parent_id": cls.agent.id,
                "service_region_ids": [Command.set([cls.county_rural.id])],
            }
        )
        cls.technician = Partner.create(
            {
                "name": "Zhou Ming",
                "parent_id": cls.point.id,
                "is_technician": True,
                "technician_level": "senior",
                "technician_certificate": "NQ-001",
            }
        )

    def _customer(self, region, name="Customer"):
        return self.env["res.partner"].create({"name": name, "region_id": region.id})

    # ------------------------------------------------------------------
    # Finding the responsible service point
    # ------------------------------------------------------------------

    def test_finder_exact_county(self):
        customer = self._customer(self.county_rural)
        self.assertEqual(customer._aftersales_find_service_point(), self.point_rural)

    def test_finder_falls_back_to_the_city(self):
        customer = self._customer(self.county_unclassed)
        self.assertEqual(customer._aftersales_find_service_point(), self.point)

    def test_finder_none_found(self):
        customer = self._customer(self.other_county)
        self.assertFalse(customer._aftersales_find_service_point())
        no_region = self.env["res.partner"].create({"name": "Nowhere"})
        self.assertFalse(no_region._aftersales_find_service_point())

    def test_finder_prefers_the_most_local_level(self):
        """The agent and the city point both cover the county: the city point wins."""
        self.assertLess(self.agent.id, self.point.id)
        customer = self._customer(self.county_central)
        self.assertEqual(customer._aftersales_find_service_point(), self.point)

    def test_finder_same_level_takes_the_oldest(self):
        second_point = self.point.copy(
            {"name": "Second City Point", "service_region_ids": self.point.service_region_ids.ids}
        )
        self.assertGreater(second_point.id, self.point.id)
        customer = self._customer(self.county_central)
        self.assertEqual(customer._aftersales_find_service_point(), self.point)

    def test_finder_ignores_archived_points(self):
        self.point_rural.active = False
        customer = self._customer(self.county_rural)
        self.assertEqual(customer._aftersales_find_service_point(), self.point)

    def test_batch_finder_query_count_is_constant(self):
        regions = [self.county_central, self.county_rural, self.county_unclassed, self.other_county]
        customers = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "region_id": regions[i % 4].id} for i in range(10)]
        )
        for batch in (customers[:1], customers):
            self.env.invalidate_all()
            with self.subTest(size=len(batch)), self.assertQueryCount(6):
                points = batch._aftersales_find_service_points()
        self.assertEqual(
            [points[customer.id] for customer in customers[:4]],
            [self.point, self.point_rural, self.point, self.env["res.partner"]],
        )

    # ------------------------------------------------------------------
    # Regions and area class
    # ------------------------------------------------------------------

    def test_region_complete_name(self):
        self.assertEqual(self.county_rural.complete_name, "浙江省 / 测试市 / 山南县")
        self.assertEqual(self.county_rural.state_id, self.env.ref("base.state_cn_ZJ"))
        self.assertEqual(self.county_rural.level, "county")
        self.assertEqual(self.city.level, "city")

    def test_county_inherits_the_city_area_class(self):
        customer = self._customer(self.county_unclassed)
        self.assertEqual(self.county_unclassed.effective_area_class, "central_city")
        self.assertEqual(customer.area_class, "central_city")
        self.city.area_class = "town"
        self.assertEqual(customer.area_class, "town")
        self.county_unclassed.area_class = "remote_rural"
        self.assertEqual(customer.area_class, "remote_rural")
        self.assertEqual(self._customer(self.county_rural).area_class, "remote_rural")

    def test_county_must_belong_to_a_city(self):
        with self.assertRaisesRegex(ValidationError, "must belong to a city"):
            self.env["aftersales.region"].create(
                {"name": "村", "parent_id": self.county_rural.id, "level": "county"}
            )

    # ------------------------------------------------------------------
    # Network hierarchy
    # ------------------------------------------------------------------

    def test_network_children_and_technician_counts(self):
        self.assertEqual(self.agent.network_child_ids, self.point | self.point_rural)
        self.assertEqual(self.agent.network_child_count, 2)
        self.assertEqual(self.point.technician_count, 1)
        self.assertEqual(self.point_rural.technician_count, 0)
        action = self.point.action_view_technicians()
        self.assertEqual(self.env["res.partner"].search(action["domain"]), self.technician)

    def test_network_cycle_rejected(self):
        with self.assertRaisesRegex(ValidationError, "cannot be above itself"):
            self.agent.network_parent_id = self.point
        with self.assertRaisesRegex(ValidationError, "cannot be above itself"):
            self.agent.network_parent_id = self.agent

    # ------------------------------------------------------------------
    # Technicians
    # ------------------------------------------------------------------

    @freeze_time("2026-03-15")
    def test_certificate_expiring_today_is_still_valid(self):
        self.technician.technician_certificate_expiry = date(2026, 3, 15)
        self.assertFalse(self.technician.technician_certificate_expired)
        self.assertTrue(self.technician._aftersales_check_technician_certificate())
        Partner = self.env["res.partner"]
        self.assertNotIn(
            self.technician, Partner.search([("technician_certificate_expired", "=", True)])
        )
        self.assertIn(
            self.technician, Partner.search([("technician_certificate_expired", "=", False)])
        )

    @freeze_time("2026-03-15")
    def test_certificate_expired_yesterday(self):
        self.technician.technician_certificate_expiry = date(2026, 3, 14)
        self.assertTrue(self.technician.technician_certificate_expired)
        Partner = self.env["res.partner"]
        self.assertIn(
            self.technician, Partner.search([("technician_certificate_expired", "=", True)])
        )
        self.assertNotIn(
            self.technician, Partner.search([("technician_certificate_expired", "!=", True)])
        )
        with self.assertRaises(UserError) as error:
            (self.technician | self.point)._aftersales_check_technician_certificate()
        self.assertEqual(
            str(error.exception),
            f"The certificate of technician Zhou Ming expired on "
            f"{format_date(self.env, date(2026, 3, 14))}. Renew it on the "
            "technician's contact before dispatching.",
        )

    @freeze_time("2026-03-15")
    def test_certificate_without_expiry_is_valid(self):
        self.assertFalse(self.technician.technician_certificate_expired)
        self.assertIn(
            self.technician,
            self.env["res.partner"].search([("technician_certificate_expired", "=", False)]),
        )

    def test_technician_is_a_contact_of_a_company(self):
        with self.assertRaisesRegex(ValidationError, "set the service point as the company"):
            self.env["res.partner"].create({"name": "Freelancer", "is_technician": True})

    # ------------------------------------------------------------------
    # Views
    # ------------------------------------------------------------------

    def test_network_views_load_for_a_clerk(self):
        action = self.env.ref("aftersales_service.aftersales_network_partner_action")
        views = [(view.view_id.id, view.view_mode) for view in action.view_ids]
        self.assertEqual([mode for __, mode in views], ["kanban", "list", "hierarchy", "form"])
        partners = self.env["res.partner"].with_user(self.user_clerk)
        result = partners.get_views(views, {"search_view_id": action.search_view_id.id})
        self.assertIn("is_service_point", result["models"]["res.partner"]["fields"])
        partners.web_search_read(
            literal_eval(action.domain),
            {"display_name": {}, "technician_count": {}, "dealer_class_id": {"fields": {}}},
        )


@tagged("post_install", "-at_install")
class TestResPartnerNetworkUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env,
            login="aftersales-network-tour-clerk",
            groups="base.group_user,aftersales_service.group_aftersales_clerk",
            lang="en_US",
        )
        agent = cls.env["res.partner"].create(
            {"name": "Tour Agent", "is_company": True, "is_service_point": True}
        )
        point = cls.env["res.partner"].create(
            {
                "name": "Tour City Point",
                "is_company": True,
                "is_service_point": True,
                "network_level": "city",
                "network_parent_id": agent.id,
            }
        )
        cls.env["res.partner"].create(
            {"name": "Tour Technician", "parent_id": point.id, "is_technician": True}
        )

    def test_clerk_browses_the_network_hierarchy(self):
        self.start_tour(
            "/odoo/aftersales-network?view_type=hierarchy",
            "aftersales_service_network",
            login=self.clerk.login,
        )
