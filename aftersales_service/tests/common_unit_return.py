# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .warranty_common import WarrantyCommon


class AftersalesUnitReturnCommon(WarrantyCommon):
    """A customer, a dealer, the household and car presets with refund figures, units of
    the test products and replacements in the company's stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.aftersales_return_approval_limit = 3000.0
        cls.customer = cls.env["res.partner"].create({"name": "Customer Li"})
        cls.dealer = cls.env["res.partner"].create(
            {"name": "Dealer Zhou", "is_company": True, "is_service_point": True}
        )
        cls.policy_household.write({"refund_method": "depreciation", "depreciation_rate": 0.1})
        cls.policy_car.write({"refund_method": "use_fee", "use_fee_rate": 0.6})
        cls.fridge.write({"lst_price": 2999.0, "standard_price": 1800.0, "taxes_id": False})
        cls.car.write({"lst_price": 150000.0, "taxes_id": False})
        cls.warehouse = cls.company._aftersales_warehouse()
        cls.Order = cls.env["aftersales.unit.return"]

    def _customer_unit(self, product, sale_date, **vals):
        return self._unit(product, sale_date, customer_id=self.customer.id, **vals)

    def _in_stock(self, product):
        """A new serial of ``product`` in the warehouse's stock."""
        lot = self._unit(product, False)
        self.env["stock.quant"]._update_available_quantity(
            product, self.warehouse.lot_stock_id, 1.0, lot_id=lot
        )
        return lot

    def _order(self, unit, kind="refund", **vals):
        return self.Order.with_user(self.user_clerk).create(
            {"kind": kind, "partner_id": self.customer.id, "lot_id": unit.id, **vals}
        )

    def _location_of(self, lot):
        quants = self.env["stock.quant"].search([("lot_id", "=", lot.id), ("quantity", ">", 0)])
        return quants.location_id

    def _receive_and_deliver(self, order):
        as_warehouse = order.with_user(self.user_warehouse)
        as_warehouse.action_receive_unit()
        if order.delivery_picking_id and order.state == "approved":
            as_warehouse.action_deliver_replacement()
