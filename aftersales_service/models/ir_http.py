# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    """The dealer's portal pages show mail's chatter (沟通历程 of a claim, a job, a
    settlement). Without website_mail, Odoo sends the portal only web's and portal's
    translations: the chatter read "Today at 02:44" on a Chinese page."""

    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        return [*super()._get_translation_frontend_modules_name(), "mail"]
