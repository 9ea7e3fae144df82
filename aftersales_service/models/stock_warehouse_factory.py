# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

FACTORY_OPERATIONS = ("aftersales_factory_receipt_type_id", "aftersales_factory_return_type_id")


class StockWarehouse(models.Model):
    """The 返厂维修库 store of a warehouse and its operations 返厂收货 (from the
    customers) and 修复发还 (back to them), added through the after-sales hooks of
    ``stock_warehouse.py``: a warehouse gets them on first use."""

    _inherit = "stock.warehouse"

    aftersales_factory_repair_location_id = fields.Many2one(
        "stock.location", "Factory Repairs Store", check_company=True, copy=False
    )
    aftersales_factory_receipt_type_id = fields.Many2one(
        "stock.picking.type", "Factory Repair Receipt Operation", check_company=True, copy=False
    )
    aftersales_factory_return_type_id = fields.Many2one(
        "stock.picking.type", "Factory Repair Return Operation", check_company=True, copy=False
    )

    def _aftersales_locations(self, env):
        locations = super()._aftersales_locations(env)
        locations["aftersales_factory_repair_location_id"] = (
            env._("Factory Repairs"),
            "internal",
            False,
        )
        return locations

    def _aftersales_operations(self, env):
        operations = super()._aftersales_operations(env)
        operations["aftersales_factory_receipt_type_id"] = (
            env._("Factory Repair Receipts"),
            "incoming",
            self._aftersales_customers(),
            self.aftersales_factory_repair_location_id,
        )
        operations["aftersales_factory_return_type_id"] = (
            env._("Repaired Units Shipped Back"),
            "outgoing",
            self.aftersales_factory_repair_location_id,
            self._aftersales_customers(),
        )
        return operations

    def _aftersales_operation_codes(self):
        codes = super()._aftersales_operation_codes()
        codes["aftersales_factory_receipt_type_id"] = "FRI"
        codes["aftersales_factory_return_type_id"] = "FRO"
        return codes

    def _get_picking_type_create_values(self, max_sequence):
        """The units travel with their serial number: the operations ask for it."""
        data, next_sequence = super()._get_picking_type_create_values(max_sequence)
        for field_name in FACTORY_OPERATIONS:
            if field_name in data:
                data[field_name]["use_existing_lots"] = True
        return data, next_sequence
