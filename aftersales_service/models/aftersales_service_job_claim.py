# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError


class AftersalesServiceJob(models.Model):
    """A completed 三包 job becomes a claim in one click, prefilled with its fault, its
    labour, its parts and its travel; several jobs at once give one claim each."""

    _inherit = "aftersales.service.job"

    claim_ids = fields.One2many("aftersales.claim", "job_id", "Claims")
    claim_count = fields.Integer(compute="_compute_claim_count")
    can_be_claimed = fields.Boolean(compute="_compute_claim_count")

    @api.depends("claim_ids.state", "state", "coverage")
    def _compute_claim_count(self):
        for job in self:
            live = job.claim_ids.filtered(lambda claim: claim.state != "cancel")
            job.claim_count = len(job.claim_ids)
            job.can_be_claimed = (
                job.state in ("done", "called_back") and job.coverage == "sanbao" and not live
            )

    def action_create_claim(self):
        """索赔: the job's claim, made now when it has none."""
        jobs = self.filtered(lambda job: job.claim_ids.filtered(lambda c: c.state != "cancel"))
        refused = (self - jobs).filtered(lambda job: not job.can_be_claimed)
        if refused:
            raise UserError(
                _(
                    "Only a completed 三包 job is claimed: %(jobs)s.",
                    jobs=", ".join(refused.mapped("name")),
                )
            )
        claims = jobs.claim_ids.filtered(lambda c: c.state != "cancel")
        claims |= self.env["aftersales.claim"].create(
            [job._prepare_claim_vals() for job in self - jobs]
        )
        if len(claims) == 1:
            return claims._get_form_action()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_claim_action"
        )
        action["domain"] = [("id", "in", claims.ids)]
        return action

    def action_view_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_claim_action"
        )
        action["domain"] = [("job_id", "=", self.id)]
        return action

    def _prepare_claim_vals(self):
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "service_point_id": self.service_point_id.id,
            "job_id": self.id,
            "ticket_id": self.ticket_id.id,
            "partner_id": self.partner_id.id,
            "lot_id": self.lot_id.id,
            "fault_code_id": self.fault_code_id.id,
            "cause_class": self.cause_class,
            "repair_start": fields.Date.context_today(self, self.checkin_at or self.create_date),
            "repair_end": fields.Date.context_today(self, self.checkout_at or self.write_date),
            "line_ids": [Command.create(vals) for vals in self._prepare_claim_line_vals()],
        }

    def _prepare_claim_line_vals(self):
        """Labour at the fault's norm (the hours worked claimed), the parts fitted, the
        travel."""
        self.ensure_one()
        lines = []
        if self.labour_hours:
            lines.append(
                {
                    "line_type": "labour",
                    "name": self.fault_code_id.complete_name or _("Labour"),
                    "quantity": self.labour_hours,
                    "norm_hours": self.fault_code_id.labour_hours,
                }
            )
        lines += [
            {
                "line_type": "part",
                "product_id": part.product_id.id,
                "name": part.product_id.display_name,
                "quantity": part.quantity,
                "old_part_serial": part.lot_id.name or False,
            }
            for part in self.part_ids
        ]
        if self.travel_distance:
            lines.append(
                {
                    "line_type": "travel",
                    "name": _("Travel"),
                    "quantity": self.travel_distance,
                }
            )
        return lines
