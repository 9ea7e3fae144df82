# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAftersalesClaimConcurrency(TransactionCase):
    """Two users press 索赔 on the same job at the same moment, in two real
    transactions: one claim is made, the other user is told the job is claimed. The
    data is committed (and removed afterwards) so that both transactions see it, like
    account/tests/test_sequence_mixin.py's TestSequenceMixinConcurrency."""

    def setUp(self):
        super().setUp()
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            point = env["res.partner"].create(
                {"name": "Test concurrency point", "is_company": True, "is_service_point": True}
            )
            product = env["product.product"].create(
                {"name": "Test concurrency heater", "is_storable": True, "tracking": "serial"}
            )
            lot = env["stock.lot"].create({"name": "SN-CONCURRENCY", "product_id": product.id})
            job = env["aftersales.service.job"].create(
                {
                    "partner_id": point.id,
                    "service_point_id": point.id,
                    "lot_id": lot.id,
                    "job_type": "repair",
                    "coverage": "sanbao",
                    "state": "done",
                }
            )
            cr.commit()  # pylint: disable=invalid-commit
        self.ids = {"point": point.id, "product": product.id, "lot": lot.id, "job": job.id}
        self.addCleanup(self._clean_up)

    def _clean_up(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            job = env["aftersales.service.job"].browse(self.ids["job"])
            env["aftersales.claim"].search([("job_id", "=", job.id)]).unlink()
            job.write({"state": "cancel"})
            job.unlink()
            env["stock.lot"].browse(self.ids["lot"]).unlink()
            env["product.product"].browse(self.ids["product"]).unlink()
            env["res.partner"].browse(self.ids["point"]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_two_users_claim_the_same_job_at_the_same_moment(self):
        outcome = {}

        def claim_in_a_second_transaction():
            with self.env.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
                try:
                    env["aftersales.service.job"].browse(self.ids["job"]).action_create_claim()
                    cr.commit()  # pylint: disable=invalid-commit
                    outcome["second"] = "claimed"
                except UserError as error:
                    outcome["second"] = str(error)

        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            env["aftersales.service.job"].browse(self.ids["job"]).action_create_claim()
            # The second user presses 索赔 before the first transaction commits: its
            # insert waits on the first one's.
            second = threading.Thread(target=claim_in_a_second_transaction)
            second.start()
            second.join(timeout=2)
            self.assertTrue(second.is_alive(), "the second claim waits for the first")
            cr.commit()  # pylint: disable=invalid-commit
        second.join(timeout=30)
        self.assertRegex(outcome["second"], r"^Job PG\S+ is claimed already")
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            claims = env["aftersales.claim"].search([("job_id", "=", self.ids["job"])])
            self.assertEqual(len(claims), 1)
