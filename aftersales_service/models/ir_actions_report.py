# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools
import subprocess

from odoo import models
from odoo.tools.pdf import merge_pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin


@functools.cache
def _wkhtmltopdf_takes_one_document():
    """Debian's wkhtmltopdf is built against an unpatched Qt: it refuses more than one
    input document ("does not support more than one input document")."""
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, text=True, check=False
        ).stdout
    except (OSError, TypeError):
        return False
    return "patched qt" not in version.lower()


class IrActionsReport(models.Model):
    """Printing several records at once (a clerk selects ten 派工单 and prints them) with
    such a wkhtmltopdf: one document per record, merged, instead of an error."""

    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(self, bodies, *args, **kwargs):
        if len(bodies) > 1 and _wkhtmltopdf_takes_one_document():
            return merge_pdf(
                [
                    super(IrActionsReport, self)._run_wkhtmltopdf([body], *args, **kwargs)
                    for body in bodies
                ]
            )
        return super()._run_wkhtmltopdf(bodies, *args, **kwargs)
