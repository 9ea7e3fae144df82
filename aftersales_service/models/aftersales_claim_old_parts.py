# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from .aftersales_cron_batch import process_batch

#: where the appraisal sends an old part: claim line destination -> warehouse location field
DESTINATION_LOCATIONS = {
    "reusable": "aftersales_reusable_location_id",
    "scrap": "aftersales_old_scrap_location_id",
    "to_supplier": "aftersales_to_supplier_location_id",
}


class AftersalesClaim(models.Model):
    """The old parts of a claim are stock: the service point returns them in one
    旧件返回单 (an incoming transfer to 待鉴定, one move per claim line), the store receives
    them, and the appraisal moves each to 可利用, 废件 or 待退供应商."""

    _inherit = "aftersales.claim"

    old_part_picking_ids = fields.Many2many(
        "stock.picking", compute="_compute_old_part_picking_ids", string="Old-Part Transfers"
    )
    old_part_picking_count = fields.Integer(compute="_compute_old_part_picking_ids")
    can_create_old_part_return = fields.Boolean(compute="_compute_old_part_picking_ids")
    old_part_reminded = fields.Boolean(
        copy=False,
        readonly=True,
        help="Technical: an activity was scheduled for its overdue parts.",
    )

    @api.depends("state", "line_ids.old_part_move_ids.state", "line_ids.old_part_state")
    def _compute_old_part_picking_ids(self):
        for claim in self:
            claim.old_part_picking_ids = claim.line_ids.old_part_move_ids.picking_id
            claim.old_part_picking_count = len(claim.old_part_picking_ids)
            claim.can_create_old_part_return = claim.state == "waiting_parts" and bool(
                claim._lines_without_return()
            )

    def _lines_without_return(self):
        """The old parts still at the service point with no return transfer under way."""
        return self.line_ids.filtered(
            lambda line: line.old_part_state == "to_return"
            and not line.old_part_move_ids.filtered(lambda move: move.state != "cancel")
        )

    # ------------------------------------------------------------------
    # The return manifest (旧件返回单)
    # ------------------------------------------------------------------
    def action_create_old_part_returns(self):
        """One return transfer per service point for the old parts still to return of
        these claims."""
        lines = self.filtered(lambda claim: claim.state == "waiting_parts")._lines_without_return()
        if not lines:
            raise UserError(
                _(
                    "No old part is waiting for a return transfer on %(claims)s.",
                    claims=", ".join(self.mapped("name")),
                )
            )
        pickings = self.env["stock.picking"]
        for (company, point), point_lines in lines.grouped(
            lambda line: (line.company_id, line.claim_id.service_point_id)
        ).items():
            pickings |= self.env["stock.picking"].create(
                self._prepare_old_part_return_vals(company, point, point_lines)
            )
        pickings.action_confirm()
        return self._pickings_action(pickings)

    @api.model
    def _prepare_old_part_return_vals(self, company, point, lines):
        operation = company._aftersales_warehouse().aftersales_old_return_type_id
        source, destination = operation.default_location_src_id, operation.default_location_dest_id
        return {
            "picking_type_id": operation.id,
            "partner_id": point.id,
            "company_id": company.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "origin": ", ".join(lines.claim_id.mapped("name")),
            "move_ids": [
                Command.create(
                    {
                        "name": f"{line.claim_id.name}: {line.product_id.display_name}",
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.quantity,
                        "product_uom": line.product_id.uom_id.id,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "aftersales_claim_line_id": line.id,
                        "company_id": company.id,
                    }
                )
                for line in lines
            ],
        }

    def action_view_old_part_pickings(self):
        self.ensure_one()
        return self._pickings_action(self.old_part_picking_ids)

    @api.model
    def _pickings_action(self, pickings):
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("id", "in", pickings.ids)]
        if len(pickings) == 1:
            action.update(views=[(False, "form")], res_id=pickings.id)
        return action

    # ------------------------------------------------------------------
    # Receipt
    # ------------------------------------------------------------------
    def _aftersales_old_parts_arrived(self):
        """Called when old-part moves are done or cancelled: a claim whose old parts all
        came back (or were closed missing) goes to the appraisal; the service point
        reads in the chatter what is missing or does not match. The store's users move
        the claim on by receiving its parts, without the right to edit claims."""
        bodies = {}
        for claim in self.sudo().filtered(lambda claim: claim.state == "waiting_parts"):
            lines = claim.line_ids.filtered("old_part_required")
            if any(line.old_part_state == "to_return" for line in lines):
                continue
            wrong = lines.filtered(lambda line: line.old_part_state in ("missing", "mismatch"))
            states = dict(wrong._fields["old_part_state"]._description_selection(self.env))
            body = escape(_("The old parts came back: the claim is ready for appraisal."))
            if wrong:
                items = Markup("").join(
                    Markup("<li>%s: %s</li>")
                    % (line.product_id.display_name, states[line.old_part_state])
                    for line in wrong
                )
                body = Markup("<p>%s</p><ul>%s</ul>") % (body, items)
            bodies[claim.id] = body
        # One write and one batch of internal notes for all the claims received together.
        if bodies:
            arrived = self.sudo().browse(list(bodies))
            arrived.write({"state": "appraisal"})
            arrived._message_log_batch(bodies)

    # ------------------------------------------------------------------
    # Deadline
    # ------------------------------------------------------------------
    @api.model
    def _overdue_old_parts_domain(self):
        return [
            ("state", "=", "waiting_parts"),
            ("old_part_reminded", "=", False),
            ("line_ids.old_part_state", "=", "to_return"),
            ("line_ids.old_part_due_date", "<", fields.Date.context_today(self)),
        ]

    @api.model
    def _cron_aftersales_overdue_old_parts(self, batch_size=200):
        """An activity on each claim whose old parts are overdue, once; one batch per
        call, the cron runner calls again while some remain."""
        process_batch(
            self,
            self._overdue_old_parts_domain(),
            batch_size,
            lambda claims: claims._aftersales_remind_old_parts_overdue(),
        )

    def _aftersales_remind_old_parts_overdue(self):
        for claim in self:
            claim.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Old parts overdue"),
                note=_(
                    "The old parts of %(claim)s were due by %(day)s: ask %(point)s to send them.",
                    claim=claim.name,
                    day=min(
                        claim.line_ids.filtered("old_part_due_date").mapped("old_part_due_date")
                    ),
                    point=claim.service_point_id.name,
                ),
                user_id=claim.create_uid.id,
            )
        self.old_part_reminded = True

    # ------------------------------------------------------------------
    # Appraisal moves
    # ------------------------------------------------------------------
    def _move_appraised_old_parts(self):
        """Move every received old part of these appraised claims from 待鉴定 to where its
        appraisal sends it, as validated internal transfers."""
        lines = self.line_ids.filtered(lambda line: line.old_part_state == "received")
        for (company, destination), group in lines.grouped(
            lambda line: (line.company_id, line.old_part_destination or "scrap")
        ).items():
            warehouse = company._aftersales_warehouse()
            operation = warehouse.aftersales_old_appraisal_type_id
            source = warehouse.aftersales_to_appraise_location_id
            target = warehouse[DESTINATION_LOCATIONS[destination]]
            picking = self.env["stock.picking"].create(
                {
                    "picking_type_id": operation.id,
                    "company_id": company.id,
                    "location_id": source.id,
                    "location_dest_id": target.id,
                    "origin": ", ".join(group.claim_id.mapped("name")),
                    "move_ids": [
                        Command.create(
                            {
                                **line._old_part_move_vals(source, target),
                                "aftersales_claim_line_id": line.id,
                            }
                        )
                        for line in group
                    ],
                }
            )
            picking.action_confirm()
            picking.action_assign()
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking._action_done()
