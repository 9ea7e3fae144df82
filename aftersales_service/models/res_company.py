# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_contract_reminder_days = fields.Integer(
        string="Agency Contract Reminder (Days)",
        default=30,
        help="How many days before an area agency contract ends its responsible user "
        "gets a to-do to renew it.",
    )
    aftersales_allow_negative_point_stock = fields.Boolean(
        "Negative Stock at Service Points",
        help="Let a technician complete a job with parts its service point does not hold; "
        "the point's stock goes negative until the parts are issued to it.",
    )
    aftersales_fee_pricelist_id = fields.Many2one(
        "product.pricelist",
        "Fee Schedule",
        help="The published prices of paid service: labour, travel and parts. "
        "Without one, the products' sales prices apply.",
    )
    aftersales_labour_product_id = fields.Many2one(
        "product.product",
        "Labour Product",
        help="Invoiced per hour on paid jobs. Empty: the addon's own Labour product.",
    )
    aftersales_travel_product_id = fields.Many2one(
        "product.product",
        "Travel Fee Product",
        help="Invoiced once per paid job with a travel fee. Empty: the addon's own Travel Fee.",
    )
    aftersales_point_location_id = fields.Many2one(
        "stock.location",
        "Service Points' Stock",
        help="The parent of the stock locations of the service points.",
    )

    aftersales_claim_labour_rate = fields.Monetary(
        "Claim Labour Rate",
        default=50.0,
        help="Paid per hour of labour norm on 三包 claims, before the dealer class factor; "
        "a service point may have its own.",
    )
    aftersales_claim_travel_rate = fields.Monetary(
        "Claim Travel Rate (per km)", help="Paid per kilometre of travel on 三包 claims."
    )
    aftersales_old_part_return_days = fields.Integer(
        "Old Parts Due Within (Days)",
        default=30,
        help="A claim's old parts must reach the old-part store within these days of its "
        "submission; later, they are overdue.",
    )
    aftersales_claim_pricelist_id = fields.Many2one(
        "product.pricelist",
        "Claim Price List",
        help="The prices 三包 claims pay for parts. Without one, the parts' cost.",
    )

    def _aftersales_claim_part_price(self, product, quantity):
        """What a 三包 claim pays for one ``product``."""
        self.ensure_one()
        if self.aftersales_claim_pricelist_id:
            return self.aftersales_claim_pricelist_id._get_product_price(product, quantity)
        return product.standard_price

    def _aftersales_warehouse(self):
        """The warehouse holding the company's after-sales stores (its first one)."""
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.id)], order="sequence, id", limit=1
        )
        if not warehouse:
            raise UserError(
                _(
                    "Company %(company)s has no warehouse for its new- and old-part stores: "
                    "create one in Inventory > Configuration > Warehouses.",
                    company=self.name,
                )
            )
        if warehouse._aftersales_missing_stores():
            warehouse.sudo()._aftersales_install_stores()
        return warehouse

    def _aftersales_first_manager(self):
        """The first after-sales manager of the company: who gets the decisions to make
        when no one else is named."""
        self.ensure_one()
        managers = self.env.ref("aftersales_service.group_aftersales_manager").sudo().users
        return managers.filtered(lambda user: not user.share and self in user.company_ids).sorted(
            "id"
        )[:1]

    def _aftersales_labour_product(self):
        self.ensure_one()
        return self.aftersales_labour_product_id or self.env.ref(
            "aftersales_service.product_service_labour"
        )

    def _aftersales_travel_product(self):
        self.ensure_one()
        return self.aftersales_travel_product_id or self.env.ref(
            "aftersales_service.product_service_travel"
        )

    def _aftersales_fee(self, product, quantity):
        """The unit price of a paid service item at the company's fee schedule."""
        self.ensure_one()
        if self.aftersales_fee_pricelist_id:
            return self.aftersales_fee_pricelist_id._get_product_price(product, quantity)
        return product.lst_price

    def _aftersales_point_parent_location(self):
        """The view location that holds every service point's stock, made on first use."""
        self.ensure_one()
        if not self.aftersales_point_location_id:
            self.sudo().aftersales_point_location_id = (
                self.env["stock.location"]
                .sudo()
                .create({"name": _("Service Points"), "usage": "view", "company_id": self.id})
            )
        return self.aftersales_point_location_id
