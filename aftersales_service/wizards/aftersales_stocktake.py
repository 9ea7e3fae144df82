# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import UserError

from ..models.product_category import PART_CLASSES


class AftersalesStocktake(models.TransientModel):
    """盘点: a cycle count of one part class in one store location. It asks Odoo's
    inventory adjustments to count those quants (count date and counter, what Odoo's
    "Request a Count" writes) and opens the counting list; applying the counts there
    writes Odoo's own adjustment moves."""

    _name = "aftersales.stocktake"
    _description = "Stocktake"

    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    location_id = fields.Many2one(
        "stock.location",
        "Store Location",
        required=True,
        check_company=True,
        domain=[("usage", "=", "internal")],
        default=lambda s: s.env.company._aftersales_warehouse().aftersales_new_parts_location_id,
    )
    part_class = fields.Selection(PART_CLASSES, required=True, default="transfer")
    inventory_date = fields.Date("Count Date", required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users",
        "Counted By",
        default=lambda s: s.env.user,
        domain=lambda s: [("groups_id", "in", s.env.ref("stock.group_stock_user").id)],
    )

    def _quants_to_count(self):
        self.ensure_one()
        return self.env["stock.quant"].search(
            [
                ("location_id", "child_of", self.location_id.id),
                ("product_id.is_storable", "=", True),
                ("product_id.categ_id.aftersales_part_class", "=", self.part_class),
            ]
        )

    def action_start(self):
        """Mark the class's quants in the location to count and open the counting list."""
        self.ensure_one()
        quants = self._quants_to_count()
        if not quants:
            class_name = dict(self._fields["part_class"]._description_selection(self.env))[
                self.part_class
            ]
            raise UserError(
                _(
                    "%(location)s holds no %(part_class)s to count: choose another class "
                    "or location, or add the parts found in the counting list.",
                    location=self.location_id.display_name,
                    part_class=class_name,
                )
            )
        # what Odoo's "Request a Count" writes (that wizard is the stock manager's)
        quants.with_context(inventory_mode=True).write(
            {"inventory_date": self.inventory_date, "user_id": self.user_id.id}
        )
        action = quants.action_view_inventory()
        action["name"] = _("Stocktake: %(location)s", location=self.location_id.display_name)
        action["domain"] = [("id", "in", quants.ids)]
        action["context"] = dict(action["context"], search_default_my_count=False)
        return action
