# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models

STORES = [("new", "New-Part Store"), ("old", "Old-Part Store")]


class AftersalesOldPartReconciliation(models.TransientModel):
    """账物卡 (book = goods = card) of an after-sales store, for each of its locations
    and each part. In the old-part store (旧件库): what the claims say is there (账: claim
    lines whose old part was moved there), what is physically there (物: the quants, or
    the stocktake's count while one is pending) and what carries a card (卡: those claim
    lines whose label was printed). In the new-part store (新件库): the book quantity
    (账: the done stock moves in less out), the physical count (物: the stocktake's count
    while one is pending, else on hand) and the bin card (卡: the quantity the bin's
    quant records). Every difference is a line to look into; a stocktake corrects the
    quants through Odoo's inventory adjustments, never this report."""

    _name = "aftersales.old.part.reconciliation"
    _description = "Stock Card Reconciliation"

    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, check_company=True)
    store = fields.Selection(STORES, required=True, default="old")
    line_ids = fields.One2many("aftersales.old.part.reconciliation.line", "reconciliation_id")
    difference_count = fields.Integer(compute="_compute_difference_count")

    @api.depends("line_ids.is_difference")
    def _compute_difference_count(self):
        for report in self:
            report.difference_count = len(report.line_ids.filtered("is_difference"))

    @api.model
    def action_open(self, store="old"):
        """Count the company's store now and show the result, differences first."""
        warehouse = self.env.company._aftersales_warehouse()
        report = self.create({"warehouse_id": warehouse.id, "store": store})
        report._count()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_old_part_reconciliation_line_action"
        )
        action["domain"] = [("reconciliation_id", "=", report.id)]
        if store == "new":
            action["name"] = self.env._("New-Part Stock Cards")
            action["context"] = {"search_default_group_location": 1, "aftersales_store": "new"}
        return action

    @api.model
    def action_open_new_parts(self):
        return self.action_open(store="new")

    def _store_location(self):
        if self.store == "new":
            return self.warehouse_id.aftersales_new_parts_location_id
        return self.warehouse_id.aftersales_old_parts_location_id

    def _count(self):
        self.ensure_one()
        store = self._store_location()
        if self.store == "new":
            booked = self._ledger_quantities(store)
            labelled = self._on_hand_quantities(store)
            claim_lines = {}
        else:
            booked = self._claimed_quantities(store, [])
            labelled = self._claimed_quantities(
                store, [("aftersales_claim_line_id.old_part_label_count", ">", 0)]
            )
            claim_lines = self._claim_lines_by_place(store)
        on_hand = self._counted_quantities(store)
        keys = sorted(set(booked) | set(labelled) | set(on_hand))
        self.line_ids = [
            fields.Command.create(
                {
                    "location_id": location.id,
                    "product_id": product.id,
                    "booked_qty": booked.get((location, product), 0.0),
                    "on_hand_qty": on_hand.get((location, product), 0.0),
                    "labelled_qty": labelled.get((location, product), 0.0),
                    "claim_line_ids": [
                        fields.Command.set(claim_lines.get((location, product), []))
                    ],
                }
            )
            for location, product in keys
        ]

    @api.model
    def _claimed_quantities(self, store, extra_domain):
        """(location, product) -> quantity of claim old parts moved in minus moved out."""
        totals = defaultdict(float)
        base = [("state", "=", "done"), ("aftersales_claim_line_id", "!=", False), *extra_domain]
        for location_field, sign in (("location_dest_id", 1), ("location_id", -1)):
            groups = self.env["stock.move"]._read_group(
                [*base, (location_field, "child_of", store.id)],
                [location_field, "product_id"],
                ["product_qty:sum"],
            )
            for location, product, quantity in groups:
                totals[location, product] += sign * quantity
        return {key: quantity for key, quantity in totals.items() if quantity}

    @api.model
    def _ledger_quantities(self, store):
        """(location, product) -> the done moves into the location less those out of it."""
        totals = defaultdict(float)
        base = [("state", "=", "done"), ("product_id.is_storable", "=", True)]
        for location_field, sign in (("location_dest_id", 1), ("location_id", -1)):
            groups = self.env["stock.move.line"]._read_group(
                [*base, (location_field, "child_of", store.id)],
                [location_field, "product_id"],
                ["quantity_product_uom:sum"],
            )
            for location, product, quantity in groups:
                totals[location, product] += sign * quantity
        return {key: quantity for key, quantity in totals.items() if quantity}

    @api.model
    def _counted_quantities(self, store):
        """(location, product) -> what is physically there: the stocktake's count where
        one is pending, else the quantity on hand."""
        totals = defaultdict(float)
        quants = self.env["stock.quant"].search([("location_id", "child_of", store.id)])
        for quant in quants:
            counted = quant.inventory_quantity if quant.inventory_quantity_set else quant.quantity
            totals[quant.location_id, quant.product_id] += counted
        return {key: quantity for key, quantity in totals.items() if quantity}

    @api.model
    def _on_hand_quantities(self, store):
        groups = self.env["stock.quant"]._read_group(
            [("location_id", "child_of", store.id)],
            ["location_id", "product_id"],
            ["quantity:sum"],
        )
        return {(location, product): qty for location, product, qty in groups if qty}

    @api.model
    def _claim_lines_by_place(self, store):
        """(location, product) -> ids of the claim lines whose old part was moved there last."""
        moves = self.env["stock.move"].search(
            [
                ("state", "=", "done"),
                ("aftersales_claim_line_id", "!=", False),
                "|",
                ("location_dest_id", "child_of", store.id),
                ("location_id", "child_of", store.id),
            ],
            order="date, id",
        )
        last_place = {}
        for move in moves:
            last_place[move.aftersales_claim_line_id] = move.location_dest_id
        places = defaultdict(list)
        for line, location in last_place.items():
            if location.parent_path.startswith(store.parent_path):
                places[location, line.product_id].append(line.id)
        return places
