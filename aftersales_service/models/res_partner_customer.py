# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models

#: a number is matched on its last digits: the area or country prefix may differ
PHONE_MATCH_DIGITS = 8


def phone_digits(number):
    return re.sub(r"\D", "", number or "")


class ResPartner(models.Model):
    """Customers of the after-sales desk: found by phone, with their units."""

    _inherit = "res.partner"

    aftersales_unit_ids = fields.One2many("stock.lot", "customer_id", "Units")

    @api.depends_context("aftersales_person_only")
    def _compute_display_name(self):
        """Technicians by their own name where their service point is shown beside them
        (jobs, calendar): context key ``aftersales_person_only``."""
        res = super()._compute_display_name()
        if self.env.context.get("aftersales_person_only"):
            for partner in self.filtered(lambda p: p.is_technician and p.name):
                partner.display_name = partner.name
        return res

    @api.model
    def _aftersales_find_by_phone(self, number):
        """The customers (not the network, not the company's users) whose phone or
        mobile ends with the last digits of ``number``, whatever the spaces, dashes
        or country prefix."""
        digits = phone_digits(number)[-PHONE_MATCH_DIGITS:]
        if len(digits) < PHONE_MATCH_DIGITS:
            return self.browse()
        pattern = "%".join(digits)
        candidates = self.search(
            [
                "|",
                ("phone", "ilike", pattern),
                ("mobile", "ilike", pattern),
                ("is_service_point", "=", False),
                ("is_dealer", "=", False),
                ("is_technician", "=", False),
                ("partner_share", "=", True),
            ],
            limit=20,
        )
        return candidates.filtered(lambda partner: partner._aftersales_has_phone(number))

    def _aftersales_has_phone(self, number):
        """True when ``number`` is this partner's phone or mobile (last digits)."""
        digits = phone_digits(number)[-PHONE_MATCH_DIGITS:]
        if not self or len(digits) < PHONE_MATCH_DIGITS:
            return False
        return any(phone_digits(own).endswith(digits) for own in (self.phone, self.mobile) if own)

    def _aftersales_units(self):
        """The units of the customer (and of its company), not returned, not exchanged."""
        self.ensure_one()
        return self.env["stock.lot"].search(
            [
                ("customer_id", "child_of", self.commercial_partner_id.id),
                ("returned_date", "=", False),
                ("replaced_by_lot_id", "=", False),
            ]
        )
