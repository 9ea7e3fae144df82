# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How the dealer portal reaches a record, in one place.

Portal users only *read* the addon's models (ACL read, record rules on their commercial
partner). Everything they change goes through a ``_portal_*`` method of the model that first
checks, as the portal user, that the record is theirs (:meth:`_portal_sudo`), then checks the
state and writes only the values it names, as superuser, with the portal user as the author of
the chatter message.
"""

import base64
import re

from odoo import _, models
from odoo.exceptions import AccessError, UserError

MASK = "****"


def mask_phone(value):
    """138****5678: the first three and the last four digits of a phone number."""
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)
    if len(digits) <= 7:
        return digits[:1] + MASK
    return digits[:3] + MASK + digits[-4:]


def mask_text(value, keep=1):
    """张** / 浙江省杭州市****: the first characters of a name or an address."""
    if not value:
        return ""
    return value[:keep] + MASK


class AftersalesPortalMixin(models.AbstractModel):
    _name = "aftersales.portal.mixin"
    _description = "Dealer Portal Access"

    def _portal_sudo(self):
        """These records as superuser, once the current user may read them.

        Raises AccessError (record rules) when they belong to another dealer or do not exist.
        """
        records = self.exists()
        if len(records) != len(self):
            raise AccessError(_("This document does not exist or is not yours."))
        records.check_access("read")
        return records.sudo()

    def _portal_attachments(self, uploads):
        """Attach checked uploads [(name, raw bytes, mimetype)] to this record (superuser:
        portal users create no attachment themselves)."""
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "datas": base64.b64encode(data),
                        "mimetype": mimetype,
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                    for name, data, mimetype in uploads
                ]
            )
        )

    def _portal_message(self, body, notify=False, attachment_ids=None):
        """A message in each record's chatter with the portal user as its author: a note, or
        with ``notify`` a comment the record's followers (the desk) receive."""
        for record in self:
            record.message_post(
                body=body,
                author_id=self.env.user.partner_id.id,
                attachment_ids=attachment_ids or [],
                message_type="comment",
                subtype_xmlid="mail.mt_comment" if notify else "mail.mt_note",
            )

    def _portal_attachments_here(self, domain=()):
        """The files attached to this record (not to one of its fields), each with the token
        the portal shows and downloads it by."""
        self.ensure_one()
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("res_field", "=", False),
                    *domain,
                ],
                order="id",
            )
        )
        return self._portal_with_tokens(attachments)

    def _portal_with_tokens(self, attachments):
        """``attachments``, each with an access token: the portal shows and downloads them by
        it, portal users reading no attachment (those the company's staff attached too)."""
        attachments.filtered(
            lambda attachment: not attachment.access_token
        ).sudo().generate_access_token()
        return attachments

    def _portal_remove_attachment(self, attachment_id):
        """Remove a file a user of the same dealer uploaded on the portal to this record
        (superuser, as it was attached); the chatter says which. Files the company's staff
        attached, and the record's own fields (a signed record, a signature), stay."""
        record = self._portal_sudo()
        record.ensure_one()
        partner = self.env.user.partner_id.commercial_partner_id
        wanted = str(attachment_id or "")  # a form's value: digits, or anything sent by hand
        attachment = wanted.isdigit() and record._portal_attachments_here(
            [("id", "=", int(wanted))]
        )
        if not attachment or attachment.create_uid.partner_id.commercial_partner_id != partner:
            raise UserError(_("Only a file your company uploaded here can be removed."))
        name = attachment.name
        attachment.unlink()
        record._portal_message(_("%(name)s removed on the portal.", name=name))
