# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

FAULT_LEVELS = [("symptom", "Symptom"), ("cause", "Cause")]
CAUSE_CLASSES = [
    ("product_quality", "Product Quality"),
    ("supplier_part", "Supplier Part"),
    ("installation", "Installation Workmanship"),
    ("customer", "Customer Cause"),
    ("other", "Other"),
]


class AftersalesFaultCode(models.Model):
    """Fault codes of a product category: symptoms (故障现象), each with the
    causes (故障原因) found behind it and the labour norm (工时定额) to fix them."""

    _name = "aftersales.fault.code"
    _description = "Fault Code"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name, id"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    parent_id = fields.Many2one(
        "aftersales.fault.code",
        string="Symptom",
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('level', '=', 'symptom')]",
        help="Empty for a symptom; the symptom a cause explains.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("aftersales.fault.code", "parent_id", string="Causes")
    level = fields.Selection(
        FAULT_LEVELS,
        compute="_compute_level",
        store=True,
        index=True,
        help="A code without parent is a symptom; a code under a symptom is a cause.",
    )
    product_category_id = fields.Many2one(
        "product.category",
        compute="_compute_product_category_id",
        recursive=True,
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Required on a symptom; a cause takes its symptom's.",
    )
    labour_hours = fields.Float(
        string="Labour Norm (Hours)",
        help="Standard labour hours to repair this cause, used to check claims.",
    )
    cause_class = fields.Selection(
        CAUSE_CLASSES,
        default="product_quality",
        help="Who is usually responsible for this cause; proposed on the job.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [  # noqa: RUF012
        (
            "code_company_uniq",
            "UNIQUE(code, company_id)",
            "A fault code must be unique per company.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for fault in self:
            if fault.parent_id:
                fault.complete_name = f"{fault.parent_id.complete_name} / {fault.name}"
            else:
                fault.complete_name = fault.name

    @api.depends("parent_id")
    def _compute_level(self):
        for fault in self:
            fault.level = "cause" if fault.parent_id else "symptom"

    @api.depends("parent_id.product_category_id")
    def _compute_product_category_id(self):
        for fault in self:
            fault.product_category_id = (
                fault.parent_id.product_category_id or fault.product_category_id
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("parent_id")
    def _check_parent_is_symptom(self):
        if self._has_cycle():
            raise ValidationError(_("A fault code cannot be its own symptom."))
        nested = self.filtered(lambda fault: fault.parent_id.parent_id)
        if nested:
            raise ValidationError(
                _(
                    "A cause belongs to a symptom, not to another cause: %(codes)s.",
                    codes=", ".join(nested.mapped("code")),
                )
            )

    @api.constrains("parent_id", "product_category_id")
    def _check_product_category(self):
        missing = self.filtered(lambda fault: not fault.product_category_id)
        if missing:
            raise ValidationError(
                _(
                    "Set the product category of the symptoms %(codes)s.",
                    codes=", ".join(missing.mapped("code")),
                )
            )

    @api.constrains("labour_hours")
    def _check_labour_hours(self):
        negative = self.filtered(lambda fault: fault.labour_hours < 0)
        if negative:
            raise ValidationError(
                _(
                    "The labour norm cannot be negative: %(codes)s.",
                    codes=", ".join(negative.mapped("code")),
                )
            )
