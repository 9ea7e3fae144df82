# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The checks of the claim types beside 三包维修: goodwill and large claims need a
pre-authorisation, a campaign claim its campaign, a PDI an unsold unit, a first free
maintenance its window."""

from odoo import _, fields, models
from odoo.tools import format_amount, format_date


class AftersalesClaimCheckRule(models.Model):
    _inherit = "aftersales.claim.check.rule"

    def _check_preauth(self, claims):
        """Goodwill claims, and claims above their type's amount, need an approved
        pre-authorisation of the same point and unit covering the amount, used once."""
        used = self.env["aftersales.claim"].search(
            [
                ("id", "not in", claims.ids),
                ("state", "!=", "cancel"),
                ("preauth_id", "in", claims.preauth_id.ids),
            ]
        )
        failures = {}
        for claim in claims:
            limit = claim.claim_type_id.preauth_amount
            compare = claim.currency_id.compare_amounts
            needed = (claim.claim_kind == "goodwill" and not limit) or (
                limit and compare(claim.amount_claimed, limit) > 0
            )
            preauth = claim.preauth_id
            valid = (
                preauth.state == "approved"
                and preauth.service_point_id == claim.service_point_id
                and preauth.lot_id == claim.lot_id
                and compare(preauth.amount, claim.amount_claimed) >= 0
                and preauth not in used.preauth_id
            )
            if needed and not valid:
                failures[claim.id] = (
                    None,
                    _(
                        "%(amount)s needs an approved pre-authorisation of this unit and "
                        "service point covering it.",
                        amount=format_amount(self.env, claim.amount_claimed, claim.currency_id),
                    ),
                )
        return failures

    def _check_campaign(self, claims):
        campaign_claims = claims.filtered(lambda claim: claim.claim_kind == "campaign")
        others = self.env["aftersales.claim"].search(
            [
                ("id", "not in", campaign_claims.ids),
                ("state", "!=", "cancel"),
                ("campaign_id", "in", campaign_claims.campaign_id.ids),
                ("lot_id", "in", campaign_claims.lot_id.ids),
            ]
        )
        failures = {}
        for claim in campaign_claims:
            campaign = claim.campaign_id
            if not campaign:
                message = _("Choose the campaign of this claim.")
            elif claim.lot_id not in campaign.lot_ids:
                message = _(
                    "Unit %(unit)s is not in campaign %(campaign)s.",
                    unit=claim.lot_id.name,
                    campaign=campaign.name,
                )
            elif not campaign._is_open_on(claim.repair_start):
                message = _(
                    "Campaign %(campaign)s runs from %(start)s to %(end)s.",
                    campaign=campaign.name,
                    start=format_date(self.env, campaign.date_start),
                    end=format_date(self.env, campaign.date_end),
                )
            elif others.filtered(
                lambda other, claim=claim: other.campaign_id == claim.campaign_id
                and other.lot_id == claim.lot_id
            ):
                message = _(
                    "Unit %(unit)s was already claimed in campaign %(campaign)s.",
                    unit=claim.lot_id.name,
                    campaign=campaign.name,
                )
            else:
                continue
            failures[claim.id] = (None, message)
        return failures

    def _check_claim_kind(self, claims):
        """A PDI is for a unit not sold yet at the repair; a first free maintenance is
        once per unit, within its window after the sale."""
        first_services = claims.filtered(lambda claim: claim.claim_kind == "first_service")
        earlier = self.env["aftersales.claim"].search(
            [
                ("id", "not in", first_services.ids),
                ("state", "!=", "cancel"),
                ("claim_kind", "=", "first_service"),
                ("lot_id", "in", first_services.lot_id.ids),
            ]
        )
        failures = {}
        for claim in claims:
            lot, day = claim.lot_id, claim.repair_start or fields.Date.context_today(claim)
            message = False
            if claim.claim_kind == "pdi" and lot.sale_date and lot.sale_date <= day:
                message = _(
                    "Unit %(unit)s was sold on %(sold)s: a pre-delivery inspection is for an "
                    "unsold unit.",
                    unit=lot.name,
                    sold=format_date(self.env, lot.sale_date),
                )
            elif claim.claim_kind == "first_service":
                window = claim.claim_type_id.first_service_days
                if earlier.filtered(lambda other, lot=lot: other.lot_id == lot):
                    message = _(
                        "Unit %(unit)s had its first free maintenance already.", unit=lot.name
                    )
                elif not lot.sale_date or (day - lot.sale_date).days > window:
                    message = _(
                        "The first free maintenance of unit %(unit)s is due within %(days)s "
                        "days of its sale.",
                        unit=lot.name,
                        days=window,
                    )
            if message:
                failures[claim.id] = (None, message)
        return failures
