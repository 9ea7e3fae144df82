# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/old-parts: the old parts (旧件) a service point returns, and its return manifests
(旧件返回单)."""

from collections import OrderedDict

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal_claims import AftersalesPortalClaims

PARTS_PER_PAGE = 40
RETURN_REPORT = "aftersales_service.aftersales_old_part_return_report"


class AftersalesPortalOldParts(AftersalesPortalClaims):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        self._aftersales_counter(
            values,
            counters,
            "aftersales_old_part_count",
            "aftersales.claim.line",
            self._old_parts_filters()["to_return"]["domain"],
        )
        return values

    def _old_parts_filters(self):
        required = [("old_part_required", "=", True), ("claim_id.state", "!=", "cancel")]
        return OrderedDict(
            [
                (
                    "to_return",
                    {
                        "label": _("To Return"),
                        "domain": [
                            *required,
                            ("old_part_state", "=", "to_return"),
                            ("claim_id.state", "=", "waiting_parts"),
                        ],
                    },
                ),
                (
                    "received",
                    {
                        "label": _("Received"),
                        "domain": [*required, ("old_part_state", "=", "received")],
                    },
                ),
                (
                    "problem",
                    {
                        "label": _("Missing or Mismatch"),
                        "domain": [*required, ("old_part_state", "in", ("missing", "mismatch"))],
                    },
                ),
                ("all", {"label": _("All"), "domain": required}),
            ]
        )

    def _aftersales_return(self, return_id):
        """The return manifest as superuser once the user may read it; 404 otherwise."""
        try:
            self._aftersales_point()
            return self._aftersales_record("stock.picking", return_id)
        except (AccessError, MissingError, ValueError) as error:
            raise NotFound() from error

    @http.route(
        ["/my/old-parts", "/my/old-parts/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_old_parts(self, page=1, filterby=None, **kw):
        self._aftersales_point()
        Line = request.env["aftersales.claim.line"]
        filters = self._old_parts_filters()
        filterby = filterby if filterby in filters else "to_return"
        domain = filters[filterby]["domain"]
        pager = portal_pager(
            url="/my/old-parts",
            url_args={"filterby": filterby},
            total=Line.search_count(domain),
            page=page,
            step=PARTS_PER_PAGE,
        )
        lines = Line.search(
            domain,
            order="old_part_due_date, claim_id, sequence, id",
            limit=PARTS_PER_PAGE,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "lines": lines,
                "returns": request.env["stock.picking"].search([], order="id desc", limit=20),
                "page_name": "aftersales_old_parts",
                "default_url": "/my/old-parts",
                "pager": pager,
                "searchbar_filters": filters,
                "filterby": filterby,
                "today": fields.Date.context_today(Line),
                "error": kw.get("error"),
            }
        )
        return request.render("aftersales_service.portal_my_old_parts", values)

    @http.route("/my/old-parts/return", type="http", auth="user", website=True, methods=["POST"])
    def portal_old_parts_return(self, **post):
        self._aftersales_point()
        ids = [
            int(value) for value in request.httprequest.form.getlist("line_ids") if value.isdigit()
        ]
        lines = request.env["aftersales.claim.line"].browse(ids)

        def create():
            if not lines:
                raise UserError(_("Select the old parts to put on the return manifest."))
            return lines._portal_create_old_part_return()

        result = self._aftersales_do("/my/old-parts", create)
        if hasattr(result, "status_code"):
            return result
        return request.redirect(f"/my/old-parts/returns/{result[:1].id}")

    @http.route("/my/old-parts/returns/<int:return_id>", type="http", auth="user", website=True)
    def portal_my_old_part_return(self, return_id, **kw):
        picking_sudo = self._aftersales_return(return_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "picking": picking_sudo,
                "moves": picking_sudo._aftersales_label_moves(),
                "page_name": "aftersales_old_part_return",
                "error": kw.get("error"),
            }
        )
        return request.render("aftersales_service.portal_my_old_part_return", values)

    @http.route(
        "/my/old-parts/returns/<int:return_id>/boxes",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_old_part_return_boxes(self, return_id, **post):
        self._aftersales_return(return_id)
        picking = request.env["stock.picking"].browse(return_id)
        boxes = {
            key.removeprefix("box_"): value
            for key, value in post.items()
            if key.startswith("box_") and key.removeprefix("box_").isdigit()
        }
        url = f"/my/old-parts/returns/{return_id}"
        result = self._aftersales_do(url, lambda: picking._portal_set_boxes(boxes))
        if hasattr(result, "status_code"):
            return result
        return request.redirect(url)

    @http.route(
        "/my/old-parts/returns/<int:return_id>/labels", type="http", auth="user", website=True
    )
    def portal_old_part_return_labels(self, return_id, download=False, **kw):
        """The 旧件返回单 with its box list and a Code128 label per part."""
        picking_sudo = self._aftersales_return(return_id)
        return self._show_report(
            model=picking_sudo, report_type="pdf", report_ref=RETURN_REPORT, download=download
        )
