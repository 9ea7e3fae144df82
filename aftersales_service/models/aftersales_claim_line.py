# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

LINE_TYPES = [
    ("labour", "Labour"),
    ("part", "Part"),
    ("travel", "Travel"),
    ("allowance", "Transport Allowance"),
    ("other", "Other"),
]
PART_ROLES = [("causal", "Causal Part"), ("consequential", "Consequential Part")]
#: what the appraisal writes on a submitted line
APPRAISAL_FIELDS = {
    "appraisal",
    "amount_approved",
    "reject_reason_id",
    "appraisal_note",
    "old_part_destination",
    "appraised_by_id",
    "appraised_on",
}
#: what the receipt of the old parts writes on a submitted line
RECEIPT_FIELDS = {"old_part_mismatch", "old_part_label_count"}
OLD_PART_STATES = [
    ("none", "Not Required"),
    ("to_return", "To Return"),
    ("received", "Received"),
    ("missing", "Missing"),
    ("mismatch", "Mismatch"),
]
OLD_PART_DESTINATIONS = [
    ("reusable", "Reusable"),
    ("scrap", "Scrap"),
    ("to_supplier", "Return to Supplier"),
]
APPRAISALS = [
    ("approved", "Approved"),
    ("partial", "Partly Approved"),
    ("rejected", "Rejected"),
]


