# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockWarehouse(models.Model):
    """The store of returned and exchanged units (退换机库): what customers bring back
    comes in here, and leaves by its disposition — to refurbished stock (翻新机) after
    repair, back to the supplier, or to scrap."""

    _inherit = "stock.warehouse"

    aftersales_returned_location_id = fields.Many2one(
        "stock.location", "Returned Units Store", check_company=True, copy=False
    )
    aftersales_refurbished_location_id = fields.Many2one(
        "stock.location", "Refurbished Units", check_company=True, copy=False
    )
    aftersales_return_in_type_id = fields.Many2one(
        "stock.picking.type", "Returned Unit Receipt Operation", check_company=True, copy=False
    )
    aftersales_exchange_out_type_id = fields.Many2one(
        "stock.picking.type", "Replacement Delivery Operation", check_company=True, copy=False
    )
    aftersales_refurbish_type_id = fields.Many2one(
        "stock.picking.type", "Refurbishing Operation", check_company=True, copy=False
    )
    aftersales_return_supplier_type_id = fields.Many2one(
        "stock.picking.type",
        "Returned Units to Supplier Operation",
        check_company=True,
        copy=False,
    )

    def _aftersales_locations(self, env):
        return {
            **super()._aftersales_locations(env),
            "aftersales_returned_location_id": (env._("Returned Units"), "internal", False),
            "aftersales_refurbished_location_id": (
                env._("Refurbished Units"),
                "internal",
                False,
            ),
        }

    def _aftersales_operations(self, env):
        return {
            **super()._aftersales_operations(env),
            "aftersales_return_in_type_id": (
                env._("Returned Unit Receipts"),
                "incoming",
                self._aftersales_customers(),
                self.aftersales_returned_location_id,
            ),
            "aftersales_exchange_out_type_id": (
                env._("Replacement Deliveries"),
                "outgoing",
                self.lot_stock_id,
                self._aftersales_customers(),
            ),
            "aftersales_refurbish_type_id": (
                env._("Refurbishing"),
                "internal",
                self.aftersales_returned_location_id,
                self.aftersales_refurbished_location_id,
            ),
            "aftersales_return_supplier_type_id": (
                env._("Returned Units to Suppliers"),
                "outgoing",
                self.aftersales_returned_location_id,
                self.env.ref("stock.stock_location_suppliers"),
            ),
        }

    def _aftersales_operation_codes(self):
        return {
            **super()._aftersales_operation_codes(),
            "aftersales_return_in_type_id": "RUI",
            "aftersales_exchange_out_type_id": "RUO",
            "aftersales_refurbish_type_id": "RUR",
            "aftersales_return_supplier_type_id": "RUS",
        }

    def _get_picking_type_create_values(self, max_sequence):
        """Units move by their serial number: the operations of returned units pick
        existing serials."""
        data, next_sequence = super()._get_picking_type_create_values(max_sequence)
        for field_name in (
            "aftersales_return_in_type_id",
            "aftersales_exchange_out_type_id",
            "aftersales_refurbish_type_id",
            "aftersales_return_supplier_type_id",
        ):
            data[field_name]["use_existing_lots"] = True
        return data, next_sequence
