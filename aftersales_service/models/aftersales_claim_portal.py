# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a service point does to its claims on the portal (/my/claims)."""

import base64

from markupsafe import Markup, escape

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .aftersales_claim import EDITABLE_STATES
from .aftersales_portal_mixin import mask_text

#: what the service point fills in on a claim, and how each value reads from a form
PORTAL_CLAIM_FIELDS = {
    "fault_code_id": "id",
    "cause_class": "text",
    "repair_start": "date",
    "repair_end": "date",
    "usage_reading": "float",
}
#: the kinds of line a service point adds; a price is typed only for the last two
PORTAL_LINE_TYPES = ("labour", "part", "travel", "allowance", "other")
PORTAL_PRICED_TYPES = ("allowance", "other")


class AftersalesClaim(models.Model):
    _name = "aftersales.claim"
    _inherit = ["aftersales.claim", "aftersales.portal.mixin"]

    portal_unit = fields.Char("Unit (Portal)", compute="_compute_portal", compute_sudo=True)
    portal_customer = fields.Char("Customer (Portal)", compute="_compute_portal", compute_sudo=True)
    portal_fault = fields.Char("Fault (Portal)", compute="_compute_portal", compute_sudo=True)

    @api.depends("lot_id", "partner_id", "fault_code_id")
    def _compute_portal(self):
        for claim in self:
            unit = claim.lot_id
            claim.portal_unit = unit and f"{unit.name} {unit.product_id.display_name}" or ""
            claim.portal_customer = mask_text(claim.partner_id.name)
            claim.portal_fault = claim.fault_code_id.display_name or ""

    # ------------------------------------------------------------------
    # Creating a claim
    # ------------------------------------------------------------------
    @api.model
    def _portal_point(self):
        """The current portal user's service point: its claims are made out to it."""
        point = self.env.user.partner_id.commercial_partner_id
        if not point.is_service_point:
            raise AccessError(_("Only a service point makes 三包 claims."))
        return point

    @api.model
    def _portal_create_from_job(self, job):
        """索赔 on a completed 三包 job of the point: the job's claim (made now when it has
        none)."""
        job.ensure_one()
        job.check_access("read")
        job_sudo = job.sudo()
        claimed = job_sudo.claim_ids.filtered(lambda claim: claim.state != "cancel")
        action = job_sudo.action_create_claim()
        claim = self.sudo().browse(action["res_id"])
        if not claimed:
            claim._portal_log(_("Claim made from job %(job)s on the portal.", job=job_sudo.name))
        return claim

    @api.model
    def _portal_create_manual(self, values):
        """A claim typed by hand: the unit by its serial number, the fault, the repair."""
        point = self._portal_point()
        serial = (values.get("serial") or "").strip()
        if not serial:
            raise UserError(_("Type the serial number of the unit repaired."))
        unit = (
            self.env["stock.lot"]
            .sudo()
            .search(
                [("name", "=", serial), ("company_id", "in", [False, self.env.company.id])],
                limit=1,
            )
        )
        if not unit:
            raise UserError(_("No unit has the serial number %(serial)s.", serial=serial))
        vals = self._portal_claim_values(values)
        claim = (
            self.sudo()
            .with_company(self.env.company)
            .create(
                {
                    **vals,
                    "service_point_id": point.id,
                    "lot_id": unit.id,
                    "partner_id": unit.customer_id.id,
                }
            )
        )
        claim._portal_log(_("Claim typed on the portal."))
        return claim

    @api.model
    def _portal_fault_choices(self):
        """The causes a claim can name, for the form's list."""
        return self.env["aftersales.fault.code"].sudo().search([("level", "=", "cause")])

    @api.model
    def _portal_claim_values(self, values):
        """The named fields of ``values`` (strings of a form) as field values."""
        vals = {}
        for name, kind in PORTAL_CLAIM_FIELDS.items():
            if name not in values:
                continue
            raw = (values.get(name) or "").strip()
            if kind == "id":
                value = int(raw) if raw.isdigit() else False
                if value and not self._portal_fault_choices().filtered(
                    lambda f, v=value: f.id == v
                ):
                    raise UserError(_("Choose the fault from the list."))
            elif kind == "date":
                value = fields.Date.to_date(raw) if raw else False
            elif kind == "float":
                value = _portal_float(raw)
            else:
                value = raw or False
                if value and value not in dict(self._fields[name].selection):
                    raise UserError(_("Choose the cause class from the list."))
            vals[name] = value
        return vals

    # ------------------------------------------------------------------
    # Correcting a draft or returned claim
    # ------------------------------------------------------------------
    def _portal_editable(self):
        claims = self._portal_sudo()
        locked = claims.filtered(lambda claim: claim.state not in EDITABLE_STATES)
        if locked:
            raise UserError(
                _(
                    "Claim %(claims)s was submitted: it changes only when it is returned for "
                    "correction.",
                    claims=", ".join(locked.mapped("name")),
                )
            )
        return claims

    def _portal_update(self, values):
        claim = self._portal_editable()
        claim.ensure_one()
        claim.write(self._portal_claim_values(values))
        return claim

    def _portal_add_line(self, values):
        """One line more: the part by its code, the quantity; a price only for the
        allowance and other costs (the rest is priced by the company's rules)."""
        claim = self._portal_editable()
        claim.ensure_one()
        line_type = values.get("line_type") or "part"
        if line_type not in PORTAL_LINE_TYPES:
            raise UserError(_("Choose the kind of line from the list."))
        quantity = _portal_float(values.get("quantity") or "1")
        if quantity <= 0:
            raise UserError(_("The quantity of a line is more than 0."))
        vals = {
            "line_type": line_type,
            "name": (values.get("name") or "").strip() or False,
            "quantity": quantity,
            "old_part_serial": (values.get("old_part_serial") or "").strip() or False,
        }
        if line_type == "part":
            code = (values.get("part_code") or "").strip()
            product = (
                self.env["product.product"]
                .sudo()
                .search([("default_code", "=", code), ("type", "=", "consu")], limit=1)
                if code
                else self.env["product.product"]
            )
            if not product:
                raise UserError(_("No part has the code %(code)s.", code=code or "-"))
            vals["product_id"] = product.id
            vals["name"] = vals["name"] or product.display_name
            if values.get("part_role") in ("causal", "consequential"):
                vals["part_role"] = values["part_role"]
        if line_type in PORTAL_PRICED_TYPES:
            vals["price_unit"] = _portal_float(values.get("price_unit") or "0")
        claim.write({"line_ids": [Command.create(vals)]})
        return claim.line_ids[-1:]

    def _portal_update_line(self, line_id, values):
        """Correct a line: its quantity, description, old-part serial; its price for the
        allowance and other costs."""
        claim = self._portal_editable()
        line = claim.line_ids.filtered(lambda line: line.id == int(line_id))
        if not line:
            raise AccessError(_("This document does not exist or is not yours."))
        vals = {}
        if "quantity" in values:
            vals["quantity"] = _portal_float(values["quantity"] or "0")
            if vals["quantity"] <= 0:
                raise UserError(_("The quantity of a line is more than 0."))
        for name in ("name", "old_part_serial"):
            if name in values:
                vals[name] = (values[name] or "").strip() or False
        if "price_unit" in values and line.line_type in PORTAL_PRICED_TYPES:
            vals["price_unit"] = _portal_float(values["price_unit"] or "0")
        line.write(vals)
        return line

    def _portal_remove_line(self, line_id):
        claim = self._portal_editable()
        line = claim.line_ids.filtered(lambda line: line.id == int(line_id))
        if not line:
            raise AccessError(_("This document does not exist or is not yours."))
        line.unlink()
        return claim

    def _portal_upload_repair_record(self, name, data):
        """The 三包维修记录 signed by the customer (a checked upload)."""
        claim = self._portal_editable()
        claim.ensure_one()
        claim.write({"repair_record": base64.b64encode(data), "repair_record_name": name})
        claim._portal_log(_("Signed 三包 repair record %(name)s uploaded.", name=name))
        return claim

    def _portal_attach_photos(self, uploads):
        """Photos of the repair on the claim (checked uploads: [(name, data, mimetype)])."""
        claim = self._portal_sudo()
        claim.ensure_one()
        if claim.state in ("settled", "cancel"):
            raise UserError(_("Claim %(claim)s is closed.", claim=claim.name))
        attachments = claim._portal_attachments(uploads)
        claim._portal_log(
            _(
                "%(count)s photo(s) added on the portal: %(names)s.",
                count=len(attachments),
                names=", ".join(attachments.mapped("name")),
            )
        )
        return attachments

    def _portal_remove_photo(self, attachment_id):
        """A photo removed while the point still edits the claim: once submitted, the photos
        are the evidence the technicians judged."""
        claim = self._portal_sudo()
        if claim.state not in EDITABLE_STATES:
            raise UserError(
                _("The photos of %(claim)s are evidence once it is submitted.", claim=claim.name)
            )
        self._portal_remove_attachment(attachment_id)

    def _portal_photos(self):
        """The photos and documents the claim carries, but its repair record."""
        return self._portal_attachments_here()

    # ------------------------------------------------------------------
    # Submitting
    # ------------------------------------------------------------------
    def _portal_submit(self):
        """Submit (again) a draft or returned claim: every check runs; the results are
        on the page."""
        claim = self._portal_editable()
        claim.ensure_one()
        claim.action_submit()
        claim._portal_log(
            _("Submitted on the portal (submission %(version)s).", version=claim.version)
        )
        return claim

    def _portal_log(self, body):
        """A note in the chatter with the portal user as its author."""
        self._portal_message(escape(body) if not isinstance(body, Markup) else body)


def _portal_float(raw):
    try:
        return float(str(raw).replace(",", ".").strip() or 0)
    except ValueError:
        raise UserError(_("%(value)s is not a number.", value=raw)) from None
