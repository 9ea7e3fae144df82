# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

#: Odoo's Chinese formats (2026年12月03日 18时00分00秒) do not fit the desk's list
#: columns: the after-sales desk reads 2026-12-03 18:00:00.
COMPACT_FORMATS = {
    "zh_CN": {"date_format": "%Y-%m-%d", "time_format": "%H:%M:%S", "short_time_format": "%H:%M"},
}


class ResLang(models.Model):
    _inherit = "res.lang"

    def write(self, vals):
        activated = self.filtered(lambda lang: not lang.active) if vals.get("active") else None
        res = super().write(vals)
        if activated:
            activated._aftersales_use_compact_formats()
        return res

    def _aftersales_use_compact_formats(self):
        """Give the languages of ``COMPACT_FORMATS`` their compact date and time formats."""
        for lang in self.filtered(lambda lang: lang.code in COMPACT_FORMATS):
            lang.write(COMPACT_FORMATS[lang.code])
