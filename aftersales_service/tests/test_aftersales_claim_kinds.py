# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_claim import AftersalesClaimCommon


@tagged("post_install", "-at_install")
class TestAftersalesClaimKinds(AftersalesClaimCommon):
    """Goodwill and pre-authorisation, campaigns, PDI and the first free maintenance.
    The standard claim costs 90: 0.5 h at 60, a part at 40, 10 km at 2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_goodwill = cls.env.ref("aftersales_service.aftersales_claim_type_goodwill")
        cls.type_campaign = cls.env.ref("aftersales_service.aftersales_claim_type_campaign")
        cls.type_pdi = cls.env.ref("aftersales_service.aftersales_claim_type_pdi")
        cls.type_first = cls.env.ref("aftersales_service.aftersales_claim_type_first_service")
        cls.campaign = cls.env["aftersales.campaign"].create(
            {
                "name": "Relay recall",
                "code": "RC-TEST",
                "date_start": cls.today - timedelta(days=30),
                "date_end": cls.today + timedelta(days=30),
                "lot_ids": [(4, cls.unit_in_warranty.id)],
                "labour_hours": 0.5,
            }
        )

    def _claim_of_type(self, claim_type, unit=None, **vals):
        claim = self._create_claim(self._completed_job(unit, coverage="sanbao"))
        claim.write({"claim_type_id": claim_type.id, **vals})
        return claim

    def _preauth(self, amount=90.0, unit=None, point=None, approve=True, request=True):
        preauth = (
            self.env["aftersales.preauthorisation"]
            .with_user(self.user_clerk)
            .create(
                {
                    "service_point_id": (point or self.point).id,
                    "lot_id": (unit or self.unit_in_warranty).id,
                    "claim_type_id": self.type_goodwill.id,
                    "amount": amount,
                    "reason": "Loyal customer, two months out of warranty",
                }
            )
        )
        if request:
            preauth.action_request()
        if request and approve:
            preauth.with_user(self.user_manager).action_approve()
        return preauth

    def _flush_tracking(self):
        """The chatter tracks at commit (BaseCommon turns tracking off: tests that check the
        chatter turn it on)."""
        self.env.flush_all()
        self.env.cr.flush()
        self.env.invalidate_all()

    # ------------------------------------------------------------------
    # Goodwill and pre-authorisation
    # ------------------------------------------------------------------
    def test_pre_authorisation_is_requested_then_decided_by_a_manager(self):
        self.env = self.env(
            context=dict(self.env.context, tracking_disable=False, mail_notrack=False)
        )
        preauth = self._preauth(request=False)
        self._flush_tracking()
        preauth.action_request()
        self._flush_tracking()
        self.assertTrue(preauth.name.startswith("YSQ"), preauth.name)
        self.assertEqual(preauth.state, "requested")
        self.assertEqual(preauth.activity_ids.user_id, self.env.company._aftersales_first_manager())
        self.assertIn(preauth.name, preauth.activity_ids.summary)
        with self.assertRaises(AccessError):
            preauth.with_user(self.user_clerk).action_approve()
        preauth.with_user(self.user_manager).action_approve()
        self._flush_tracking()
        self.assertEqual(preauth.state, "approved")
        self.assertEqual(preauth.approved_by, self.user_manager)
        self.assertTrue(preauth.approved_on)
        self.assertFalse(preauth.activity_ids, "the decision closed the manager's to-do")
        with self.assertRaises(UserError):
            preauth.with_user(self.user_manager).action_refuse()
        tracked = preauth.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(set(tracked.mapped("new_value_char")), {"Requested", "Approved"})

    def test_a_goodwill_claim_without_approved_pre_authorisation_is_returned(self):
        claim = self._claim_of_type(self.type_goodwill)
        claim.action_submit()
        result = self._results(claim)["preauth"]
        self.assertEqual(result.outcome, "return")
        self.assertIn("needs an approved pre-authorisation", result.message)
        self.assertEqual(claim.state, "returned")

    def test_a_goodwill_claim_out_of_warranty_passes_with_its_pre_authorisation(self):
        self.unit_expired.registration_card_date = self.unit_expired.sale_date
        claim = self._claim_of_type(
            self.type_goodwill,
            unit=self.unit_expired,
        )
        claim.preauth_id = self._preauth(unit=self.unit_expired)
        claim.action_submit()
        results = self._results(claim)
        self.assertEqual(results["preauth"].outcome, "pass")
        self.assertEqual(
            results["entitlement"].outcome, "pass", "goodwill is paid out of 三包 periods"
        )
        self.assertEqual(claim.state, "waiting_parts")

        again = self._claim_of_type(self.type_goodwill, unit=self.unit_expired)
        again.preauth_id = claim.preauth_id
        again.action_submit()
        self.assertEqual(self._results(again)["preauth"].outcome, "return", "used once")

    def test_a_pre_authorisation_covers_only_its_point_its_unit_and_its_amount(self):
        other_point = self.env["res.partner"].create(
            {"name": "Other point", "is_company": True, "is_service_point": True}
        )
        for preauth in (
            self._preauth(amount=89.99),
            self._preauth(point=other_point),
            self._preauth(unit=self.unit_expired),
            self._preauth(approve=False),
        ):
            claim = self._claim_of_type(self.type_goodwill)
            claim.preauth_id = preauth
            claim.action_submit()
            self.assertEqual(
                self._results(claim)["preauth"].outcome, "return", preauth.display_name
            )
            claim.action_cancel()

    def test_a_warranty_claim_above_its_type_amount_needs_a_pre_authorisation(self):
        self.env.ref("aftersales_service.aftersales_claim_type_warranty").preauth_amount = 90.0
        at_limit = self._submitted_claim()
        self.assertEqual(self._results(at_limit)["preauth"].outcome, "pass", "90 is not above 90")
        above = self._create_claim(self._completed_job(self._create_unit("SN-PA", self.today)))
        above.lot_id.registration_card_date = self.today
        self._line(above, "travel").quantity = 11.0
        above.action_submit()
        self.assertEqual(above.amount_claimed, 92.0)
        self.assertEqual(self._results(above)["preauth"].outcome, "return")

    # ------------------------------------------------------------------
    # Campaigns
    # ------------------------------------------------------------------
    def test_a_unit_of_the_campaign_is_claimed_once(self):
        first = self._claim_of_type(self.type_campaign, campaign_id=self.campaign.id)
        first.action_submit()
        self.assertEqual(self._results(first)["campaign"].outcome, "pass")
        second = self._claim_of_type(self.type_campaign, campaign_id=self.campaign.id)
        second.action_submit()
        result = self._results(second)["campaign"]
        self.assertEqual(result.outcome, "reject")
        self.assertEqual(
            result.message,
            f"Unit {self.unit_in_warranty.name} was already claimed in campaign Relay recall.",
        )
        self.assertEqual(second.state, "rejected")

    def test_a_campaign_claim_needs_its_campaign_its_unit_and_its_dates(self):
        claim = self._claim_of_type(self.type_campaign)
        claim.action_submit()
        self.assertEqual(
            self._results(claim)["campaign"].message, "Choose the campaign of this claim."
        )

        outsider = self._create_unit("SN-NOT-IN", self.today - timedelta(days=10))
        claim = self._claim_of_type(self.type_campaign, outsider, campaign_id=self.campaign.id)
        claim.action_submit()
        self.assertIn("is not in campaign Relay recall", self._results(claim)["campaign"].message)

        claim = self._claim_of_type(
            self.type_campaign,
            campaign_id=self.campaign.id,
            repair_start=self.today - timedelta(days=31),
        )
        claim.action_submit()
        result = self._results(claim)["campaign"]
        self.assertEqual(result.outcome, "reject")
        self.assertIn("Campaign Relay recall runs from", result.message)

    def test_a_campaign_ends_after_it_starts_and_its_code_is_unique(self):
        with self.assertRaises(ValidationError):
            self.campaign.date_end = self.campaign.date_start - timedelta(days=1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.campaign.copy({"code": "RC-TEST"})

    # ------------------------------------------------------------------
    # PDI and first free maintenance
    # ------------------------------------------------------------------
    def test_a_pdi_is_for_an_unsold_unit(self):
        claim = self._claim_of_type(self.type_pdi)
        claim.action_submit()
        result = self._results(claim)["claim_kind"]
        self.assertEqual(result.outcome, "reject")
        self.assertIn("a pre-delivery inspection is for an unsold unit", result.message)

        unsold = self._create_unit("SN-UNSOLD", False)
        claim = self._claim_of_type(self.type_pdi, unsold)
        claim.action_submit()
        results = self._results(claim)
        self.assertEqual(results["claim_kind"].outcome, "pass")
        self.assertEqual(results["registration_card"].outcome, "pass", "no card before a sale")

    def test_the_first_free_maintenance_is_once_within_its_window(self):
        late = self._claim_of_type(self.type_first)
        late.action_submit()
        self.assertIn(
            "is due within 90 days of its sale", self._results(late)["claim_kind"].message
        )

        unit = self._create_unit("SN-FIRST", self.today - timedelta(days=90))
        first = self._claim_of_type(self.type_first, unit)
        first.action_submit()
        self.assertEqual(self._results(first)["claim_kind"].outcome, "pass", "day 90 is in")
        again = self._claim_of_type(self.type_first, unit)
        again.action_submit()
        self.assertEqual(
            self._results(again)["claim_kind"].message,
            "Unit SN-FIRST had its first free maintenance already.",
        )
