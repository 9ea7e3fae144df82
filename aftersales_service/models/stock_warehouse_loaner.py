# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

#: the loaner operations: the unit's serial is chosen from the units in 备用机库
LOANER_OPERATIONS = ("aftersales_loaner_out_type_id", "aftersales_loaner_in_type_id")


class StockWarehouse(models.Model):
    """The loaner pool of a warehouse: the location 备用机库 and its two operations,
    备用机借出 (lent to a customer) and 备用机归还 (taken back), made on first use like the
    other after-sales stores (``stock_warehouse.py``)."""

    _inherit = "stock.warehouse"

    aftersales_loaner_location_id = fields.Many2one(
        "stock.location", "Loaner Pool", check_company=True, copy=False
    )
    aftersales_loaner_out_type_id = fields.Many2one(
        "stock.picking.type", "Loaner Lending Operation", check_company=True, copy=False
    )
    aftersales_loaner_in_type_id = fields.Many2one(
        "stock.picking.type", "Loaner Return Operation", check_company=True, copy=False
    )

    def _aftersales_locations(self, env):
        return {
            **super()._aftersales_locations(env),
            "aftersales_loaner_location_id": (env._("Loaner Pool"), "internal", False),
        }

    def _aftersales_operations(self, env):
        return {
            **super()._aftersales_operations(env),
            "aftersales_loaner_out_type_id": (
                env._("Loaner Lending"),
                "outgoing",
                self.aftersales_loaner_location_id,
                self._aftersales_customers(),
            ),
            "aftersales_loaner_in_type_id": (
                env._("Loaner Returns"),
                "incoming",
                self._aftersales_customers(),
                self.aftersales_loaner_location_id,
            ),
        }

    def _aftersales_operation_codes(self):
        return {
            **super()._aftersales_operation_codes(),
            "aftersales_loaner_out_type_id": "LNO",
            "aftersales_loaner_in_type_id": "LNI",
        }

    def _get_picking_type_create_values(self, max_sequence):
        """A loaner is a serial-numbered unit: its operations pick an existing serial."""
        data, next_sequence = super()._get_picking_type_create_values(max_sequence)
        for field_name in LOANER_OPERATIONS:
            data[field_name]["use_existing_lots"] = True
        return data, next_sequence
