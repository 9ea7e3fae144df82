# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dealer's deposit (保证金), its deductions (扣款) and appeals (申诉) on the portal."""

import base64

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import AftersalesPortal
from .portal_settlements import file_response

#: what the dealer sees of its deposit: what is in accounting
SHOWN_STATES = ("posted", "reversed")
PAGE_SIZE = 30
DEDUCTION_NOTICE = "aftersales_service.aftersales_deduction_notice_report"


class AftersalesPortalDeposit(AftersalesPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        self._aftersales_counter(
            values,
            counters,
            "aftersales_deduction_count",
            "aftersales.deposit.move",
            [("move_type", "=", "deduction"), ("state", "in", SHOWN_STATES)],
        )
        return values

    @http.route(
        ["/my/deposit", "/my/deposit/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_aftersales_deposit(self, page=1, **kw):
        self._aftersales_point()
        # every company of the group the dealer holds a deposit with (the record rules decide)
        deposits = request.env["aftersales.deposit.account"].search([], order="company_id")
        Move = request.env["aftersales.deposit.move"]
        domain = [("state", "in", SHOWN_STATES)]
        pager = portal_pager(
            url="/my/deposit", total=Move.search_count(domain), page=page, step=PAGE_SIZE
        )
        moves = Move.search(domain, limit=PAGE_SIZE, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "deposits": deposits,
                "moves": moves,
                "pager": pager,
                "page_name": "aftersales_deposit",
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_deposit", values)

    def _aftersales_deduction(self, move_id):
        try:
            move_sudo = self._aftersales_record("aftersales.deposit.move", move_id)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        if move_sudo.state not in SHOWN_STATES:
            raise NotFound()
        return move_sudo

    @http.route("/my/deposit/moves/<int:deposit_move_id>", type="http", auth="user", website=True)
    def portal_my_aftersales_deposit_move(self, deposit_move_id, error=None, message=None, **kw):
        self._aftersales_point()
        move_sudo = self._aftersales_deduction(deposit_move_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "move": move_sudo,
                "can_appeal": move_sudo._portal_can_appeal(),
                "page_name": "aftersales_deposit_move",
                "error": error,
                "message": message,
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_deposit_move", values)

    @http.route(
        "/my/deposit/moves/<int:deposit_move_id>/evidence", type="http", auth="user", website=True
    )
    def portal_aftersales_deposit_evidence(self, deposit_move_id, attachment=None, **kw):
        """One file of the deduction's evidence or of its appeals."""
        self._aftersales_point()
        move_sudo = self._aftersales_deduction(deposit_move_id)
        files = move_sudo.attachment_ids | move_sudo.appeal_ids.attachment_ids
        try:
            file_sudo = files.filtered(lambda att: att.id == int(attachment or 0))
        except ValueError as error:
            raise NotFound() from error
        if not file_sudo:
            raise NotFound()
        content = base64.b64decode(file_sudo.datas or b"")
        return file_response(
            content, file_sudo.mimetype or "application/octet-stream", file_sudo.name
        )

    @http.route(
        "/my/deposit/moves/<int:deposit_move_id>/notice", type="http", auth="user", website=True
    )
    def portal_aftersales_deduction_notice(self, deposit_move_id, **kw):
        """The deduction notice (扣款通知) as a PDF, rendered as superuser for its dealer."""
        self._aftersales_point()
        move_sudo = self._aftersales_deduction(deposit_move_id)
        if move_sudo.move_type != "deduction":
            raise NotFound()
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(move_sudo.company_id)
            ._render_qweb_pdf(DEDUCTION_NOTICE, move_sudo.ids)
        )
        return file_response(pdf, "application/pdf", f"{move_sudo.name}.pdf", download=False)

    @http.route(
        "/my/deposit/moves/<int:deposit_move_id>/appeal",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_aftersales_deposit_appeal(self, deposit_move_id, grounds=None, **kw):
        self._aftersales_point()
        url = f"/my/deposit/moves/{int(deposit_move_id)}"
        move = request.env["aftersales.deposit.move"].browse(int(deposit_move_id))
        try:
            move._portal_sudo()
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        try:
            uploads = self._aftersales_read_uploads(request.httprequest.files.getlist("files"))
            move._portal_appeal(grounds, uploads)
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._aftersales_error_redirect(url, error)
        return request.redirect(f"{url}?message=appealed")
