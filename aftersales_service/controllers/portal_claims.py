# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/claims: a service point's 三包 claims (三包索赔单)."""

from collections import OrderedDict

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.osv.expression import AND, OR

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import AftersalesPortal

CLAIMS_PER_PAGE = 20
#: the claims waiting for the service point: to finish or returned for correction
CLAIMS_TO_DO = ("draft", "returned")


class AftersalesPortalClaims(AftersalesPortal):
    # ------------------------------------------------------------------
    # /my counter
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        self._aftersales_counter(
            values,
            counters,
            "aftersales_claim_count",
            "aftersales.claim",
            [("state", "in", CLAIMS_TO_DO)],
        )
        return values

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _aftersales_claim(self, claim_id):
        """The claim as superuser once the user may read it; 404 otherwise."""
        try:
            self._aftersales_point()
            return self._aftersales_record("aftersales.claim", claim_id)
        except (AccessError, MissingError, ValueError) as error:
            raise NotFound() from error

    def _aftersales_do(self, url, action):
        """Run ``action`` all or nothing; back to ``url`` with its error, if any."""
        try:
            with request.env.cr.savepoint():
                result = action()
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        except (UserError, ValidationError) as error:
            return self._aftersales_error_redirect(url, error.args[0])
        return result

    def _aftersales_not_a_point(self):
        """A dealer that repairs nothing itself: back to its claims, saying why."""
        return self._aftersales_error_redirect(
            "/my/claims",
            _(
                "Only a service point makes 三包 claims: the claims of your dealership are made "
                "by the service points that repair its units."
            ),
        )

    def _claim_searchbar(self):
        searchbar_sortings = {
            "date": {"label": _("Newest"), "order": "id desc"},
            "name": {"label": _("Reference"), "order": "name desc"},
            "amount": {"label": _("Amount Claimed"), "order": "amount_claimed desc"},
            "state": {"label": _("Status"), "order": "state, id desc"},
        }
        searchbar_filters = OrderedDict(
            [
                ("all", {"label": _("All"), "domain": []}),
                ("todo", {"label": _("To Do"), "domain": [("state", "in", CLAIMS_TO_DO)]}),
                (
                    "returned",
                    {"label": _("Returned for Correction"), "domain": [("state", "=", "returned")]},
                ),
                (
                    "open",
                    {
                        "label": _("In Progress"),
                        "domain": [("state", "in", ("submitted", "waiting_parts", "appraisal"))],
                    },
                ),
                (
                    "done",
                    {
                        "label": _("Appraised"),
                        "domain": [("state", "in", ("approved", "rejected", "settled"))],
                    },
                ),
            ]
        )
        searchbar_inputs = {
            "name": {"input": "name", "label": _("Search in Reference")},
            "unit": {"input": "unit", "label": _("Search in Unit")},
            "all": {"input": "all", "label": _("Search in All")},
        }
        return searchbar_sortings, searchbar_filters, searchbar_inputs

    def _claim_search_domain(self, search_in, search):
        if not search:
            return []
        by = {
            "name": [("name", "ilike", search)],
            "unit": [("lot_id.name", "ilike", search)],
        }
        if search_in in by:
            return by[search_in]
        return OR(list(by.values()))

    def _claimable_jobs(self):
        """The point's completed 三包 jobs without a live claim, read as the user."""
        Job = request.env["aftersales.service.job"]
        if not Job.has_access("read"):
            return Job
        jobs = Job.search(
            [("state", "in", ("done", "called_back")), ("coverage", "=", "sanbao")],
            order="id desc",
            limit=50,
        )
        return jobs.filtered("can_be_claimed")

    # ------------------------------------------------------------------
    # List
    # ------------------------------------------------------------------
    @http.route(
        ["/my/claims", "/my/claims/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_claims(
        self, page=1, sortby=None, filterby=None, search=None, search_in="all", **kw
    ):
        self._aftersales_point()
        Claim = request.env["aftersales.claim"]
        sortings, filters, inputs = self._claim_searchbar()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        search_in = search_in if search_in in inputs else "all"
        domain = AND([filters[filterby]["domain"], self._claim_search_domain(search_in, search)])
        count = Claim.search_count(domain)
        pager = portal_pager(
            url="/my/claims",
            url_args={
                "sortby": sortby,
                "filterby": filterby,
                "search": search,
                "search_in": search_in,
            },
            total=count,
            page=page,
            step=CLAIMS_PER_PAGE,
        )
        claims = Claim.search(
            domain, order=sortings[sortby]["order"], limit=CLAIMS_PER_PAGE, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "claims": claims,
                "page_name": "aftersales_claims",
                "default_url": "/my/claims",
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_inputs": inputs,
                "search_in": search_in,
                "search": search,
                "jobs": self._claimable_jobs(),
                "can_claim": self._aftersales_point().is_service_point,
                "error": kw.get("error"),
            }
        )
        return request.render("aftersales_service.portal_my_claims", values)

    # ------------------------------------------------------------------
    # Creating
    # ------------------------------------------------------------------
    @http.route("/my/claims/new", type="http", auth="user", website=True, methods=["GET"])
    def portal_claim_new(self, **kw):
        if not self._aftersales_point().is_service_point:
            return self._aftersales_not_a_point()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "aftersales_claim_new",
                "faults": request.env["aftersales.claim"]._portal_fault_choices(),
                "cause_classes": request.env["aftersales.claim"]
                ._fields["cause_class"]
                ._description_selection(request.env),
                "error": kw.get("error"),
            }
        )
        return request.render("aftersales_service.portal_claim_new", values)

    @http.route("/my/claims/create", type="http", auth="user", website=True, methods=["POST"])
    def portal_claim_create(self, **post):
        if not self._aftersales_point().is_service_point:
            return self._aftersales_not_a_point()
        result = self._aftersales_do(
            "/my/claims/new", lambda: request.env["aftersales.claim"]._portal_create_manual(post)
        )
        if not hasattr(result, "_name"):
            return result
        return request.redirect(f"/my/claims/{result.id}")

    @http.route(
        "/my/claims/from-job/<int:job_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_claim_from_job(self, job_id, **post):
        try:
            self._aftersales_point()
            job = request.env["aftersales.service.job"].browse(job_id).exists()
            job.check_access("read")
            if not job:
                raise MissingError(_("This document does not exist or is not yours."))
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        result = self._aftersales_do(
            "/my/claims", lambda: request.env["aftersales.claim"]._portal_create_from_job(job)
        )
        if not hasattr(result, "_name"):
            return result
        return request.redirect(f"/my/claims/{result.id}")

    # ------------------------------------------------------------------
    # Detail
    # ------------------------------------------------------------------
    @http.route("/my/claims/<int:claim_id>", type="http", auth="user", website=True)
    def portal_my_claim(self, claim_id, **kw):
        claim_sudo = self._aftersales_claim(claim_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "claim": claim_sudo,
                "page_name": "aftersales_claim",
                "faults": claim_sudo._portal_fault_choices(),
                "cause_classes": claim_sudo._fields["cause_class"]._description_selection(
                    request.env
                ),
                "line_types": claim_sudo.line_ids._fields["line_type"]._description_selection(
                    request.env
                ),
                "photos": claim_sudo._portal_photos(),
                "error": kw.get("error"),
                "message": kw.get("message"),
            }
        )
        return request.render("aftersales_service.portal_my_claim", values)

    def _claim_post(self, claim_id, action):
        """Run ``action(claim as the user)`` on a claim of the point; back to its page."""
        self._aftersales_claim(claim_id)
        claim = request.env["aftersales.claim"].browse(claim_id)
        url = f"/my/claims/{claim_id}"
        result = self._aftersales_do(url, lambda: action(claim))
        if hasattr(result, "status_code"):
            return result
        return request.redirect(url)

    @http.route(
        "/my/claims/<int:claim_id>/update", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_claim_update(self, claim_id, **post):
        return self._claim_post(claim_id, lambda claim: claim._portal_update(post))

    @http.route(
        "/my/claims/<int:claim_id>/line/add",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_claim_add_line(self, claim_id, **post):
        return self._claim_post(claim_id, lambda claim: claim._portal_add_line(post))

    @http.route(
        "/my/claims/<int:claim_id>/line/update",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_claim_update_line(self, claim_id, line_id=0, **post):
        values = {
            key: post[key]
            for key in ("quantity", "name", "old_part_serial", "price_unit")
            if key in post
        }
        return self._claim_post(
            claim_id, lambda claim: claim._portal_update_line(int(line_id or 0), values)
        )

    @http.route(
        "/my/claims/<int:claim_id>/line/remove",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_claim_remove_line(self, claim_id, line_id=0, **post):
        return self._claim_post(
            claim_id, lambda claim: claim._portal_remove_line(int(line_id or 0))
        )

    @http.route(
        "/my/claims/<int:claim_id>/upload", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_claim_upload(self, claim_id, **post):
        files = request.httprequest.files

        def upload(claim):
            record = self._aftersales_read_uploads(files.getlist("repair_record"))
            if record:
                claim._portal_upload_repair_record(*record[0][:2])
            photos = self._aftersales_read_uploads(files.getlist("photos"))
            if photos:
                claim._portal_attach_photos(photos)
            if not record and not photos:
                raise UserError(_("Choose a file to upload."))

        return self._claim_post(claim_id, upload)

    @http.route(
        "/my/claims/<int:claim_id>/photo/remove",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_claim_remove_photo(self, claim_id, attachment_id=0, **post):
        return self._claim_post(claim_id, lambda claim: claim._portal_remove_photo(attachment_id))

    @http.route(
        "/my/claims/<int:claim_id>/submit", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_claim_submit(self, claim_id, **post):
        return self._claim_post(claim_id, lambda claim: claim._portal_submit())
