# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dealer's two people appeal the same deduction at the same moment, each in its own
database transaction (the pattern of ``test_aftersales_deposit_concurrency``): one appeal."""
# pylint: disable=invalid-commit

from datetime import date

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAftersalesPortalMoneyConcurrency(TransactionCase):
    def setUp(self):
        super().setUp()
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env.company
            company._aftersales_setup_deposit_accounting()
            dealer = env["res.partner"].create(
                {"name": "Concurrent portal dealer", "is_company": True, "is_dealer": True}
            )
            users = env["res.users"]
            for login in ("aftersales-race-1", "aftersales-race-2"):
                contact = env["res.partner"].create({"name": login, "parent_id": dealer.id})
                users |= new_test_user(
                    env, login=login, groups="base.group_portal", partner_id=contact.id
                )
            deposit = env["aftersales.deposit.account"]._for(company, dealer)
            entry = env["account.move"].create(
                {
                    "move_type": "entry",
                    "date": date(2025, 3, 1),
                    "journal_id": company.aftersales_deposit_journal_id.id,
                    "line_ids": [
                        Command.create(
                            {
                                "account_id": company.aftersales_deposit_account_id.id,
                                "partner_id": dealer.id,
                                "credit": 1000,
                            }
                        ),
                        Command.create(
                            {
                                "account_id": company.aftersales_deduction_income_account_id.id,
                                "debit": 1000,
                            }
                        ),
                    ],
                }
            )
            entry.action_post()
            deduction = env["aftersales.deposit.move"].create(
                {
                    "deposit_account_id": deposit.id,
                    "move_type": "deduction",
                    "amount": 300,
                    "reason": "上门超时",
                }
            )
            deduction.action_approve()
            deduction.action_post()
            self.ids = {
                "dealer": dealer.id,
                "users": users.ids,
                "deposit": deposit.id,
                "deduction": deduction.id,
            }
            cr.commit()
        self.addCleanup(self._clean_up)

    def _clean_up(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["aftersales.deposit.appeal"].search(
                [("deduction_id", "=", self.ids["deduction"])]
            ).unlink()
            movements = env["aftersales.deposit.move"].search(
                [("deposit_account_id", "=", self.ids["deposit"])]
            )
            movements.with_context(aftersales_deposit_workflow=True).write({"state": "draft"})
            movements.unlink()
            users = env["res.users"].browse(self.ids["users"])
            contacts = users.partner_id
            entries = (
                env["account.move.line"]
                .search([("partner_id", "child_of", self.ids["dealer"])])
                .move_id
            )
            entries.filtered(lambda move: move.state == "posted").button_draft()
            entries.posted_before = False
            entries.unlink()
            env["aftersales.deposit.account"].browse(self.ids["deposit"]).unlink()
            users.unlink()
            contacts.unlink()
            env["res.partner"].browse(self.ids["dealer"]).unlink()
            cr.commit()

    def _appeal_in_own_transaction(self, user_id, grounds, outcome, cursor=None):
        """Appeal as the portal's request does: retried on a serialization failure."""
        cr = cursor or self.env.registry.cursor()
        env = api.Environment(cr, user_id, {})

        def appeal():
            deduction = env["aftersales.deposit.move"].browse(self.ids["deduction"])
            return deduction._portal_appeal(grounds)

        try:
            retrying(appeal, env)
            cr.commit()
            outcome.append("appealed")
        except UserError as error:
            cr.rollback()
            outcome.append(str(error))
        finally:
            cr.close()

    def test_two_appeals_at_once_make_one(self):
        first_user, second_user = self.ids["users"]
        second = self.env.registry.cursor()
        second.execute("SELECT 1")  # its snapshot is taken before the first commits
        outcome = []
        self._appeal_in_own_transaction(first_user, "用户改约", outcome)
        self._appeal_in_own_transaction(second_user, "有通话录音", outcome, cursor=second)
        self.assertEqual(outcome[0], "appealed")
        self.assertNotEqual(outcome[1], "appealed", "the second one is refused after its retry")
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            appeals = env["aftersales.deposit.appeal"].search(
                [("deduction_id", "=", self.ids["deduction"])]
            )
            self.assertEqual(appeals.mapped("grounds"), ["用户改约"])
