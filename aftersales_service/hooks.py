# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .models.res_lang import COMPACT_FORMATS


def post_init_hook(env):
    """A database already in Chinese gets the desk's compact date and time formats; the
    companies beside the main one get their own claim types, checks and reasons; each
    company with a chart of accounts gets its 三包 expense, deposit and deduction accounts and
    their journals."""
    env["res.lang"].search(
        [("code", "in", list(COMPACT_FORMATS))]
    )._aftersales_use_compact_formats()
    companies = env["res.company"].search([])
    companies._aftersales_copy_claim_presets()
    companies._aftersales_setup_settlement_accounting()
    companies._aftersales_setup_deposit_accounting()
