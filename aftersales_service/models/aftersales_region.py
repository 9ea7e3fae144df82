# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

AREA_CLASSES = [
    ("central_city", "Central City"),
    ("town", "Surrounding Town"),
    ("remote_rural", "Remote Rural Area"),
]


class AftersalesRegion(models.Model):
    """An administrative region (行政区域): a city, or a county / district of a city.

    Customers are located in a region and service points cover regions. The area
    class (中心城市 / 周边乡镇 / 边远农村) decides the on-site deadlines; a county
    without a class of its own takes its city's.
    """

    _name = "aftersales.region"
    _description = "Administrative Region"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name, id"

    name = fields.Char(required=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True, index=True
    )
    parent_id = fields.Many2one(
        "aftersales.region",
        string="City",
        index=True,
        ondelete="restrict",
        domain="[('level', '=', 'city')]",
        help="The city a county or district belongs to.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("aftersales.region", "parent_id", string="Counties")
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        compute="_compute_state_id",
        store=True,
        readonly=False,
        precompute=True,
        recursive=True,
    )
    level = fields.Selection(
        [("city", "City"), ("county", "County / District")],
        compute="_compute_level",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    area_class = fields.Selection(
        AREA_CLASSES,
        help="Leave empty on a county to use its city's area class.",
    )
    effective_area_class = fields.Selection(
        AREA_CLASSES,
        compute="_compute_effective_area_class",
        store=True,
        recursive=True,
        help="The region's own area class, or else its city's.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_parent_uniq",
            "unique(name, parent_id, state_id)",
            "A region with this name already exists in this city or province.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("name", "parent_id.complete_name", "state_id.name")
    def _compute_complete_name(self):
        for region in self:
            if region.parent_id:
                prefix = region.parent_id.complete_name
            else:
                prefix = region.state_id.name
            region.complete_name = f"{prefix} / {region.name}" if prefix else region.name

    @api.depends("parent_id.state_id")
    def _compute_state_id(self):
        for region in self:
            region.state_id = region.parent_id.state_id or region.state_id

    @api.depends("parent_id")
    def _compute_level(self):
        for region in self:
            region.level = "county" if region.parent_id else "city"

    @api.depends("area_class", "parent_id.effective_area_class")
    def _compute_effective_area_class(self):
        for region in self:
            region.effective_area_class = region.area_class or region.parent_id.effective_area_class

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("level", "parent_id")
    def _check_parent_level(self):
        for region in self:
            if region.level == "city" and region.parent_id:
                raise ValidationError(
                    _("The city %(name)s cannot belong to another region.", name=region.name)
                )
            if region.parent_id and region.parent_id.level != "city":
                raise ValidationError(
                    _(
                        "The county %(name)s must belong to a city, not to %(parent)s.",
                        name=region.name,
                        parent=region.parent_id.complete_name,
                    )
                )
