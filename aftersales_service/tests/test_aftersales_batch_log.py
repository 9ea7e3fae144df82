# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common_settlement import AftersalesSettlementCommon

TRACKING = {"tracking_disable": False, "mail_notrack": False}  # off in BaseCommon
#: what a clerk sees of a chatter line, and what Odoo's mail reads of it
MESSAGE_FIELDS = (
    "model",
    "message_type",
    "subtype_id",
    "author_id",
    "email_from",
    "reply_to",
    "is_internal",
    "body",
    "subject",
    "record_name",
)
TRACKING_FIELDS = ("field_id", "old_value_char", "new_value_char", "field_info")


class TestAftersalesBatchLog(AftersalesSettlementCommon):
    """A month-end run logs each claim's new state in its chatter in a few queries; what
    each claim's chatter shows is what Odoo's own tracked write would have left."""

    def _claims(self, count):
        claims = self.env["aftersales.claim"]
        for amount in range(count):
            claims |= self._approved_claim(100 + amount)
        return claims.with_context(**TRACKING)

    def _last_log(self, claim):
        return claim.message_ids.filtered("tracking_value_ids").sorted("id")[-1:]

    def _as_seen(self, message):
        """The message and its tracking values, without what differs by nature (ids, the
        record it is on)."""
        values = message.read(MESSAGE_FIELDS)[0]
        values.pop("id")
        tracking = message.tracking_value_ids.read(TRACKING_FIELDS)
        for value in tracking:
            value.pop("id")
        shown = message.tracking_value_ids._tracking_value_format()
        for value in shown:
            value.pop("id")
        return values, tracking, shown

    def test_each_chatter_shows_what_odoos_tracked_write_leaves(self):
        reference, *claims = self._claims(4)
        reference.write({"state": "settled"})
        self.env.cr.precommit.run()  # Odoo's tracking is written at commit
        batch = self.env["aftersales.claim"].browse([claim.id for claim in claims])
        batch.with_context(**TRACKING)._aftersales_write_logged({"state": "settled"})
        expected = self._as_seen(self._last_log(reference))
        self.assertEqual(expected[1][0]["new_value_char"], "Settled")
        for claim in batch:
            message = self._last_log(claim)
            self.assertEqual(message.res_id, claim.id, "the log is on its own claim")
            self.assertEqual(self._as_seen(message), expected, claim.name)
        self.assertEqual(len(batch.message_ids.filtered("tracking_value_ids")), len(batch))

    def test_claims_that_changed_differently_each_show_their_own_change(self):
        approved, cancelled, other = self._claims(3)
        cancelled.state = "cancel"
        self.env.cr.precommit.run()  # Odoo logs the cancellation at commit
        batch = approved | cancelled | other
        batch._aftersales_write_logged({"state": "settled"})
        changes = {
            claim: [
                (value.old_value_char, value.new_value_char)
                for value in self._last_log(claim).tracking_value_ids
            ]
            for claim in batch
        }
        self.assertEqual(changes[approved], [("Approved", "Settled")])
        self.assertEqual(changes[other], [("Approved", "Settled")])
        self.assertEqual(changes[cancelled], [("Cancelled", "Settled")])

    def test_a_record_that_did_not_change_gets_no_log(self):
        claim = self._claims(1)
        claim.state = "settled"
        self.env.cr.precommit.run()
        before = claim.message_ids
        claim._aftersales_write_logged({"state": "settled"})
        self.assertEqual(claim.message_ids, before)

    def test_a_computed_field_that_follows_is_in_the_same_single_log(self):
        self._approved_claim(100)
        settlement = self._settle().with_context(**TRACKING)
        settlement.step = "notified"
        self.env.flush_all()
        self.env.cr.precommit.run()
        before = settlement.message_ids
        settlement._aftersales_write_logged({"step": "confirmed", "confirmed_by": "王经理"})
        self.env.cr.precommit.run()  # where Odoo's own tracking would add a second log
        logs = settlement.message_ids - before
        self.assertEqual(len(logs), 1, logs.mapped("tracking_value_ids.field_id.name"))
        self.assertEqual(
            sorted(
                (value.field_id.name, value.old_value_char, value.new_value_char)
                for value in logs.tracking_value_ids
            ),
            [("confirmed_by", False, "王经理"), ("state", "Notified", "Confirmed")],
        )

    def test_what_odoo_was_about_to_log_joins_the_same_single_log(self):
        claim = self._claims(1)
        claim.cause_class = "installation"  # tracked by Odoo, logged at commit
        before = claim.message_ids
        claim._aftersales_write_logged({"state": "settled"})
        self.env.cr.precommit.run()
        logs = claim.message_ids - before
        self.assertEqual(len(logs), 1, logs.mapped("tracking_value_ids.field_id.name"))
        self.assertEqual(
            sorted(logs.tracking_value_ids.field_id.mapped("name")), ["cause_class", "state"]
        )

    def test_the_log_costs_the_same_queries_for_two_claims_or_twenty(self):
        def queries_to_log(claims):
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            claims._aftersales_write_logged({"state": "settled"})
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        queries_to_log(self._claims(2))  # warm the caches
        few = queries_to_log(self._claims(2))
        many = queries_to_log(self._claims(20))
        self.assertLessEqual(many - few, 2, f"{few} queries for 2 claims, {many} for 20")
