# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two people post on one dealer's deposit at the same moment, each in its own database
transaction (the pattern of Odoo's ``TestSequenceMixinConcurrency``): what is set up here
is committed, and removed again after each test."""
# pylint: disable=invalid-commit

import threading
from datetime import date
from functools import partial

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAftersalesDepositConcurrency(TransactionCase):
    def setUp(self):
        super().setUp()
        self.ids = {}
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env.company
            company._aftersales_setup_deposit_accounting()
            company.aftersales_deposit_overdraft = "refuse"
            dealers = env["res.partner"].create(
                [{"name": f"Concurrent dealer {i}", "is_company": True} for i in (1, 2)]
            )
            deposits = env["aftersales.deposit.account"]._for(company, dealers)
            # the deposits paid in, as an entry typed in Accounting (cleaned up more simply
            # than payments)
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
                        )
                        for dealer in dealers
                    ]
                    + [
                        Command.create(
                            {
                                "account_id": company.aftersales_deduction_income_account_id.id,
                                "debit": 2000,
                            }
                        )
                    ],
                }
            )
            entry.action_post()
            self.ids = {"dealers": dealers.ids, "deposits": deposits.ids}
            cr.commit()
        self.addCleanup(self._clean_up)

    def _clean_up(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            movements = env["aftersales.deposit.move"].search(
                [("deposit_account_id", "in", self.ids["deposits"])]
            )
            movements.with_context(aftersales_deposit_workflow=True).write({"state": "draft"})
            movements.unlink()  # first: an entry of a movement is never reset to draft
            entries = (
                env["account.move.line"].search([("partner_id", "in", self.ids["dealers"])]).move_id
            )
            entries.filtered(lambda move: move.state == "posted").button_draft()
            entries.posted_before = False
            entries.unlink()
            env["aftersales.deposit.account"].browse(self.ids["deposits"]).unlink()
            env["res.partner"].browse(self.ids["dealers"]).unlink()
            cr.commit()

    def _approved_deductions(self, amounts, deposit_index=0):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            deductions = env["aftersales.deposit.move"].create(
                [
                    {
                        "deposit_account_id": self.ids["deposits"][deposit_index],
                        "move_type": "deduction",
                        "amount": amount,
                        "reason": "上门超时",
                        "date": date(2025, 3, 2),
                    }
                    for amount in amounts
                ]
            )
            deductions.action_approve()
            cr.commit()
            return deductions.ids

    def _post_in_own_transaction(self, deduction_id, outcome, cursor=None):
        """Post as a user's request does: retried on a serialization failure, committed."""
        cr = cursor or self.env.registry.cursor()
        env = api.Environment(cr, SUPERUSER_ID, {})
        post = partial(lambda: env["aftersales.deposit.move"].browse(deduction_id).action_post())
        try:
            retrying(post, env)
            cr.commit()
            outcome.append("posted")
        except UserError as error:
            cr.rollback()
            outcome.append(str(error))
        finally:
            cr.close()

    def _balances(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            deposits = env["aftersales.deposit.account"].browse(self.ids["deposits"])
            ledger = {
                deposit.id: -sum(
                    env["account.move.line"]
                    .search(
                        [
                            ("account_id", "=", env.company.aftersales_deposit_account_id.id),
                            ("partner_id", "=", deposit.partner_id.id),
                            ("parent_state", "=", "posted"),
                        ]
                    )
                    .mapped("balance")
                )
                for deposit in deposits
            }
            return [deposit.balance for deposit in deposits], ledger

    def _race(self, first_id, second_id):
        """The second transaction starts before the first commits."""
        second = self.env.registry.cursor()
        second.execute("SELECT 1")  # its snapshot is taken now
        outcome = []
        self._post_in_own_transaction(first_id, outcome)
        self._post_in_own_transaction(second_id, outcome, cursor=second)
        return outcome

    def test_two_deductions_of_700_from_1000_post_exactly_one(self):
        first, second = self._approved_deductions([700, 700])
        outcome = self._race(first, second)
        self.assertEqual(outcome[0], "posted")
        self.assertNotEqual(outcome[1], "posted")
        self.assertIn("700.00", outcome[1], "a clear error after the retry, with the amount")
        balances, ledger = self._balances()
        self.assertEqual(balances[0], 300)
        self.assertEqual(ledger[self.ids["deposits"][0]], 300)

    def test_two_deductions_of_400_from_1000_both_post(self):
        first, second = self._approved_deductions([400, 400])
        self.assertEqual(self._race(first, second), ["posted", "posted"])
        self.assertEqual(self._balances()[0][0], 200)

    def test_many_people_at_once_never_overdraw_nor_deadlock(self):
        """Twelve deductions of 100 on each of two dealers' deposits of 1,000, posted by
        twelve threads at once, in opposite dealer orders: ten post on each, none more."""
        first = self._approved_deductions([100] * 12, deposit_index=0)
        second = self._approved_deductions([100] * 12, deposit_index=1)
        outcome = []
        threads = [
            threading.Thread(target=self._post_pair, args=(pair, outcome))
            for pair in zip(first, reversed(second), strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        balances, ledger = self._balances()
        self.assertEqual(balances, [0, 0])
        self.assertEqual(list(ledger.values()), [0, 0])
        self.assertEqual(outcome.count("posted"), 20)

    def _post_pair(self, pair, outcome):
        for deduction_id in pair[:: 1 if pair[0] % 2 else -1]:
            self._post_in_own_transaction(deduction_id, outcome)
