# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import re

from odoo.tests import HttpCase, tagged

from .common_portal import AftersalesPortalCommon
from .common_report import warm_up_http

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestAftersalesPortalMoneyUi(AftersalesPortalCommon, HttpCase):
    """The dealer on its phone (390 px wide) confirms its settlement notice and appeals a
    deduction; its notice and statements download, another dealer's do not."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        cls.point.name = "Tour Portal Point"
        cls.portal_a.partner_id.name = "Tour Confirmer"

    def setUp(self):
        super().setUp()
        self.mine = self._plant_money(self.point)
        self.theirs = self._plant_money(self.point_b)

    def test_dealer_confirms_a_notified_settlement_with_its_signature(self):
        settlement = self.mine["settlement"]
        self.start_tour(
            "/my/settlements?filterby=notified",
            "aftersales_portal_dealer_confirms_settlement",
            login=self.portal_a.login,
        )
        self.assertEqual(settlement.state, "confirmed")
        self.assertEqual(settlement.confirmed_by, "Tour Confirmer")
        self.assertTrue(settlement.confirmation, "the signature is stored")
        self.assertEqual(
            base64.b64decode(settlement.confirmation)[:8], b"\x89PNG\r\n\x1a\n", "a PNG"
        )
        message = settlement.message_ids[:1]
        self.assertEqual(message.author_id, self.portal_a.partner_id)
        self.assertEqual(self.theirs["settlement"].state, "notified")

    def test_dealer_appeals_a_posted_deduction_with_grounds_and_a_file(self):
        deduction = self.mine["deduction"]
        deduction.sudo().attachment_ids = self.env["ir.attachment"].create(
            {
                "name": "tour-evidence.pdf",
                "datas": base64.b64encode(PDF),
                "res_model": deduction._name,
                "res_id": deduction.id,
            }
        )
        self.start_tour(
            "/my/deposit", "aftersales_portal_dealer_appeals_deduction", login=self.portal_a.login
        )
        appeal = deduction.appeal_ids
        self.assertEqual(len(appeal), 1)
        self.assertEqual(appeal.state, "open")
        self.assertEqual(appeal.grounds, "用户改约, 有通话录音")
        self.assertEqual(appeal.attachment_ids.mapped("name"), ["通话记录.pdf"])
        self.assertEqual(appeal.attachment_ids.mimetype, "application/pdf")
        self.assertEqual(deduction.appeal_state, "open")
        activity = appeal.activity_ids
        self.assertEqual(activity.user_id, self.user_manager, "the approving manager reviews it")
        self.assertEqual(appeal.message_ids[:1].author_id, self.portal_a.partner_id)

    def test_the_portal_chatter_gets_mails_chinese(self):
        """The dates of the portal's chatter are mail's strings: they come translated."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.portal_a.lang = "zh_CN"
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(f"/my/settlements/{self.mine['settlement'].id}").text
        url = re.search(r'"translationURL": "([^"]+)"', page).group(1)
        translations = self.url_open(f"{url}/test?lang=zh_CN").json()["modules"]
        messages = {term["id"]: term["string"] for term in translations["mail"]["messages"]}
        self.assertEqual(messages["Today at %(time)s"], "今天%(time)s")

    def test_notice_pdf_for_own_settlement_and_404_for_another_dealers(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        mine = self.url_open(f"/my/settlements/{self.mine['settlement'].id}/notice?download=1")
        self.assertEqual(mine.status_code, 200)
        self.assertEqual(mine.headers["Content-Type"], "application/pdf")
        # under test, Odoo renders reports as HTML instead of calling wkhtmltopdf
        self.assertIn(self.mine["settlement"].name, mine.content.decode())
        self.assertNotIn(self.theirs["settlement"].name, mine.content.decode())
        for url in (
            f"/my/settlements/{self.theirs['settlement'].id}/notice",
            f"/my/settlements/{self.theirs['settlement'].id}",
            "/my/settlements/999999999/notice",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)

    def test_deduction_notice_for_own_deduction_and_404_for_another_dealers(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        mine = self.url_open(f"/my/deposit/moves/{self.mine['deduction'].id}/notice")
        self.assertEqual(mine.status_code, 200)
        self.assertEqual(mine.headers["Content-Type"], "application/pdf")
        self.assertIn(self.mine["deduction"].name, mine.content.decode())
        for url in (
            f"/my/deposit/moves/{self.theirs['deduction'].id}/notice",
            f"/my/deposit/moves/{self.theirs['deduction'].id}",
            f"/my/deposit/moves/{self.mine['topup'].id}/notice",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)

    def test_statements_download_for_own_dealer(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self.assertEqual(self.url_open("/my/statements").status_code, 200)
        pdf = self.url_open(
            "/my/statements/download?statement_type=deposit&date_from=2020-01-01"
            "&date_to=2030-12-31&file_format=pdf"
        )
        self.assertEqual(pdf.status_code, 200)
        self.assertIn(self.mine["topup"].name, pdf.content.decode())
        self.assertNotIn(self.theirs["topup"].name, pdf.content.decode())
        xlsx = self.url_open(
            "/my/statements/download?statement_type=account&date_from=2020-01-01"
            "&date_to=2030-12-31&file_format=xlsx"
        )
        self.assertEqual(xlsx.status_code, 200)
        self.assertTrue(xlsx.content.startswith(b"PK"), "an XLSX file")
        self.assertFalse(
            self.env["aftersales.dealer.statement"].search([("partner_id", "=", self.point_b.id)])
        )

    def test_portal_pages_render(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        for url in (
            "/my",
            "/my/settlements",
            "/my/deposit",
            "/my/parts-orders",
            "/my/parts-orders/new",
            "/my/statements",
            f"/my/deposit/moves/{self.mine['appealed'].id}",
            f"/my/settlements/{self.mine['settlement'].id}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
        self.assertIn("4,500.00", self.url_open("/my/deposit").text)

    def test_a_dealer_of_two_companies_sees_the_deposit_it_holds_with_each(self):
        other = self.env["res.company"].create({"name": "Tour Sister Company"})
        self.env["aftersales.deposit.account"]._for(other, self.point)

        def companies_shown():
            page = self.url_open("/my/deposit").text
            return re.findall(r'o_aftersales_deposit_company">([^<]+)<', page)

        self.authenticate(self.portal_a.login, self.portal_a.login)
        self.assertEqual(companies_shown(), [], "one company: no company name to tell apart")
        self.portal_a.company_ids |= other
        self.assertEqual(sorted(companies_shown()), sorted([self.env.company.name, other.name]))
        movement = re.search(
            r"o_aftersales_deposit_move.*?text-truncate\">([^<]+)<",
            self.url_open("/my/deposit").text,
            re.DOTALL,
        )
        self.assertTrue(movement.group(1).startswith(self.env.company.name), "whose movement")

        def download(company, statement_type="account"):
            return self.url_open(
                f"/my/statements/download?statement_type={statement_type}&date_from=2020-01-01"
                f"&date_to=2030-12-31&file_format=pdf&company_id={company.id}"
            )

        def statement(company, statement_type="account"):
            response = download(company, statement_type)
            self.assertEqual(response.headers["Content-Type"], "application/pdf", response.url)
            return response.content.decode()

        self.assertIn("aftersales_statement_company", self.url_open("/my/statements").text)
        self.assertIn(self.mine["topup"].name, statement(self.env.company, "deposit"))
        self.assertIn(other.name, statement(other), "the company asked for")
        self.assertNotIn(self.env.company.name, statement(other))
        # the other company has no deposit accounting: said on the page, no crash
        refused = download(other, "deposit")
        self.assertIn("o_aftersales_portal_error", refused.text)
        self.assertIn(
            other.name, re.search(r"o_aftersales_portal_error[^>]*>([^<]+)<", refused.text).group(1)
        )
        self.portal_a.company_ids -= other
        stranger = self.env["res.company"].create({"name": "Tour Stranger Company"})
        self.assertNotIn(stranger.name, statement(stranger), "a company it is not of: its own")

    def test_dealer_places_a_parts_order_from_the_catalogue(self):
        part = self.env["product.product"].create(
            {
                "name": "Tour Thermostat",
                "default_code": "TT-1",
                "type": "consu",
                "sale_ok": True,
                "list_price": 150.0,
                "categ_id": self.env.ref("aftersales_service.product_category_parts_wear").id,
            }
        )
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/my/parts-orders/new?search=TT-1").text
        self.assertIn("Tour Thermostat", page)
        self.assertIn("o_aftersales_part_out_of_stock", page, "none in the new-part store")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            "/my/parts-orders/create",
            data={"csrf_token": token, f"qty_{part.id}": "2", "urgent": "1"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        order = self.env["sale.order"].search([("order_line.product_id", "=", part.id)])
        self.assertEqual(order.partner_id, self.point)
        self.assertTrue(order.aftersales_urgent)
        self.assertIn(order.name, self.url_open("/my/parts-orders").text)
        order.with_user(self.user_manager).sudo().action_confirm()
        page = self.url_open(order.get_portal_url()).text
        self.assertIn("o_aftersales_parts_order_status", page)
        missing = order.aftersales_amount_missing
        self.assertTrue(missing)
        self.assertIn(f"{missing:,.2f}", page, "the payment missing before goods")
        self.assertIn("尚未发货", page, "not shipped yet")
        refused = self.url_open(
            "/my/parts-orders/create",
            data={"csrf_token": token, f"qty_{part.id}": "0"},
            allow_redirects=False,
        )
        self.assertIn("error=", refused.headers["Location"])
        self.assertEqual(
            len(self.env["sale.order"].search([("partner_id", "=", self.point.id)])), 1
        )

    def test_appeal_refuses_a_file_that_is_not_a_photo_or_a_pdf(self):
        deduction = self.mine["deduction"]
        self.authenticate(self.portal_a.login, self.portal_a.login)
        url = f"/my/deposit/moves/{deduction.id}"
        page = self.url_open(url).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            f"{url}/appeal",
            data={"csrf_token": token, "grounds": "用户改约"},
            files={"files": ("录音.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("error=", response.headers["Location"])
        self.assertFalse(deduction.appeal_ids, "nothing written")
        shown = self.url_open(response.headers["Location"]).text
        self.assertIn("o_aftersales_portal_error", shown)
        response = self.url_open(
            f"{url}/appeal",
            data={"csrf_token": token, "grounds": "用户改约"},
            files={"files": ("录音.pdf", PDF, "application/pdf")},
            allow_redirects=False,
        )
        self.assertIn("message=appealed", response.headers["Location"])
        self.assertEqual(deduction.appeal_ids.attachment_ids.mapped("name"), ["录音.pdf"])
