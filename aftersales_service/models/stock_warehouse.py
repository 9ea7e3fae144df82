# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models

#: the after-sales locations of a warehouse: field -> (usage, under the old-part store)
AFTERSALES_LOCATIONS = {
    "aftersales_new_parts_location_id": ("internal", False),
    "aftersales_old_parts_location_id": ("view", False),
    "aftersales_to_appraise_location_id": ("internal", True),
    "aftersales_reusable_location_id": ("internal", True),
    "aftersales_old_scrap_location_id": ("internal", True),
    "aftersales_to_supplier_location_id": ("internal", True),
}


class StockWarehouse(models.Model):
    """The after-sales stores of a warehouse (as Odoo's ``repair`` adds its operation):
    新件库 and 旧件库 with 待鉴定 / 可利用 / 废件 / 待退供应商, and the old-part operations
    旧件回收 / 旧件鉴定 / 旧件返供应商 / 旧件报废, each with its own sequence."""

    _inherit = "stock.warehouse"

    aftersales_new_parts_location_id = fields.Many2one(
        "stock.location", "New Parts Store", check_company=True, copy=False
    )
    aftersales_old_parts_location_id = fields.Many2one(
        "stock.location", "Old Parts Store", check_company=True, copy=False
    )
    aftersales_to_appraise_location_id = fields.Many2one(
        "stock.location", "Old Parts to Appraise", check_company=True, copy=False
    )
    aftersales_reusable_location_id = fields.Many2one(
        "stock.location", "Reusable Old Parts", check_company=True, copy=False
    )
    aftersales_old_scrap_location_id = fields.Many2one(
        "stock.location", "Scrapped Old Parts", check_company=True, copy=False
    )
    aftersales_to_supplier_location_id = fields.Many2one(
        "stock.location", "Old Parts to Return to Suppliers", check_company=True, copy=False
    )
    aftersales_old_return_type_id = fields.Many2one(
        "stock.picking.type", "Old-Part Return Operation", check_company=True, copy=False
    )
    aftersales_old_appraisal_type_id = fields.Many2one(
        "stock.picking.type", "Old-Part Appraisal Operation", check_company=True, copy=False
    )
    aftersales_old_supplier_type_id = fields.Many2one(
        "stock.picking.type", "Old Parts to Supplier Operation", check_company=True, copy=False
    )
    aftersales_old_scrap_type_id = fields.Many2one(
        "stock.picking.type", "Old-Part Scrap Operation", check_company=True, copy=False
    )

    # ------------------------------------------------------------------
    # Warehouse hooks
    # ------------------------------------------------------------------
    def _aftersales_lang(self, vals=None):
        company = self.env["res.company"].browse((vals or {}).get("company_id")) or self.company_id
        return (company or self.env.company).partner_id.lang or self.env.lang or "en_US"

    def _get_locations_values(self, vals, code=False):
        values = super()._get_locations_values(vals, code=code)
        warehouse = self.with_context(lang=self._aftersales_lang(vals))
        names = {
            "aftersales_new_parts_location_id": warehouse.env._("New Parts"),
            "aftersales_old_parts_location_id": warehouse.env._("Old Parts"),
            "aftersales_to_appraise_location_id": warehouse.env._("To Appraise"),
            "aftersales_reusable_location_id": warehouse.env._("Reusable"),
            "aftersales_old_scrap_location_id": warehouse.env._("Scrapped Old Parts"),
            "aftersales_to_supplier_location_id": warehouse.env._("To Return to Supplier"),
        }
        for field_name, (usage, _under_old) in AFTERSALES_LOCATIONS.items():
            values[field_name] = {"name": names[field_name], "usage": usage, "active": True}
        return values

    def _get_sequence_values(self, name=False, code=False):
        values = super()._get_sequence_values(name=name, code=code)
        for field_name, sequence_code in self._aftersales_operation_codes().items():
            values[field_name] = {
                "name": _("%(name)s Sequence %(code)s", name=self.name, code=sequence_code),
                "prefix": f"{self.code}/{sequence_code}/",
                "padding": 5,
                "company_id": self.company_id.id,
            }
        return values

    def _get_picking_type_create_values(self, max_sequence):
        data, next_sequence = super()._get_picking_type_create_values(max_sequence)
        self._aftersales_arrange_locations()
        env = self.with_context(lang=self._aftersales_lang()).env
        customers = self.env.ref("stock.stock_location_customers")
        suppliers = self.env.ref("stock.stock_location_suppliers")
        scrap = self.env["stock.location"].search(
            [("scrap_location", "=", True), ("company_id", "in", [self.company_id.id, False])],
            limit=1,
        )
        codes = self._aftersales_operation_codes()
        operations = {
            "aftersales_old_return_type_id": (
                env._("Old-Part Returns"),
                "incoming",
                customers,
                self.aftersales_to_appraise_location_id,
            ),
            "aftersales_old_appraisal_type_id": (
                env._("Old-Part Appraisal"),
                "internal",
                self.aftersales_to_appraise_location_id,
                self.aftersales_reusable_location_id,
            ),
            "aftersales_old_supplier_type_id": (
                env._("Old Parts to Suppliers"),
                "outgoing",
                self.aftersales_to_supplier_location_id,
                suppliers,
            ),
            "aftersales_old_scrap_type_id": (
                env._("Old-Part Scrapping"),
                "internal",
                self.aftersales_old_scrap_location_id,
                scrap,
            ),
        }
        for offset, (field_name, (name, code, source, destination)) in enumerate(
            operations.items(), start=1
        ):
            data[field_name] = {
                "name": name,
                "code": code,
                "default_location_src_id": source.id,
                "default_location_dest_id": destination.id,
                "sequence": next_sequence + offset,
                "sequence_code": codes[field_name],
                "company_id": self.company_id.id,
                "use_create_lots": False,
                "use_existing_lots": False,
                "aftersales_operation": True,
            }
        return data, max_sequence + len(operations) + 1

    def _get_picking_type_update_values(self):
        data = super()._get_picking_type_update_values()
        for field_name in self._aftersales_operation_codes():
            data[field_name] = {"active": self.active}
        return data

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _aftersales_operation_codes(self):
        return {
            "aftersales_old_return_type_id": "OPR",
            "aftersales_old_appraisal_type_id": "OPA",
            "aftersales_old_supplier_type_id": "OPS",
            "aftersales_old_scrap_type_id": "OPX",
        }

    def _aftersales_arrange_locations(self):
        """The old-part locations stand under the old-part store (旧件库)."""
        for warehouse in self.filtered("aftersales_old_parts_location_id"):
            store = warehouse.aftersales_old_parts_location_id
            children = warehouse.env["stock.location"].union(
                *(
                    warehouse[field_name]
                    for field_name, (_usage, under_old) in AFTERSALES_LOCATIONS.items()
                    if under_old
                )
            )
            children.filtered(lambda location, store=store: location.location_id != store).write(
                {"location_id": store.id}
            )

    def _aftersales_install_stores(self):
        """Create the after-sales locations and operations of warehouses made before the
        addon was installed (as ``repair`` does for its operation)."""
        for warehouse in self.filtered(lambda w: not w.aftersales_old_return_type_id):
            warehouse._create_missing_locations({})
            warehouse._aftersales_arrange_locations()
            vals = warehouse._create_or_update_sequences_and_picking_types()
            if vals:
                warehouse.write(vals)
