# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dealer's settlements (核销单) and statements (对账单) on the portal."""

import re

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import AftersalesPortal

NOTICE_REPORT = "aftersales_service.aftersales_claim_settlement_report"
STATEMENT_PDF = "aftersales_service.aftersales_dealer_statement_report"
STATEMENT_XLSX = "report.aftersales_service.aftersales_dealer_statement_xlsx"
PAGE_SIZE = 20


def file_response(content, mimetype, filename, download=True):
    """A download (or, without ``download``, a file shown in the browser)."""
    headers = [("Content-Type", mimetype), ("Content-Length", len(content))]
    if download:
        headers.append(("Content-Disposition", content_disposition(filename)))
    return request.make_response(content, headers=headers)


class AftersalesPortalSettlements(AftersalesPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        self._aftersales_counter(
            values,
            counters,
            "aftersales_settlement_count",
            "aftersales.claim.settlement",
            [("state", "=", "notified")],
        )
        return values

    def _aftersales_settlement_sortings(self):
        return {
            "date": {"label": _("Period"), "order": "period_start desc, id desc"},
            "name": {"label": _("Number"), "order": "name desc"},
        }

    def _aftersales_settlement_filters(self):
        return {
            "all": {"label": _("All"), "domain": [("state", "!=", "draft")]},
            "notified": {"label": _("To Confirm"), "domain": [("state", "=", "notified")]},
            "done": {
                "label": _("Confirmed"),
                "domain": [("state", "in", ("confirmed", "posted", "reconciled"))],
            },
        }

    @http.route(
        ["/my/settlements", "/my/settlements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_aftersales_settlements(self, page=1, sortby="date", filterby="all", **kw):
        self._aftersales_point()
        Settlement = request.env["aftersales.claim.settlement"]
        sortings = self._aftersales_settlement_sortings()
        filters = self._aftersales_settlement_filters()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        domain = filters[filterby]["domain"]
        count = Settlement.search_count(domain)
        pager = portal_pager(
            url="/my/settlements",
            url_args={"sortby": sortby, "filterby": filterby},
            total=count,
            page=page,
            step=PAGE_SIZE,
        )
        settlements = Settlement.search(
            domain, order=sortings[sortby]["order"], limit=PAGE_SIZE, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "settlements": settlements,
                "page_name": "aftersales_settlement",
                "pager": pager,
                "default_url": "/my/settlements",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_settlements", values)

    def _aftersales_settlement(self, settlement_id):
        try:
            return self._aftersales_record("aftersales.claim.settlement", settlement_id)
        except (AccessError, MissingError) as error:
            raise NotFound() from error

    @http.route("/my/settlements/<int:settlement_id>", type="http", auth="user", website=True)
    def portal_my_aftersales_settlement(self, settlement_id, error=None, message=None, **kw):
        self._aftersales_point()
        settlement_sudo = self._aftersales_settlement(settlement_id)
        if settlement_sudo.state == "draft":
            raise NotFound()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "settlement": settlement_sudo,
                "page_name": "aftersales_settlement",
                "error": error,
                "message": message,
                "report_url": f"/my/settlements/{settlement_sudo.id}/notice",
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_settlement", values)

    @http.route(
        "/my/settlements/<int:settlement_id>/notice", type="http", auth="user", website=True
    )
    def portal_my_aftersales_settlement_notice(self, settlement_id, download=None, **kw):
        """三包费用核销通知 as a PDF: checked as the portal user, rendered as superuser."""
        self._aftersales_point()
        settlement_sudo = self._aftersales_settlement(settlement_id)
        if settlement_sudo.state == "draft":
            raise NotFound()
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(settlement_sudo.company_id)
            ._render_qweb_pdf(NOTICE_REPORT, settlement_sudo.ids)
        )
        return file_response(pdf, "application/pdf", f"{settlement_sudo.name}.pdf", download)

    @http.route(
        "/my/settlements/<int:settlement_id>/confirm", type="json", auth="user", website=True
    )
    def portal_aftersales_settlement_confirm(self, settlement_id, name=None, signature=None):
        """The signature form's call: confirm the notice with the name and signature."""
        self._aftersales_point()
        settlement = request.env["aftersales.claim.settlement"].browse(int(settlement_id))
        settlement._portal_sudo()  # AccessError / MissingError for another dealer's
        try:
            settlement._portal_confirm(name, signature)
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return {"error": str(error)}
        return {
            "force_refresh": True,
            "redirect_url": f"/my/settlements/{settlement.id}?message=confirmed",
        }

    @http.route(
        "/my/settlements/<int:settlement_id>/dispute",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_aftersales_settlement_dispute(self, settlement_id, note=None, **kw):
        self._aftersales_point()
        url = f"/my/settlements/{int(settlement_id)}"
        settlement = request.env["aftersales.claim.settlement"].browse(int(settlement_id))
        try:
            settlement._portal_sudo()
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        try:
            settlement._portal_dispute(note)
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._aftersales_error_redirect(url, error)
        return request.redirect(f"{url}?message=disputed")

    # ------------------------------------------------------------------
    # Statements (经销商往来对账单, 保证金对账单)
    # ------------------------------------------------------------------
    def _aftersales_statement_period(self, date_from, date_to):
        default_from, default_to = (
            request.env["aftersales.dealer.statement"].sudo()._default_period()
        )
        try:
            date_from = fields.Date.to_date(date_from) if date_from else default_from
            date_to = fields.Date.to_date(date_to) if date_to else default_to
        except ValueError as error:
            raise UserError(_("Give the period as dates, e.g. 2025-01-31.")) from error
        return date_from, date_to

    def _aftersales_statement_company(self, company_id=None):
        """The company of the statement: one the portal user belongs to, its own by default."""
        companies = request.env.user.company_ids
        company = companies.filtered(lambda c: str(c.id) == str(company_id or ""))
        return company or request.env.company

    @http.route("/my/statements", type="http", auth="user", website=True)
    def portal_my_aftersales_statements(self, error=None, **kw):
        self._aftersales_point()
        date_from, date_to = self._aftersales_statement_period(None, None)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "companies": request.env.user.company_ids.sudo(),
                "page_name": "aftersales_statement",
                "date_from": date_from,
                "date_to": date_to,
                "error": error,
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_statements", values)

    @http.route("/my/statements/download", type="http", auth="user", website=True)
    def portal_aftersales_statement_download(
        self,
        statement_type="account",
        date_from=None,
        date_to=None,
        file_format="pdf",
        company_id=None,
        **kw,
    ):
        """The statement of the user's own dealer for a period, built as superuser."""
        point = self._aftersales_point()
        if statement_type not in ("account", "deposit") or file_format not in ("pdf", "xlsx"):
            raise NotFound()
        try:
            date_from, date_to = self._aftersales_statement_period(date_from, date_to)
            statement = (
                request.env["aftersales.dealer.statement"]
                .sudo()
                .create(
                    {
                        "company_id": self._aftersales_statement_company(company_id).id,
                        "partner_id": point.id,
                        "statement_type": statement_type,
                        "date_from": date_from,
                        "date_to": date_to,
                    }
                )
            )
            # the figures first: an error in them (a company not set up) is then the page's
            # message, not the PDF renderer's crash
            statement._statement()
            if file_format == "xlsx":
                content, _type = (
                    request.env[STATEMENT_XLSX]
                    .sudo()
                    .with_context(active_model=statement._name, lang=request.env.user.lang)
                    .create_xlsx_report(statement.ids, {})
                )
            else:
                content, _type = (
                    request.env["ir.actions.report"]
                    .sudo()
                    .with_context(lang=request.env.user.lang)
                    ._render_qweb_pdf(STATEMENT_PDF, statement.ids)
                )
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._aftersales_error_redirect("/my/statements", error)
        name = re.sub(r"\W+", "_", f"{point.name}_{date_from}_{date_to}")
        mimetype = (
            "application/pdf"
            if file_format == "pdf"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        return file_response(content, mimetype, f"{name}.{file_format}")
