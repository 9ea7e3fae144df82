# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models


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
        env = self.with_context(lang=self._aftersales_lang(vals)).env
        for field_name, (name, usage, _parent) in self._aftersales_locations(env).items():
            values[field_name] = {"name": name, "usage": usage, "active": True}
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
        codes = self._aftersales_operation_codes()
        operations = self._aftersales_operations(env)
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
    # The after-sales stores: extend these to add a location or an operation
    # ------------------------------------------------------------------
    def _aftersales_locations(self, env):
        """field -> (name, usage, the field of the location it stands under or False)."""
        return {
            "aftersales_new_parts_location_id": (env._("New Parts"), "internal", False),
            "aftersales_old_parts_location_id": (env._("Old Parts"), "view", False),
            "aftersales_to_appraise_location_id": (
                env._("To Appraise"),
                "internal",
                "aftersales_old_parts_location_id",
            ),
            "aftersales_reusable_location_id": (
                env._("Reusable"),
                "internal",
                "aftersales_old_parts_location_id",
            ),
            "aftersales_old_scrap_location_id": (
                env._("Scrapped Old Parts"),
                "internal",
                "aftersales_old_parts_location_id",
            ),
            "aftersales_to_supplier_location_id": (
                env._("To Return to Supplier"),
                "internal",
                "aftersales_old_parts_location_id",
            ),
        }

    def _aftersales_operations(self, env):
        """field -> (name, type of operation, default source, default destination)."""
        return {
            "aftersales_old_return_type_id": (
                env._("Old-Part Returns"),
                "incoming",
                self._aftersales_customers(),
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
                self.env.ref("stock.stock_location_suppliers"),
            ),
            "aftersales_old_scrap_type_id": (
                env._("Old-Part Scrapping"),
                "internal",
                self.aftersales_old_scrap_location_id,
                self._aftersales_scrap_location(),
            ),
        }

    def _aftersales_operation_codes(self):
        """field -> the sequence code of the operation's references."""
        return {
            "aftersales_old_return_type_id": "OPR",
            "aftersales_old_appraisal_type_id": "OPA",
            "aftersales_old_supplier_type_id": "OPS",
            "aftersales_old_scrap_type_id": "OPX",
        }

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _aftersales_customers(self):
        return self.env.ref("stock.stock_location_customers")

    def _aftersales_scrap_location(self):
        return self.env["stock.location"].search(
            [("scrap_location", "=", True), ("company_id", "in", [self.company_id.id, False])],
            limit=1,
        )

    def _aftersales_arrange_locations(self):
        """Each after-sales location stands under its store (the old parts under 旧件库)."""
        for warehouse in self:
            for field_name, (_name, _usage, parent) in warehouse._aftersales_locations(
                warehouse.env
            ).items():
                store = parent and warehouse[parent]
                if store and warehouse[field_name] and warehouse[field_name].location_id != store:
                    warehouse[field_name].location_id = store

    def _aftersales_missing_stores(self):
        """The warehouses lacking one of the after-sales locations or operations."""
        names = [*self._aftersales_locations(self.env), *self._aftersales_operation_codes()]
        return self.filtered(lambda warehouse: not all(warehouse[name] for name in names))

    def _aftersales_install_stores(self):
        """Create the after-sales locations and operations a warehouse lacks: one made
        before the addon was installed, or before an upgrade added a store (as ``repair``
        does for its operation)."""
        for warehouse in self._aftersales_missing_stores():
            warehouse._create_missing_locations({})
            warehouse._aftersales_arrange_locations()
            vals = warehouse._create_or_update_sequences_and_picking_types()
            if vals:
                warehouse.write(vals)
