# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service point's steps on its jobs from the portal (派工单): each ``_portal_<verb>``
checks the job is the point's (:meth:`_portal_sudo`), checks the state with the job's own
rules, writes only what it names as superuser in a savepoint (nothing half-written) and
tells the desk in the chatter, the portal user as author."""

import base64
import binascii

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, html_escape

from .aftersales_portal_mixin import mask_phone, mask_text
from .aftersales_service_job import CLOSED_STATES

#: the states a point works in: after dispatch, before check-out
PORTAL_WORK_STATES = ("accepted", "on_site")
#: the states a point may still refuse a job in
PORTAL_REFUSE_STATES = ("dispatched", "accepted")


def to_id(value):
    """A record id from a form value; 0 when it is none."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


class AftersalesServiceJob(models.Model):
    _name = "aftersales.service.job"
    _inherit = ["aftersales.service.job", "aftersales.portal.mixin"]

    portal_customer_name = fields.Char(compute="_compute_portal_customer")
    portal_customer_phone = fields.Char(
        compute="_compute_portal_customer",
        help="In full on the point's open jobs, masked (138****5678) once closed.",
    )
    portal_customer_phone_masked = fields.Char(compute="_compute_portal_customer")
    portal_customer_address = fields.Char(compute="_compute_portal_customer")
    portal_unit_name = fields.Char(compute="_compute_portal_customer")
    portal_product_name = fields.Char(compute="_compute_portal_customer")

    @api.depends("partner_id", "lot_id", "state")
    @api.depends_context("uid")
    def _compute_portal_customer(self):
        for job, job_sudo in zip(self, self.sudo(), strict=True):
            customer = job_sudo.partner_id
            phone = customer.mobile or customer.phone or ""
            region = "".join(filter(None, [customer.state_id.name, customer.city]))
            address = " ".join(filter(None, [region, customer.street, customer.street2]))
            full = job_sudo.state not in CLOSED_STATES
            job.portal_customer_name = customer.name or ""
            job.portal_customer_phone = phone if full else mask_phone(phone)
            job.portal_customer_phone_masked = mask_phone(phone)
            job.portal_customer_address = (
                address if full else mask_text(address, keep=len(region) or 1)
            )
            job.portal_unit_name = job_sudo.lot_id.name or ""
            job.portal_product_name = job_sudo.product_id.display_name or ""

    # ------------------------------------------------------------------
    # What the point may choose from
    # ------------------------------------------------------------------
    def _portal_technicians(self):
        """The point's technicians (sudo)."""
        self.ensure_one()
        return (
            self.env["res.partner"]
            .sudo()
            .search(
                [("is_technician", "=", True), ("parent_id", "=", self.sudo().service_point_id.id)],
                order="name",
            )
        )

    def _portal_parts(self):
        """The parts the point holds (sudo), whatever may be fitted on the job."""
        self.ensure_one()
        location = self.sudo().service_point_id.aftersales_stock_location_id
        if not location:
            return self.env["product.product"].sudo()
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search([("location_id", "child_of", location.id), ("quantity", ">", 0)])
        )
        return quants.product_id.filtered(lambda product: product.type == "consu").sorted(
            "display_name"
        )

    def _portal_faults(self):
        """The causes the technician may record (sudo): those of the reported symptom."""
        self.ensure_one()
        job = self.sudo()
        domain = [("level", "=", "cause"), ("company_id", "in", [job.company_id.id, False])]
        if job.ticket_symptom_id:
            domain.append(("parent_id", "=", job.ticket_symptom_id.id))
        return self.env["aftersales.fault.code"].sudo().search(domain, order="complete_name")

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def _portal_step(self, states, verb):
        """The job as superuser once it is the user's and in one of ``states``."""
        job = self._portal_sudo()
        job.ensure_one()
        if job.state not in states:
            raise UserError(
                _(
                    "%(job)s cannot be %(verb)s in its present state (%(state)s).",
                    job=job.name,
                    verb=verb,
                    state=dict(job._fields["state"]._description_selection(job.env))[job.state],
                )
            )
        return job

    def _portal_post(self, body):
        """Tell the desk, the portal user as author."""
        self.ensure_one()
        self._portal_message(body, notify=True)

    def _portal_accept(self):
        job = self._portal_step(("dispatched",), _("accepted"))
        with self.env.cr.savepoint():
            job.action_accept()
            job._portal_post(_("Accepted on the portal."))
        return True

    def _portal_refuse(self, reason):
        """The point cannot take the job: it goes back to the desk, to dispatch again
        (to this or another point), with a to-do for the desk."""
        job = self._portal_step(PORTAL_REFUSE_STATES, _("refused"))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Write why the service point refuses the job."))
        point = job.service_point_id
        desk = job.ticket_id.user_id or job.create_uid
        with self.env.cr.savepoint():
            job._portal_post(
                _("Refused by %(point)s: %(reason)s", point=point.display_name, reason=reason)
            )
            job.write(
                {
                    "state": "draft",
                    "service_point_id": False,
                    "technician_id": False,
                    "dispatched_at": False,
                    "accepted_at": False,
                }
            )
            job.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=desk.id,
                summary=_("Re-dispatch: refused by the service point"),
                note=_(
                    "%(point)s refused job %(job)s: %(reason)s. Choose a service point and a "
                    "technician and dispatch it again.",
                    point=point.display_name,
                    job=job.name,
                    reason=reason,
                ),
            )
        return True

    def _portal_schedule(self, scheduled_start, scheduled_end, technician_id):
        """The visit's window and the point's technician who goes."""
        job = self._portal_step(("dispatched", "accepted"), _("scheduled"))
        technician = self.env["res.partner"].sudo().browse(to_id(technician_id))
        if technician not in job._portal_technicians():
            raise UserError(_("Choose one of the service point's technicians."))
        if not scheduled_start:
            raise UserError(_("Enter when the technician will be at the customer."))
        technician._aftersales_check_technician_certificate()
        vals = {"technician_id": technician.id, "scheduled_start": scheduled_start}
        if scheduled_end:
            vals["scheduled_end"] = scheduled_end
        with self.env.cr.savepoint():
            job.write(vals)
            job._portal_post(
                _(
                    "Scheduled on the portal: %(technician)s, %(start)s – %(end)s.",
                    technician=technician.name,
                    start=job._portal_datetime(job.scheduled_start),
                    end=job._portal_datetime(job.scheduled_end),
                )
            )
        return True

    def _portal_check_in(self):
        job = self._portal_step(("dispatched", "accepted"), _("checked in"))
        with self.env.cr.savepoint():
            job.action_check_in()
            job._portal_post(_("Checked in at the customer (portal)."))
        return True

    def _portal_add_part(self, product_id, quantity, lot_name=False, old_part_kept=False):
        """A part of the point's stock fitted on the job, as the backend's part lines."""
        job = self._portal_step(PORTAL_WORK_STATES, _("given parts"))
        product = self.env["product.product"].sudo().browse(to_id(product_id))
        if product not in job._portal_parts():
            raise UserError(_("Choose one of the parts the service point holds."))
        try:
            quantity = float(quantity or 0)
        except ValueError as error:
            raise UserError(_("Enter the quantity as a number.")) from error
        if float_compare(quantity, 0.0, precision_digits=6) <= 0:
            raise UserError(_("The quantity must be positive."))
        lot = self.env["stock.lot"].sudo()
        lot_name = (lot_name or "").strip()
        if product.tracking != "none":
            if not lot_name:
                raise UserError(
                    _("Enter the lot or serial number of %(part)s.", part=product.display_name)
                )
            lot = lot.search([("product_id", "=", product.id), ("name", "=", lot_name)], limit=1)
            if not lot:
                raise UserError(
                    _(
                        "%(serial)s is not a lot or serial number of %(part)s.",
                        serial=lot_name,
                        part=product.display_name,
                    )
                )
        with self.env.cr.savepoint():
            part = (
                self.env["aftersales.service.job.part"]
                .sudo()
                .create(
                    {
                        "job_id": job.id,
                        "product_id": product.id,
                        "quantity": quantity,
                        "lot_id": lot.id,
                        "old_part_kept": bool(old_part_kept),
                    }
                )
            )
            job._portal_post(
                _(
                    "Part used (portal): %(part)s × %(quantity)s",
                    part=product.display_name,
                    quantity=quantity,
                )
            )
        return part.id

    def _portal_remove_part(self, part_id):
        job = self._portal_step(PORTAL_WORK_STATES, _("given parts"))
        part = job.part_ids.filtered(lambda line: line.id == to_id(part_id))
        if not part:
            raise UserError(_("This part is not on the job."))
        name = part.product_id.display_name
        with self.env.cr.savepoint():
            part.unlink()
            job._portal_post(_("Part removed (portal): %(part)s", part=name))
        return True

    def _portal_photos(self):
        """The job's photos, each with the token the portal shows it by."""
        return self._portal_attachments_here([("mimetype", "=like", "image/%")])

    def _portal_remove_photo(self, attachment_id):
        """A photo removed while the job is worked on, not once it is completed."""
        self._portal_step(("dispatched", *PORTAL_WORK_STATES), _("changed"))
        self._portal_remove_attachment(attachment_id)

    def _portal_add_photos(self, uploads):
        """Photos of the job, from checked uploads [(name, raw bytes, mimetype)]."""
        job = self._portal_step(("dispatched", *PORTAL_WORK_STATES), _("given photos"))
        if not uploads:
            raise UserError(_("Choose the photos to upload."))
        with self.env.cr.savepoint():
            attachments = job._portal_attachments(uploads)
            job._portal_message(
                _("Photos of the job (portal)."), notify=True, attachment_ids=attachments.ids
            )
        return attachments.ids

    def _portal_sign(self, name, signature):
        """The customer signs on the technician's phone: final once checked out."""
        job = self._portal_step(("on_site",), _("signed"))
        name = (name or "").strip()
        if not name:
            raise UserError(_("Write the name of who signs."))
        if not signature:
            raise UserError(_("The customer's signature is missing."))
        try:
            base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(_("The signature could not be read: sign again.")) from error
        with self.env.cr.savepoint():
            job.write({"signature": signature, "signed_by": name})
            job._portal_post(_("Signed by the customer on site: %(name)s", name=name))
        return True

    def _portal_set_resolution(self, resolution, fault_code_id=False):
        """The findings and work done, and the cause found."""
        job = self._portal_step(PORTAL_WORK_STATES, _("given findings"))
        resolution = (resolution or "").strip()
        if not resolution:
            raise UserError(_("Write the findings and work done."))
        vals = {"resolution": resolution}
        if fault_code_id:
            fault = self.env["aftersales.fault.code"].sudo().browse(to_id(fault_code_id))
            if fault not in job._portal_faults():
                raise UserError(_("Choose one of the listed faults."))
            vals["fault_code_id"] = fault.id
        with self.env.cr.savepoint():
            job.write(vals)
            job._portal_post(
                _("Findings and work done (portal): %(text)s", text=html_escape(resolution))
            )
        return True

    def _portal_check_out(self):
        """完工签退 with the job's own checks (findings, fault, signature, stock)."""
        job = self._portal_step(("on_site",), _("completed"))
        with self.env.cr.savepoint():
            job.action_complete()
            job._portal_post(_("Checked out: the job is completed (portal)."))
        return True

    def _portal_datetime(self, value):
        return (
            fields.Datetime.context_timestamp(self, value).strftime("%Y-%m-%d %H:%M")
            if value
            else ""
        )

    # ------------------------------------------------------------------
    # Unit lookup
    # ------------------------------------------------------------------
    @api.model
    def _portal_unit_lookup(self, serial):
        """The unit of ``serial`` as the point knows it: its 三包 decision for today and
        the point's jobs on it; False when the point never served it (as for a serial
        that does not exist)."""
        serial = (serial or "").strip()
        if not serial:
            return False
        lots = self.env["stock.lot"].sudo().search([("name", "=", serial)])
        jobs = self.search([("lot_id", "in", lots.ids), ("state", "!=", "draft")])
        if not jobs:
            return False
        lot = jobs.sudo().lot_id[:1]
        jobs = jobs.filtered(lambda job: job.sudo().lot_id == lot)
        today = fields.Date.context_today(self)
        try:
            decision = lot.aftersales_entitlement(today)
        except (UserError, ValidationError) as error:
            decision = {"decision": False, "explanation": str(error), "warnings": []}
        labels = dict(
            self.env["aftersales.entitlement.snapshot"]
            ._fields["entitlement_decision"]
            ._description_selection(self.env)
        )
        return {
            "serial": lot.name,
            "product": lot.product_id.display_name,
            "status": dict(lot._fields["aftersales_status"]._description_selection(self.env)).get(
                lot.aftersales_status, ""
            ),
            "decision": decision.get("decision"),
            "decision_label": labels.get(decision.get("decision"), ""),
            "explanation": decision.get("explanation") or "",
            "warnings": [warning["text"] for warning in decision.get("warnings") or []],
            "period_end": decision.get("period_end"),
            "repair_period_end": decision.get("repair_period_end"),
            "jobs": jobs,
        }
