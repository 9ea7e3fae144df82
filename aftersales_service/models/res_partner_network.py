# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .aftersales_region import AREA_CLASSES

NETWORK_LEVELS = [
    ("provincial", "Provincial Agent"),
    ("city", "City Agent"),
    ("third_party", "Third-Party Point"),
    ("dealer", "Dealer Point"),
]

# When several service points cover a customer's region, the most local one is
# responsible: a city agent's point, then a third-party point, then a dealer's
# point, then the provincial agent, then points without a level; ties go to the
# oldest record (lowest id).
SERVICE_POINT_PRIORITY = {"city": 0, "third_party": 1, "dealer": 2, "provincial": 3}

TECHNICIAN_LEVELS = [
    ("junior", "Junior"),
    ("intermediate", "Intermediate"),
    ("senior", "Senior"),
]


class ResPartner(models.Model):
    """The service network: roles, levels, regions, technicians, the service point
    responsible for a customer, the point's stock."""

    _inherit = "res.partner"

    # ------------------------------------------------------------------
    # Fields: roles and network
    # ------------------------------------------------------------------
    aftersales_stock_location_id = fields.Many2one(
        "stock.location",
        "Service Point Stock",
        readonly=True,
        copy=False,
        help="Where the parts issued to this service point are kept; made on first use.",
    )

    is_service_point = fields.Boolean(
        string="Authorised Service Point",
        help="An authorised service point (特约服务网点) that repairs and installs the "
        "company's products for customers.",
    )
    is_dealer = fields.Boolean(
        string="Dealer", help="Sells the company's products and answers for their 三包."
    )
    is_installer = fields.Boolean(
        string="Installation and Repair Company",
        help="A professional installation and repair company working for the network.",
    )
    network_level = fields.Selection(NETWORK_LEVELS, index=True)
    network_parent_id = fields.Many2one(
        "res.partner",
        index=True,
        ondelete="restrict",
        domain="[('is_company', '=', True), ('id', '!=', id)]",
        help="The agent this partner works under, e.g. the provincial agent above a "
        "city service point.",
    )
    network_child_ids = fields.One2many(
        "res.partner", "network_parent_id", string="Network Members"
    )
    network_child_count = fields.Integer(compute="_compute_network_child_count")
    dealer_class_id = fields.Many2one("aftersales.dealer.class", index=True, ondelete="restrict")

    # ------------------------------------------------------------------
    # Fields: regions
    # ------------------------------------------------------------------

    region_id = fields.Many2one(
        "aftersales.region",
        index=True,
        ondelete="restrict",
        help="The city or county of the partner's address.",
    )
    area_class = fields.Selection(
        AREA_CLASSES,
        compute="_compute_area_class",
        store=True,
        help="The area class of the partner's region, or of its city.",
    )
    service_region_ids = fields.Many2many(
        "aftersales.region",
        "aftersales_partner_service_region_rel",
        "partner_id",
        "region_id",
        string="Service Regions",
        help="The cities and counties this service point is responsible for.",
    )

    # ------------------------------------------------------------------
    # Fields: technicians
    # ------------------------------------------------------------------

    is_technician = fields.Boolean(
        string="Technician", help="A certified technician of the service point."
    )
    technician_certificate = fields.Char(string="Certificate Number")
    technician_level = fields.Selection(TECHNICIAN_LEVELS)
    technician_certificate_expiry = fields.Date(string="Certificate Expiry")
    technician_certificate_expired = fields.Boolean(
        string="Certificate Expired",
        compute="_compute_technician_certificate_expired",
        search="_search_technician_certificate_expired",
        help="The certificate expired before today: the technician cannot be dispatched.",
    )
    technician_count = fields.Integer(compute="_compute_technician_count")
    agency_contract_count = fields.Integer(compute="_compute_agency_contract_count")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    def _compute_network_child_count(self):
        counts = self._aftersales_count_by(
            "res.partner", "network_parent_id", [("network_parent_id", "in", self._origin.ids)]
        )
        for partner in self:
            partner.network_child_count = counts.get(partner._origin.id, 0)

    @api.depends("region_id.effective_area_class")
    def _compute_area_class(self):
        for partner in self:
            partner.area_class = partner.region_id.effective_area_class

    @api.depends("is_technician", "technician_certificate_expiry")
    @api.depends_context("tz")
    def _compute_technician_certificate_expired(self):
        today = fields.Date.context_today(self)
        for partner in self:
            expiry = partner.technician_certificate_expiry
            partner.technician_certificate_expired = bool(
                partner.is_technician and expiry and expiry < today
            )

    def _search_technician_certificate_expired(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the certificate expiry: %s", operator))
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [
                ("is_technician", "=", True),
                ("technician_certificate_expiry", "<", today),
            ]
        return [
            "|",
            "|",
            ("is_technician", "=", False),
            ("technician_certificate_expiry", "=", False),
            ("technician_certificate_expiry", ">=", today),
        ]

    def _compute_technician_count(self):
        counts = self._aftersales_count_by(
            "res.partner",
            "parent_id",
            [("parent_id", "in", self._origin.ids), ("is_technician", "=", True)],
        )
        for partner in self:
            partner.technician_count = counts.get(partner._origin.id, 0)

    def _compute_agency_contract_count(self):
        counts = self._aftersales_count_by(
            "aftersales.agency.contract",
            "partner_id",
            [("partner_id", "in", self._origin.ids)],
        )
        for partner in self:
            partner.agency_contract_count = counts.get(partner._origin.id, 0)

    def _aftersales_count_by(self, model, groupby, domain):
        """Number of ``model`` records per partner id of their ``groupby`` field."""
        if not self._origin:
            return {}
        return {
            partner.id: count
            for partner, count in self.env[model]._read_group(
                domain, groupby=[groupby], aggregates=["__count"]
            )
        }

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("network_parent_id")
    def _check_network_parent_cycle(self):
        if self._has_cycle("network_parent_id"):
            raise ValidationError(_("A partner cannot be above itself in the service network."))

    @api.constrains("is_technician", "is_company", "parent_id")
    def _check_technician_is_contact(self):
        misplaced = self.filtered(lambda p: p.is_technician and (p.is_company or not p.parent_id))
        if misplaced:
            raise ValidationError(
                _(
                    "A technician is a person working for a service point: set the "
                    "service point as the company of %(names)s.",
                    names=", ".join(misplaced.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_network_children(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_network_partner_action"
        )
        action.update(
            name=_("Network of %s", self.display_name),
            domain=[("network_parent_id", "=", self.id)],
            context={"default_network_parent_id": self.id, "default_is_company": True},
        )
        return action

    def action_view_technicians(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_technician_action"
        )
        action.update(
            name=_("Technicians of %s", self.display_name),
            domain=[("parent_id", "=", self.id), ("is_technician", "=", True)],
            context={"default_parent_id": self.id, "default_is_technician": True},
        )
        return action

    def action_view_agency_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_agency_contract_action"
        )
        action.update(
            domain=[("partner_id", "=", self.id)],
            context={"default_partner_id": self.id},
        )
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _aftersales_find_service_point(self):
        """The service point responsible for this customer, or an empty recordset.

        See :meth:`_aftersales_find_service_points`.
        """
        self.ensure_one()
        return self._aftersales_find_service_points()[self.id]

    def _aftersales_find_service_points(self):
        """The responsible service point of each customer in ``self``.

        A customer's county (``region_id``) is looked up among the service regions
        of the active service points; when no point covers the county, its city
        (the region's parent) is looked up instead. When several points cover the
        same region, the most local wins (city, third party, dealer, provincial,
        none) and then the oldest (lowest id): see ``SERVICE_POINT_PRIORITY``.

        Runs a constant number of queries whatever the number of customers.

        :return: ``{customer id: res.partner}``, an empty recordset when no point
            covers the customer.
        """
        result = dict.fromkeys(self.ids, self.browse())
        regions = self.region_id
        searched = regions | regions.parent_id
        if not searched:
            return result
        points = self.search(
            [("is_service_point", "=", True), ("service_region_ids", "in", searched.ids)]
        )
        point_by_region = {}
        for point in points.sorted(self._aftersales_service_point_rank):
            for region in point.service_region_ids & searched:
                point_by_region.setdefault(region.id, point)
        empty = self.browse()
        for customer in self:
            region = customer.region_id
            result[customer.id] = (
                point_by_region.get(region.id) or point_by_region.get(region.parent_id.id) or empty
            )
        return result

    @staticmethod
    def _aftersales_service_point_rank(point):
        level_rank = SERVICE_POINT_PRIORITY.get(point.network_level, len(SERVICE_POINT_PRIORITY))
        return (level_rank, point.id)

    def _aftersales_check_technician_certificate(self):
        """Raise a UserError when a technician in ``self`` has an expired certificate.

        Call it before dispatching a job to technicians.
        """
        expired = self.filtered("technician_certificate_expired")
        if not expired:
            return True
        messages = [
            _(
                "The certificate of technician %(names)s expired on %(date)s. Renew it "
                "on the technician's contact before dispatching.",
                names=", ".join(technicians.mapped("name")),
                date=format_date(self.env, expiry),
            )
            for expiry, technicians in expired.grouped("technician_certificate_expiry").items()
        ]
        raise UserError("\n".join(messages))

    # ------------------------------------------------------------------
    # Stock of a service point
    # ------------------------------------------------------------------
    def _aftersales_stock_location(self):
        """The internal location holding this service point's parts, made on first use."""
        self.ensure_one()
        if not self.aftersales_stock_location_id:
            company = self.company_id or self.env.company
            location = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": self.name,
                        "usage": "internal",
                        "location_id": company._aftersales_point_parent_location().id,
                        "company_id": company.id,
                    }
                )
            )
            self.sudo().aftersales_stock_location_id = location
        return self.aftersales_stock_location_id
