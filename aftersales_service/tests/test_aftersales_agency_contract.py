# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestAftersalesAgencyContract(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.env["res.partner"].create(
            {
                "name": "Zhejiang Agent",
                "is_company": True,
                "is_service_point": True,
                "network_level": "provincial",
            }
        )
        cls.Contract = cls.env["aftersales.agency.contract"]

    def _contract(self, date_end, state="active", **vals):
        return self.Contract.create(
            {
                "partner_id": self.agent.id,
                "date_start": date(2025, 6, 1),
                "date_end": date_end,
                "state": state,
                "user_id": self.user_manager.id,
                **vals,
            }
        )

    def _reminders(self, contracts):
        return self.env["mail.activity"].search(
            [("res_model", "=", contracts._name), ("res_id", "in", contracts.ids)]
        )

    def test_number_from_the_company_sequence(self):
        contract = self._contract(date(2026, 5, 31), state="draft")
        self.assertRegex(contract.name, r"^DL\d{4}-\d{4}$")
        self.assertNotEqual(self._contract(date(2026, 5, 31)).name, contract.name)

    def test_new_company_gets_its_own_sequence(self):
        company = self.env["res.company"].create({"name": "Jiangsu Branch"})
        contract = self._contract(date(2026, 5, 31), company_id=company.id, user_id=False)
        self.assertRegex(contract.name, r"^DL\d{4}-0001$")

    def test_end_before_start_rejected(self):
        with self.assertRaises(ValidationError) as error:
            self.Contract.create(
                {
                    "name": "DL-TEST",
                    "partner_id": self.agent.id,
                    "date_start": date(2025, 6, 1),
                    "date_end": date(2025, 5, 31),
                }
            )
        self.assertEqual(
            str(error.exception),
            "The agency contract DL-TEST cannot end "
            f"({format_date(self.env, date(2025, 5, 31))}) before it starts "
            f"({format_date(self.env, date(2025, 6, 1))}).",
        )

    def test_activate_and_terminate(self):
        contract = self._contract(date(2026, 5, 31), state="draft")
        self.assertTrue(contract.can_be_activated)
        self.assertFalse(contract.can_be_terminated)
        with self.assertRaises(UserError) as error:
            contract.action_terminate()
        self.assertEqual(
            str(error.exception),
            f"Only active agency contracts can be terminated: {contract.name}.",
        )
        contract.action_activate()
        self.assertEqual(contract.state, "active")
        with self.assertRaises(UserError) as error:
            contract.action_activate()
        self.assertEqual(
            str(error.exception),
            f"Only draft agency contracts can be activated: {contract.name}.",
        )
        contract.action_terminate()
        self.assertEqual(contract.state, "terminated")

    @freeze_time("2026-05-01")
    def test_cron_expires_contracts_past_their_end(self):
        ended = self._contract(date(2026, 4, 30))
        ends_today = self._contract(date(2026, 5, 1))
        draft = self._contract(date(2026, 4, 30), state="draft")
        self.Contract._cron_check_expiry()
        self.assertEqual(ended.state, "expired")
        self.assertEqual(ends_today.state, "active")
        self.assertEqual(draft.state, "draft")

    @freeze_time("2026-05-01")
    def test_cron_reminds_once(self):
        ending = self._contract(date(2026, 5, 20))
        later = self._contract(date(2026, 7, 1))
        self.Contract._cron_check_expiry()
        self.Contract._cron_check_expiry()
        reminder = self._reminders(ending)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.user_manager)
        self.assertEqual(reminder.date_deadline, date(2026, 5, 20))
        self.assertEqual(reminder.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
        self.assertFalse(self._reminders(later))

    @freeze_time("2026-05-01")
    def test_cron_reminds_again_after_a_renewal(self):
        contract = self._contract(date(2026, 5, 20))
        self.Contract._cron_check_expiry()
        self._reminders(contract).action_done()
        self.Contract._cron_check_expiry()
        self.assertFalse(self._reminders(contract))
        contract.date_end = date(2026, 5, 25)
        self.Contract._cron_check_expiry()
        self.assertEqual(len(self._reminders(contract)), 1)

    @freeze_time("2026-05-01")
    def test_cron_uses_the_company_reminder_delay(self):
        self.env.company.aftersales_contract_reminder_days = 10
        contract = self._contract(date(2026, 5, 20))
        self.Contract._cron_check_expiry()
        self.assertFalse(self._reminders(contract))
        self.env.company.aftersales_contract_reminder_days = 19
        self.Contract._cron_check_expiry()
        self.assertEqual(len(self._reminders(contract)), 1)

    def test_partner_smart_button(self):
        contract = self._contract(date(2026, 5, 31))
        self.assertEqual(self.agent.agency_contract_count, 1)
        action = self.agent.action_view_agency_contracts()
        self.assertEqual(self.Contract.search(action["domain"]), contract)

    def test_clerk_reads_manager_writes(self):
        contract = self._contract(date(2026, 5, 31))
        self.assertEqual(contract.with_user(self.user_clerk).partner_id, self.agent)
        with self.assertRaises(AccessError):
            contract.with_user(self.user_clerk).date_end = date(2026, 6, 30)
        with self.assertRaises(AccessError):
            contract.with_user(self.user_warehouse).read(["name"])
        contract.with_user(self.user_manager).date_end = date(2026, 6, 30)
        self.assertEqual(contract.date_end, date(2026, 6, 30))

    def test_contract_of_another_company_is_invisible(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        contract = self._contract(date(2026, 5, 31), company_id=company_b.id, user_id=False)
        contracts = self.Contract.with_user(self.user_manager).search([])
        self.assertNotIn(contract, contracts)
