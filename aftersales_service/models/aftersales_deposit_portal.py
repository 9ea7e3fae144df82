# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dealer appeals a posted deduction (申诉) on the portal."""

from odoo import _, fields, models
from odoo.exceptions import UserError


class AftersalesDepositMove(models.Model):
    _name = "aftersales.deposit.move"
    _inherit = ["aftersales.deposit.move", "aftersales.portal.mixin"]

    def _portal_can_appeal(self):
        """Whether the dealer may still appeal this deduction (posted, in time, none open)."""
        self.ensure_one()
        move = self.sudo()
        return (
            move.move_type == "deduction"
            and move.state == "posted"
            and bool(move.appeal_deadline)
            and fields.Date.context_today(move) <= move.appeal_deadline
            and not move.appeal_ids.filtered(lambda appeal: appeal.state == "open")
        )

    def _portal_appeal(self, grounds, uploads=()):
        """申诉 with the dealer's grounds and evidence: ``uploads`` are checked
        (name, raw bytes, mimetype) files. Returns the appeal."""
        deduction = self._portal_sudo()
        deduction.ensure_one()
        grounds = (grounds or "").strip()
        if not grounds:
            raise UserError(_("Write the grounds of your appeal."))
        # one appeal at a time: the row is written, not only locked, so that a second
        # request started before the first committed fails to serialise, is retried and
        # then sees the first appeal (under repeatable read a lock alone would not do)
        self.env.cr.execute(
            "UPDATE aftersales_deposit_move SET write_date = now() at time zone 'UTC' "
            "WHERE id = %s",
            [deduction.id],
        )
        deduction.invalidate_recordset()
        if deduction.move_type != "deduction" or deduction.state != "posted":
            raise UserError(
                _("Only a posted deduction can be appealed; %(move)s is not.", move=deduction.name)
            )
        if not deduction._portal_can_appeal():
            if deduction.appeal_ids.filtered(lambda appeal: appeal.state == "open"):
                raise UserError(_("%(move)s is already under appeal.", move=deduction.name))
            raise UserError(
                _(
                    "The appeal period of %(move)s ended on %(deadline)s: it can no longer be "
                    "appealed.",
                    move=deduction.name,
                    deadline=deduction.appeal_deadline,
                )
            )
        appeal = (
            self.env["aftersales.deposit.appeal"]
            .sudo()
            .create({"deduction_id": deduction.id, "grounds": grounds})
        )
        if uploads:
            attachments = appeal._portal_attachments(uploads)
            appeal.attachment_ids = [fields.Command.set(attachments.ids)]
        appeal._portal_message(
            _("Appeal filed by the dealer: %(grounds)s", grounds=grounds),
            attachment_ids=appeal.attachment_ids.ids,
        )
        return appeal
