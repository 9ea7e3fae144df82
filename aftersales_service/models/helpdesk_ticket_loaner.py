# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from .aftersales_loaner import OPEN_LOANER_STATES


class HelpdeskTicket(models.Model):
    """The loaner promises of a repair request (报修), as the desk sees them.

    A repair not done within the company's hours (the manuals: 4 h) owes the customer a
    loaner unit (备用机) or a free equivalent. A family car (its 三包 policy counts
    kilometres) owes instead a spare car or a transport allowance once its repair has
    been open more than the company's days (5). An open loan of the request, or a
    transport allowance claimed for it, keeps the promise.
    """

    _inherit = "helpdesk.ticket"

    loaner_ids = fields.One2many("aftersales.loaner", "ticket_id", "Loans")
    loaner_count = fields.Integer("Loan Count", compute="_compute_loaner_count")
    aftersales_loaner_owed = fields.Boolean(
        "Loaner Owed",
        compute="_compute_aftersales_loaner_owed",
        search="_search_aftersales_loaner_owed",
        help="The repair is late: the customer is owed a loaner or a free equivalent "
        "(a family car: a spare car or a transport allowance), and has none yet.",
    )
    aftersales_loaner_warning = fields.Char(
        "Loaner Promise", compute="_compute_aftersales_loaner_owed"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("loaner_ids")
    def _compute_loaner_count(self):
        counts = dict(
            self.env["aftersales.loaner"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.loaner_count = counts.get(ticket._origin, 0)

    @api.depends(
        "request_type",
        "stage_id.closed",
        "reported_at",
        "lot_id.warranty_policy_id.usage_uom",
        "loaner_ids.state",
        "company_id.aftersales_loaner_hours",
        "company_id.aftersales_spare_car_days",
    )
    def _compute_aftersales_loaner_owed(self):
        now = fields.Datetime.now()
        kept = self._aftersales_loaner_kept()
        for ticket in self:
            company = ticket.company_id or self.env.company
            is_car = ticket._aftersales_is_family_car()
            owed = (
                ticket.request_type == "repair"
                and not ticket.stage_id.closed
                and ticket.reported_at
                and ticket.reported_at < now - ticket._aftersales_loaner_delay(company, is_car)
                and ticket._origin not in kept
            )
            ticket.aftersales_loaner_owed = bool(owed)
            if not owed:
                ticket.aftersales_loaner_warning = False
            elif is_car:
                ticket.aftersales_loaner_warning = _(
                    "This repair is not done within %(days)s days: offer the customer a spare "
                    "car or a transport allowance.",
                    days=company.aftersales_spare_car_days,
                )
            else:
                ticket.aftersales_loaner_warning = _(
                    "This repair is not done within %(hours)s hours: offer the customer a "
                    "loaner or a free equivalent.",
                    hours=company.aftersales_loaner_hours,
                )

    def _search_aftersales_loaner_owed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search the requests owing a loaner with “is set” or “is not set”."))
        now = fields.Datetime.now()
        car = [("lot_id.warranty_policy_id.usage_uom", "=", "km")]
        late = []
        for company in self.env["res.company"].sudo().search([]):
            late.append(
                expression.AND(
                    [
                        [("company_id", "=", company.id)],
                        expression.OR(
                            [
                                car
                                + [
                                    (
                                        "reported_at",
                                        "<",
                                        now - self._aftersales_loaner_delay(company, True),
                                    )
                                ],
                                ["!", *car]
                                + [
                                    (
                                        "reported_at",
                                        "<",
                                        now - self._aftersales_loaner_delay(company, False),
                                    )
                                ],
                            ]
                        ),
                    ]
                )
            )
        domain = expression.AND(
            [
                [
                    ("request_type", "=", "repair"),
                    ("stage_id.closed", "=", False),
                    ("loaner_ids", "not any", [("state", "in", OPEN_LOANER_STATES)]),
                    ("id", "not in", self._aftersales_allowance_tickets_query()),
                ],
                expression.OR(late),
            ]
        )
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_loaners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_loaner_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def action_lend_loaner(self):
        """A new loan of the request, to choose the unit from the pool and lend it."""
        self.ensure_one()
        if self.stage_id.closed:
            raise UserError(
                _("Request %(request)s is closed: reopen it first.", request=self.display_name)
            )
        return {
            "type": "ir.actions.act_window",
            "name": _("Lend a Loaner"),
            "res_model": "aftersales.loaner",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "default_ticket_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id or self.env.company.id,
            },
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _aftersales_is_family_car(self):
        self.ensure_one()
        return self.lot_id.warranty_policy_id.usage_uom == "km"

    @api.model
    def _aftersales_loaner_delay(self, company, is_car):
        if is_car:
            return timedelta(days=company.aftersales_spare_car_days)
        return timedelta(hours=company.aftersales_loaner_hours)

    def _aftersales_loaner_kept(self):
        """The requests among these whose loaner promise is kept: an open loan, or a
        transport allowance on a live claim."""
        tickets = self._origin
        loans = (
            self.env["aftersales.loaner"]
            .sudo()
            .search([("ticket_id", "in", tickets.ids), ("state", "in", OPEN_LOANER_STATES)])
        )
        allowances = (
            self.env["aftersales.claim.line"]
            .sudo()
            .search(
                [
                    ("claim_id.ticket_id", "in", tickets.ids),
                    ("claim_id.state", "!=", "cancel"),
                    ("line_type", "=", "allowance"),
                ]
            )
        )
        return loans.ticket_id | allowances.claim_id.ticket_id

    def _aftersales_allowance_tickets_query(self):
        """The requests with a transport allowance on a live claim, as a subquery."""
        return (
            self.env["aftersales.claim"]
            .sudo()
            ._search(
                [
                    ("ticket_id", "!=", False),
                    ("state", "!=", "cancel"),
                    ("line_ids.line_type", "=", "allowance"),
                ]
            )
            .subselect("ticket_id")
        )
