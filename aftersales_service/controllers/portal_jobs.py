# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service point's jobs (派工单) and unit lookup on the portal."""

from datetime import datetime

import pytz
from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.osv import expression

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import AftersalesPortal

#: what the point still has to do: accept, go, complete
WAITING_STATES = ("dispatched", "accepted", "on_site")


class AftersalesPortalJobs(AftersalesPortal):
    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        self._aftersales_counter(
            values,
            counters,
            "aftersales_job_count",
            "aftersales.service.job",
            [("state", "in", WAITING_STATES)],
        )
        return values

    # ------------------------------------------------------------------
    # List
    # ------------------------------------------------------------------
    def _aftersales_job_filters(self):
        return {
            "all": {"label": _("All"), "domain": [("state", "!=", "draft")]},
            "waiting": {"label": _("To Do"), "domain": [("state", "in", WAITING_STATES)]},
            "dispatched": {"label": _("To Accept"), "domain": [("state", "=", "dispatched")]},
            "on_site": {"label": _("On Site"), "domain": [("state", "=", "on_site")]},
            "done": {
                "label": _("Completed"),
                "domain": [("state", "in", ("done", "called_back"))],
            },
            "cancel": {"label": _("Cancelled"), "domain": [("state", "=", "cancel")]},
        }

    def _aftersales_job_sortings(self):
        return {
            "date": {"label": _("Scheduled From"), "order": "scheduled_start desc, id desc"},
            "name": {"label": _("Number"), "order": "name desc"},
            "state": {"label": _("Status"), "order": "state, scheduled_start desc"},
        }

    def _aftersales_job_search_domain(self, search):
        """Number, customer or serial: the customers and units are found as superuser
        (the portal user reads neither), the jobs as the portal user."""
        search = (search or "").strip()
        if not search:
            return []
        customers = request.env["res.partner"].sudo()._search([("name", "ilike", search)])
        lots = request.env["stock.lot"].sudo()._search([("name", "ilike", search)])
        return [
            "|",
            "|",
            ("name", "ilike", search),
            ("partner_id", "in", customers),
            ("lot_id", "in", lots),
        ]

    @http.route(["/my/jobs", "/my/jobs/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_aftersales_jobs(
        self, page=1, sortby=None, filterby=None, search=None, search_in="all", **kw
    ):
        self._aftersales_point()
        Job = request.env["aftersales.service.job"]
        filters = self._aftersales_job_filters()
        sortings = self._aftersales_job_sortings()
        filterby = filterby if filterby in filters else "waiting"
        sortby = sortby if sortby in sortings else "date"
        domain = expression.AND(
            [filters[filterby]["domain"], self._aftersales_job_search_domain(search)]
        )
        pager = portal_pager(
            url="/my/jobs",
            url_args={"sortby": sortby, "filterby": filterby, "search": search or ""},
            total=Job.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        jobs = Job.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_aftersales_jobs_history"] = jobs.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "aftersales_jobs",
                "jobs": jobs,
                "pager": pager,
                "default_url": "/my/jobs",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_inputs": {
                    "all": {"input": "all", "label": _("Number, customer or serial")}
                },
                "search_in": "all",
                "search": search or "",
                "refused": kw.get("refused"),
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_jobs", values)

    # ------------------------------------------------------------------
    # One job
    # ------------------------------------------------------------------
    def _aftersales_job(self, job_id):
        """The point's dispatched job (sudo), or 404."""
        self._aftersales_point()
        try:
            job_sudo = self._aftersales_record("aftersales.service.job", job_id)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        if job_sudo.state == "draft":
            # not dispatched yet: nothing for the point to see or do
            raise NotFound()
        return job_sudo

    @http.route(["/my/jobs/<int:job_id>"], type="http", auth="user", website=True)
    def portal_my_aftersales_job(self, job_id, error=None, success=None, **kw):
        job_sudo = self._aftersales_job(job_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "aftersales_job",
                "job": job_sudo,
                "error": error,
                "success": success,
                "technicians": job_sudo._portal_technicians(),
                "parts": job_sudo._portal_parts(),
                "faults": job_sudo._portal_faults(),
                "photos": job_sudo._portal_photos(),
                "tz_now": self._aftersales_local_input(datetime.now()),
                "local_input": self._aftersales_local_input,
            }
        )
        values = self._get_page_view_values(
            job_sudo, None, values, "my_aftersales_jobs_history", False
        )
        return request.render("aftersales_service.portal_my_aftersales_job", values)

    def _aftersales_tz(self):
        return pytz.timezone(request.env.user.tz or "Asia/Shanghai")

    def _aftersales_local_input(self, value):
        """A UTC datetime as the value of a datetime-local input, in the user's time zone."""
        if not value:
            return ""
        local = pytz.utc.localize(value).astimezone(self._aftersales_tz())
        return local.strftime("%Y-%m-%dT%H:%M")

    def _aftersales_parse_local(self, value):
        """A datetime-local input (the user's time zone) as a naive UTC datetime."""
        if not value:
            return False
        try:
            local = datetime.strptime(value[:16], "%Y-%m-%dT%H:%M")
        except ValueError as error:
            raise UserError(_("Enter the date and time as shown: %(value)s", value=value)) from (
                error
            )
        return self._aftersales_tz().localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _aftersales_job_step(self, job_id, step, success, url=None):
        """Run ``step(job)`` (the job as the portal user); back to the job page with the
        error or the success message. Another point's job: 404."""
        job_sudo = self._aftersales_job(job_id)
        job = job_sudo.with_env(request.env)
        page = url or f"/my/jobs/{job.id}"
        try:
            step(job)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        except (UserError, ValidationError) as error:
            return self._aftersales_error_redirect(f"/my/jobs/{job.id}", error.args[0])
        separator = "&" if "?" in page else "?"
        return request.redirect(f"{page}{separator}success={success}")

    @http.route(
        ["/my/jobs/<int:job_id>/accept"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_accept(self, job_id, **kw):
        return self._aftersales_job_step(job_id, lambda job: job._portal_accept(), "accepted")

    @http.route(
        ["/my/jobs/<int:job_id>/refuse"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_refuse(self, job_id, reason=None, **kw):
        job_sudo = self._aftersales_job(job_id)
        return self._aftersales_job_step(
            job_id,
            lambda job: job._portal_refuse(reason),
            "refused",
            url=f"/my/jobs?filterby=all&refused={job_sudo.name}",
        )

    @http.route(
        ["/my/jobs/<int:job_id>/schedule"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_schedule(
        self, job_id, scheduled_start=None, scheduled_end=None, technician_id=None, **kw
    ):
        return self._aftersales_job_step(
            job_id,
            lambda job: job._portal_schedule(
                self._aftersales_parse_local(scheduled_start),
                self._aftersales_parse_local(scheduled_end),
                technician_id,
            ),
            "scheduled",
        )

    @http.route(
        ["/my/jobs/<int:job_id>/check_in"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_check_in(self, job_id, **kw):
        return self._aftersales_job_step(job_id, lambda job: job._portal_check_in(), "checked_in")

    @http.route(
        ["/my/jobs/<int:job_id>/parts"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_add_part(
        self, job_id, product_id=None, quantity=None, lot_name=None, old_part_kept=None, **kw
    ):
        return self._aftersales_job_step(
            job_id,
            lambda job: job._portal_add_part(product_id, quantity, lot_name, old_part_kept),
            "part",
        )

    @http.route(
        ["/my/jobs/<int:job_id>/parts/remove"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_remove_part(self, job_id, part_id=None, **kw):
        return self._aftersales_job_step(
            job_id, lambda job: job._portal_remove_part(part_id), "part_removed"
        )

    @http.route(
        ["/my/jobs/<int:job_id>/photos"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_photos(self, job_id, **kw):
        self._aftersales_job(job_id)
        files = request.httprequest.files.getlist("photos")

        def step(job):
            job._portal_add_photos(self._aftersales_read_uploads(files))

        return self._aftersales_job_step(job_id, step, "photos")

    @http.route(
        ["/my/jobs/<int:job_id>/photo/remove"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_remove_photo(self, job_id, attachment_id=None, **kw):
        return self._aftersales_job_step(
            job_id, lambda job: job._portal_remove_photo(attachment_id), "photo_removed"
        )

    @http.route(
        ["/my/jobs/<int:job_id>/resolution"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_resolution(self, job_id, resolution=None, fault_code_id=None, **kw):
        return self._aftersales_job_step(
            job_id,
            lambda job: job._portal_set_resolution(resolution, fault_code_id),
            "resolution",
        )

    @http.route(
        ["/my/jobs/<int:job_id>/check_out"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_job_check_out(self, job_id, **kw):
        return self._aftersales_job_step(job_id, lambda job: job._portal_check_out(), "checked_out")

    @http.route(["/my/jobs/<int:job_id>/sign"], type="json", auth="user", website=True)
    def portal_aftersales_job_sign(self, job_id, name=None, signature=None, **kw):
        """The customer's signature from Odoo's signature form (JSON)."""
        job = request.env["aftersales.service.job"].browse(int(job_id))
        try:
            job._portal_sign(name, signature)
        except (AccessError, MissingError):
            raise
        except (UserError, ValidationError) as error:
            return {"error": error.args[0]}
        return {"force_refresh": True, "redirect_url": f"/my/jobs/{job.id}?success=signed"}

    # ------------------------------------------------------------------
    # Unit lookup
    # ------------------------------------------------------------------
    @http.route(["/my/units"], type="http", auth="user", website=True)
    def portal_my_aftersales_units(self, serial=None, **kw):
        self._aftersales_point()
        unit = request.env["aftersales.service.job"]._portal_unit_lookup(serial)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "aftersales_units",
                "serial": (serial or "").strip(),
                "unit": unit,
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_units", values)
