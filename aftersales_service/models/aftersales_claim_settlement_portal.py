# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dealer confirms or disputes its settlement notice (三包费用核销通知) on the portal."""

import base64
import binascii

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools.mimetypes import guess_mimetype

from .aftersales_claim_settlement import ACCOUNTANT_GROUP


class AftersalesClaimSettlement(models.Model):
    _name = "aftersales.claim.settlement"
    _inherit = ["aftersales.claim.settlement", "aftersales.portal.mixin"]

    is_disputed = fields.Boolean(
        "Disputed",
        copy=False,
        readonly=True,
        tracking=True,
        help="The dealer disputes the notice: it stays notified until the accountant answers "
        "and the dealer confirms it, or the accountant cancels it.",
    )
    dispute_note = fields.Text(copy=False, readonly=True, help="What the dealer disputes.")
    disputed_on = fields.Datetime(copy=False, readonly=True)

    def _portal_lock(self):
        """Lock the settlements' rows: two people acting on one notice at once are
        serialised, the second sees what the first did."""
        self.env.cr.execute(
            "SELECT id FROM aftersales_claim_settlement WHERE id IN %s ORDER BY id FOR UPDATE",
            [tuple(self.ids)],
        )
        self.invalidate_recordset()

    def _portal_confirm(self, name, signature):
        """The dealer confirms the notice with its name and signature (a PNG, base64)."""
        settlement = self._portal_sudo()
        settlement.ensure_one()
        name = (name or "").strip()
        if not name:
            raise UserError(_("Write your name to confirm the settlement notice."))
        try:
            image = base64.b64decode(signature or "", validate=True)
        except (binascii.Error, ValueError):
            image = b""
        if not image or guess_mimetype(image) != "image/png":
            raise UserError(_("Sign the settlement notice to confirm it."))
        settlement._portal_lock()
        settlement._ensure_step("notified", _("confirmed"))
        settlement.write(
            {
                "confirmed_by": name,
                "confirmation": signature,
                "confirmation_name": f"{settlement.name}-signature.png",
                "is_disputed": False,
            }
        )
        settlement.action_confirm()
        settlement._portal_message(
            _("Settlement notice confirmed online by %(name)s.", name=name), notify=True
        )
        return settlement

    def _portal_dispute(self, note):
        """The dealer disputes the notice: it stays notified, flagged, and the accountant
        gets an activity to answer."""
        settlement = self._portal_sudo()
        settlement.ensure_one()
        note = (note or "").strip()
        if not note:
            raise UserError(_("Write what is wrong in the settlement notice."))
        settlement._portal_lock()
        settlement._ensure_step("notified", _("disputed"))
        settlement.write(
            {"is_disputed": True, "dispute_note": note, "disputed_on": fields.Datetime.now()}
        )
        settlement.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_("The dealer disputes %(settlement)s", settlement=settlement.name),
            note=note,
            user_id=settlement._portal_accountant().id,
        )
        settlement._portal_message(
            _("Settlement notice disputed: %(note)s", note=note), notify=True
        )
        return settlement

    def _portal_accountant(self):
        """Who answers the dealer: the accountant who prepared the notice, or any."""
        self.ensure_one()
        user = self.create_uid
        if user and user.has_group(ACCOUNTANT_GROUP) and not user.share:
            return user
        return self.env.ref(ACCOUNTANT_GROUP).users.filtered(lambda u: not u.share)[:1] or (
            self.env.ref("base.user_admin")
        )
