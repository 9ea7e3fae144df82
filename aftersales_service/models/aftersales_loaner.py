# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date

from .aftersales_cron_batch import process_batch

LOANER_STATES = [
    ("draft", "Draft"),
    ("lent", "Lent"),
    ("returned", "Returned"),
    ("cancel", "Cancelled"),
]
#: a loan in these states holds its unit (and answers the request's loaner promise)
OPEN_LOANER_STATES = ("draft", "lent")
LOANER_OVERDUE_BATCH = 200


class AftersalesLoaner(models.Model):
    """A loan of a loaner unit (备用机借用单): a serial-numbered unit of the loaner pool
    (备用机库) lent to a customer while their own unit is repaired, for a service request.

    Lending validates a 备用机借出 transfer (备用机库 → customers) with the unit's serial;
    taking it back a 备用机归还 transfer (customers → 备用机库). A unit is in one open
    loan at most. A loan not back by its due date is overdue: the daily cron gives the
    request's responsible one activity to fetch it."""

    _name = "aftersales.loaner"
    _description = "Loaner Loan"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.numbered.mixin"]
    _aftersales_sequence_code = "aftersales.loaner"
    _order = "id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        LOANER_STATES, default="draft", required=True, readonly=True, tracking=True, copy=False
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        "Service Request",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        help="The request whose unit is repaired while the customer has the loaner.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Who has the loaner: the request's customer.",
    )
    pool_location_id = fields.Many2one(
        "stock.location", "Loaner Pool", compute="_compute_pool_location_id"
    )
    lot_id = fields.Many2one(
        "stock.lot",
        "Loaner Unit",
        required=True,
        tracking=True,
        check_company=True,
        domain="[('product_id.tracking', '=', 'serial'), ('quant_ids', 'any', "
        "[('location_id', '=', pool_location_id), ('quantity', '>', 0)])]",
        help="The serial number of a unit on hand in the loaner pool (备用机库).",
    )
    product_id = fields.Many2one(related="lot_id.product_id", string="Product")
    lent_at = fields.Datetime("Lent On", readonly=True, copy=False, tracking=True)
    due_date = fields.Date(
        "Due Back",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self)
        + timedelta(days=self.env.company.aftersales_loaner_days),
        help="The day the customer brings the loaner back; later, the loan is overdue.",
    )
    returned_at = fields.Datetime("Returned On", readonly=True, copy=False, tracking=True)
    lend_picking_id = fields.Many2one(
        "stock.picking", "Lending Transfer", readonly=True, copy=False, check_company=True
    )
    return_picking_id = fields.Many2one(
        "stock.picking", "Return Transfer", readonly=True, copy=False, check_company=True
    )
    is_overdue = fields.Boolean(
        "Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Lent and not back by its due date.",
    )
    overdue_reminded = fields.Boolean(
        readonly=True, copy=False, help="Technical: an activity was scheduled for the overdue loan."
    )
    note = fields.Text()

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for loan in self:
            loan.partner_id = loan.ticket_id.partner_id or loan.partner_id

    @api.depends("company_id")
    def _compute_pool_location_id(self):
        for loan in self:
            company = loan.company_id or self.env.company
            loan.pool_location_id = company._aftersales_warehouse().aftersales_loaner_location_id

    @api.depends("state", "due_date")
    @api.depends_context("date")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = loan.state == "lent" and loan.due_date < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search the overdue loans with “is set” or “is not set”."))
        domain = [("state", "=", "lent"), ("due_date", "<", fields.Date.context_today(self))]
        return domain if (operator == "=") == value else ["!", *expression.normalize_domain(domain)]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("lot_id", "state")
    def _check_one_open_loan(self):
        for loan in self.filtered(lambda loan: loan.state in OPEN_LOANER_STATES):
            other = self.search(
                [
                    ("id", "!=", loan.id),
                    ("lot_id", "=", loan.lot_id.id),
                    ("state", "in", OPEN_LOANER_STATES),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    _(
                        "Loaner unit %(unit)s is already on loan %(loan)s: take it back or "
                        "cancel that loan first.",
                        unit=loan.lot_id.name,
                        loan=other.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_lend(self):
        """借出: the unit leaves the pool for the customer on a validated transfer."""
        wrong = self._not_in_state("draft")
        if wrong:
            raise UserError(_("Only a draft loan is lent: %(loans)s.", loans=wrong))
        for loan in self:
            loan._ensure_in_pool()
            warehouse = loan.company_id._aftersales_warehouse()
            picking = loan._validated_transfer(
                warehouse.aftersales_loaner_out_type_id,
                warehouse.aftersales_loaner_location_id,
                self.env.ref("stock.stock_location_customers"),
            )
            loan.write(
                {"state": "lent", "lent_at": fields.Datetime.now(), "lend_picking_id": picking.id}
            )
            loan.message_post(
                body=_(
                    "Unit %(unit)s lent to %(customer)s, due back on %(day)s.",
                    unit=loan.lot_id.name,
                    customer=loan.partner_id.display_name,
                    day=format_date(self.env, loan.due_date),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_take_back(self):
        """归还: the customer brought the unit back; it returns to the pool."""
        wrong = self._not_in_state("lent")
        if wrong:
            raise UserError(_("Only a lent loaner is taken back: %(loans)s.", loans=wrong))
        for loan in self:
            warehouse = loan.company_id._aftersales_warehouse()
            picking = loan._validated_transfer(
                warehouse.aftersales_loaner_in_type_id,
                self.env.ref("stock.stock_location_customers"),
                warehouse.aftersales_loaner_location_id,
            )
            loan.write(
                {
                    "state": "returned",
                    "returned_at": fields.Datetime.now(),
                    "return_picking_id": picking.id,
                }
            )
            loan.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_cancel(self):
        wrong = self._not_in_state("draft")
        if wrong:
            raise UserError(
                _(
                    "Only a draft loan is cancelled; take a lent loaner back: %(loans)s.",
                    loans=wrong,
                )
            )
        self.state = "cancel"
        return True

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("id", "in", (self.lend_picking_id | self.return_picking_id).ids)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _not_in_state(self, state):
        """The numbers of the loans not in ``state``, for a message; empty if none."""
        return ", ".join(self.filtered(lambda loan: loan.state != state).mapped("name"))

    def _ensure_in_pool(self):
        """The unit is on hand, not reserved, in the company's loaner pool."""
        self.ensure_one()
        pool = self.pool_location_id
        available = (
            self.env["stock.quant"]
            .sudo()
            ._get_available_quantity(self.lot_id.product_id, pool, lot_id=self.lot_id, strict=False)
        )
        if self.lot_id.product_id.tracking != "serial" or available < 1:
            raise UserError(
                _(
                    "Unit %(unit)s is not in the loaner pool %(pool)s: lend a serial-numbered "
                    "unit on hand there.",
                    unit=self.lot_id.name,
                    pool=pool.display_name,
                )
            )

    def _validated_transfer(self, operation, source, destination):
        """A transfer of the loan's unit, with its serial, validated through Odoo."""
        self.ensure_one()
        picking = self.env["stock.picking"]._aftersales_unit_transfer(
            operation,
            source,
            destination,
            self.lot_id,
            self.partner_id,
            origin=f"{self.name} {self.ticket_id.display_name}",
        )
        picking._aftersales_validate_unit_transfer()
        return picking

    # ------------------------------------------------------------------
    # Overdue loans
    # ------------------------------------------------------------------
    @api.model
    def _overdue_to_remind_domain(self):
        return [("is_overdue", "=", True), ("overdue_reminded", "=", False)]

    @api.model
    def _cron_aftersales_overdue_loaners(self, batch_size=LOANER_OVERDUE_BATCH):
        """One activity per overdue loan, once, for the request's responsible (else the
        company's first after-sales manager); one batch per call, the cron runner calls
        again while some remain."""
        process_batch(
            self,
            self._overdue_to_remind_domain(),
            batch_size,
            lambda loans: loans._aftersales_remind_overdue(),
        )

    def _aftersales_remind_overdue(self):
        for loan in self:
            user = loan.ticket_id.user_id or loan.company_id._aftersales_first_manager()
            if not user:
                continue
            loan.with_context(lang=user.lang).activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Loaner overdue"),
                note=_(
                    "Loaner unit %(unit)s was due back from %(customer)s on %(day)s: ask for it.",
                    unit=loan.lot_id.name,
                    customer=loan.partner_id.display_name,
                    day=format_date(self.env, loan.due_date),
                ),
                user_id=user.id,
            )
        self.overdue_reminded = True
