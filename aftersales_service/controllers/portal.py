# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dealer portal's shared helpers; each area has its own controller file inheriting this."""

from urllib.parse import quote

from odoo import _
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers.portal import CustomerPortal

#: what a service point may upload: photos and scanned documents
UPLOAD_MIMETYPES = {"image/jpeg", "image/png", "image/webp", "application/pdf"}
UPLOAD_MAX_MB_PARAM = "aftersales_service.portal_upload_max_mb"
UPLOAD_MAX_MB_DEFAULT = 10


class AftersalesPortal(CustomerPortal):
    def _aftersales_point(self):
        """The user's service point or dealer (its commercial partner), or 403."""
        partner = request.env.user.partner_id.commercial_partner_id
        if not (partner.is_service_point or partner.is_dealer):
            raise AccessError(_("This page is for the company's dealers and service points."))
        return partner

    def _aftersales_counter(self, values, counters, key, model, domain):
        """A /my home counter: the records of ``domain`` the portal user reads (0 when it
        reads none of ``model``)."""
        if key in counters:
            Model = request.env[model]
            values[key] = Model.search_count(domain) if Model.has_access("read") else 0

    def _aftersales_record(self, model, record_id):
        """The record ``record_id`` of ``model`` as superuser, once the user may read it."""
        record = request.env[model].browse(int(record_id))
        return record._portal_sudo()

    def _aftersales_upload_max_bytes(self):
        value = (
            request.env["ir.config_parameter"].sudo().get_param(UPLOAD_MAX_MB_PARAM)
            or UPLOAD_MAX_MB_DEFAULT
        )
        return int(float(value) * 1024 * 1024)

    def _aftersales_read_uploads(self, files):
        """[(name, raw bytes, mimetype)] of uploaded files, refused when a type or size is wrong.

        The type is read from the content, not from the name or the browser's claim.
        """
        limit = self._aftersales_upload_max_bytes()
        uploads = []
        for upload in files:
            if not upload or not upload.filename:
                continue
            data = upload.read()
            mimetype = guess_mimetype(data)
            if mimetype not in UPLOAD_MIMETYPES:
                raise UserError(
                    _(
                        "%(name)s is not a photo or a PDF: upload JPG, PNG, WEBP or PDF files.",
                        name=upload.filename,
                    )
                )
            if len(data) > limit:
                raise UserError(
                    _(
                        "%(name)s is larger than %(limit)s MB: upload a smaller file.",
                        name=upload.filename,
                        limit=limit // (1024 * 1024),
                    )
                )
            uploads.append((upload.filename, data, mimetype))
        return uploads

    def _aftersales_error_redirect(self, url, error):
        """Back to ``url`` with the error message shown on the page."""
        return request.redirect(f"{url}?error={quote(str(error))}")