class AftersalesClaimLine(models.Model):
    """One line of a claim: labour, a part, travel or another cost, with the amount
    claimed (priced by the rules of the company, frozen at submission) and the amount
    the warranty technician approves."""

    _name = "aftersales.claim.line"
    _description = "三包 Claim Line"
    _order = "claim_id, sequence, id"
    _check_company_auto = True

    claim_id = fields.Many2one("aftersales.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    sequence = fields.Integer(default=10)
    line_type = fields.Selection(LINE_TYPES, "Type", required=True, default="part")
    name = fields.Char("Description")
    product_id = fields.Many2one(
        "product.product",
        "Part",
        check_company=True,
        domain="[('type', '=', 'consu')]",
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    norm_hours = fields.Float(
        "Labour Norm (h)",
        compute="_compute_norm_hours",
        store=True,
        readonly=False,
        precompute=True,
        help="The fault's labour norm (工时定额) at the time of the claim.",
    )
    overrun_approved_by = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        help="The manager who accepted more hours than the norm.",
    )
    overrun_reason = fields.Char(copy=False)
    price_unit = fields.Monetary(
        "Unit Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        help="Labour: the point's rate × its class factor per hour; part: the claim price "
        "list; travel: the rate per km. Frozen at submission.",
    )
    amount_claimed = fields.Monetary(
        "Claimed", compute="_compute_amount_claimed", store=True, aggregator="sum"
    )
    part_role = fields.Selection(PART_ROLES, default="causal")
    supplier_id = fields.Many2one(
        "res.partner", "Responsible Supplier", help="The maker of an outsourced part (外协件)."
    )
    old_part_required = fields.Boolean(
        compute="_compute_old_part_required",
        store=True,
        readonly=False,
        precompute=True,
        help="The faulty part must come back before the line is approved.",
    )
    old_part_serial = fields.Char()
    old_part_move_ids = fields.One2many(
        "stock.move", "aftersales_claim_line_id", "Old-Part Moves", readonly=True
    )
    old_part_mismatch = fields.Boolean(
        copy=False,
        help="The part received is not the one claimed (code, serial or quantity).",
    )
    old_part_state = fields.Selection(
        OLD_PART_STATES,
        compute="_compute_old_part_state",
        store=True,
        index=True,
        help="To Return: the old part is still at the service point. Received: it came back "
        "to the old-part store. Missing: its return was closed without it. Mismatch: what "
        "came back is not what was claimed.",
    )
    old_part_due_date = fields.Date(
        "Old Part Due",
        compute="_compute_old_part_due_date",
        store=True,
        index="btree_not_null",
        help="The day the old part must be back in the old-part store.",
    )
    old_part_destination = fields.Selection(
        OLD_PART_DESTINATIONS,
        compute="_compute_old_part_destination",
        store=True,
        readonly=False,
        copy=False,
        help="Where the appraisal sends the old part: back to the supplier when one is "
        "responsible, else to scrap; or reusable.",
    )
    appraisal = fields.Selection(APPRAISALS, copy=False)
    amount_approved = fields.Monetary(
        "Approved",
        compute="_compute_amount_approved",
        store=True,
        readonly=False,
        copy=False,
        aggregator="sum",
    )
    reject_reason_id = fields.Many2one(
        "aftersales.claim.reject.reason",
        "Reason",
        copy=False,
        check_company=True,
        index="btree_not_null",  # the false-claim penalty rule finds its claims by it
    )
    appraisal_note = fields.Char(copy=False)
    appraised_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, help="Who appraised the line."
    )
    appraised_on = fields.Datetime(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("line_type", "product_id", "claim_id.service_point_id")
    def _compute_price_unit(self):
        for line in self:
            if line.claim_id.state not in (False, "draft", "returned"):
                continue  # frozen at submission
            line.price_unit = line._claim_price()

    @api.depends("line_type", "claim_id.fault_code_id")
    def _compute_norm_hours(self):
        for line in self:
            if line.claim_id.state not in (False, "draft", "returned"):
                continue  # frozen at submission
            labour = line.line_type == "labour"
            line.norm_hours = labour and line.claim_id.fault_code_id.labour_hours

    @api.depends("claim_id.name", "name", "product_id", "line_type")
    def _compute_display_name(self):
        """SP…-0003 加热管 2000W: the claim and what the line is for."""
        types = dict(self._fields["line_type"]._description_selection(self.env))
        for line in self:
            what = line.product_id.display_name or line.name or types.get(line.line_type, "")
            line.display_name = f"{line.claim_id.name or ''} {what}".strip()

    @api.depends("quantity", "price_unit")
    def _compute_amount_claimed(self):
        for line in self:
            line.amount_claimed = line.currency_id.round(line.quantity * line.price_unit)

    @api.depends("product_id")
    def _compute_old_part_required(self):
        for line in self:
            line.old_part_required = line.line_type == "part" and bool(
                line.product_id.aftersales_old_part_required
            )

    @api.depends("old_part_required", "old_part_mismatch", "old_part_move_ids.state", "line_type")
    def _compute_old_part_state(self):
        for line in self:
            moves = line.old_part_move_ids
            if not line.old_part_required:
                state = "none"
            elif line.old_part_mismatch:
                state = "mismatch"
            elif any(move.state == "done" for move in moves):
                state = "received"
            elif moves and all(move.state == "cancel" for move in moves):
                state = "missing"
            else:
                state = "to_return"
            line.old_part_state = state

    @api.depends(
        "old_part_required",
        "claim_id.first_submitted_on",
        "company_id.aftersales_old_part_return_days",
        "company_id.aftersales_old_part_deadline",
        "company_id.aftersales_old_part_cutoffs",
    )
    def _compute_old_part_due_date(self):
        """Due by the company's rule from the claim's first submission: a resubmission
        does not move it."""
        for line in self:
            submitted = line.claim_id.first_submitted_on
            if line.old_part_required and submitted:
                day = fields.Date.context_today(line, submitted)
                line.old_part_due_date = line.company_id._aftersales_old_part_due(day)
            else:
                line.old_part_due_date = False

    @api.depends("supplier_id")
    def _compute_old_part_destination(self):
        for line in self:
            line.old_part_destination = "to_supplier" if line.supplier_id else "scrap"

    @api.depends("appraisal", "amount_claimed")
    def _compute_amount_approved(self):
        for line in self:
            if line.appraisal == "approved":
                line.amount_approved = line.amount_claimed
            elif line.appraisal != "partial":
                line.amount_approved = 0.0

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("quantity", "price_unit", "amount_approved", "amount_claimed")
    def _check_amounts(self):
        for line in self:
            if line.quantity < 0 or line.price_unit < 0:
                raise ValidationError(
                    _(
                        "Claim %(claim)s: quantities and prices cannot be negative.",
                        claim=line.claim_id.name,
                    )
                )
            compare = line.currency_id.compare_amounts
            if (
                compare(line.amount_approved, 0) < 0
                or compare(line.amount_approved, line.amount_claimed) > 0
            ):
                raise ValidationError(
                    _(
                        "Claim %(claim)s: an approved amount lies between 0 and the claimed "
                        "amount (%(claimed)s).",
                        claim=line.claim_id.name,
                        claimed=line.amount_claimed,
                    )
                )

    @api.constrains("line_type", "product_id")
    def _check_part(self):
        missing = self.filtered(lambda line: line.line_type == "part" and not line.product_id)
        if missing:
            raise ValidationError(
                _(
                    "Choose the part of every part line of claim %(claim)s.",
                    claim=missing[:1].claim_id.name,
                )
            )

    # ------------------------------------------------------------------
    # CRUD: the service point edits its lines until submission; then only the
    # appraisal changes them
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._ensure_editable()
        return lines

    def write(self, vals):
        if "appraisal" in vals:
            vals = {
                **vals,
                "appraised_by_id": vals["appraisal"] and self.env.user.id,
                "appraised_on": vals["appraisal"] and fields.Datetime.now(),
            }
        if set(vals) - APPRAISAL_FIELDS - RECEIPT_FIELDS:
            self._ensure_editable()
        if set(vals) & APPRAISAL_FIELDS:
            self.claim_id._ensure_technician()
        res = super().write(vals)
        if vals.get("appraisal") == "rejected":
            self._reject_consequences()
        return res

    def _reject_consequences(self):
        """A rejected causal part takes the claim's consequential parts and labour with
        it, unless the technician appraised them already."""
        causal = self.filtered(lambda line: line.line_type == "part" and line.part_role == "causal")
        for line in causal:
            followers = line.claim_id.line_ids.filtered(
                lambda other: not other.appraisal
                and (
                    other.line_type == "labour"
                    or (other.line_type == "part" and other.part_role == "consequential")
                )
            )
            followers.write({"appraisal": "rejected", "reject_reason_id": line.reject_reason_id.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_only_editable(self):
        self._ensure_editable()

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _claim_price(self):
        """The unit price a claim pays for this line, by the company's claim rules."""
        self.ensure_one()
        company = self.claim_id.company_id or self.env.company
        point = self.claim_id.service_point_id
        if self.line_type == "labour":
            rate = point.aftersales_labour_rate or company.aftersales_claim_labour_rate
            return rate * (point.dealer_class_id.labour_rate_factor or 1.0)
        if self.line_type == "part" and self.product_id:
            return company._aftersales_claim_part_price(self.product_id, self.quantity or 1.0)
        if self.line_type == "travel":
            return company.aftersales_claim_travel_rate
        return self.price_unit

    def _ensure_editable(self):
        locked = self.claim_id.filtered(lambda claim: claim.state not in ("draft", "returned"))
        if locked:
            raise UserError(
                _(
                    "Claim %(claims)s was submitted: its lines change only when it is returned "
                    "for correction.",
                    claims=", ".join(locked.mapped("name")),
                )
            )
