# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .models.res_lang import COMPACT_FORMATS


def post_init_hook(env):
    """A database already in Chinese gets the desk's compact date and time formats."""
    env["res.lang"].search(
        [("code", "in", list(COMPACT_FORMATS))]
    )._aftersales_use_compact_formats()
