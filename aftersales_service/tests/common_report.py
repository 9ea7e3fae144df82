# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import subprocess
import tempfile

from odoo import http


def pdf_text(pdf_bytes):
    """The text of a PDF as a reader who searches or copies it gets it."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(pdf_bytes)
        pdf.flush()
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", pdf.name, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def warm_up_http():
    """Read the addons' manifests for static files now, in this thread. Left to the
    first request, wkhtmltopdf's or the browser's, Python 3.11 may fail compiling them
    in two threads at once ("AST constructor recursion depth mismatch"): the styles
    are not served and the document falls back to another font."""
    return http.root.statics


def print_in_chinese(case_class):
    """Let wkhtmltopdf fetch the styles from the test server and print in Chinese."""
    case_class.env["ir.config_parameter"].set_param("report.url", case_class.base_url())
    case_class.env["res.lang"]._activate_lang("zh_CN")
    case_class.env["ir.module.module"]._load_module_terms(
        ["aftersales_service"], ["zh_CN"], overwrite=True
    )


def render_pdf_text(case, report_xmlid, records, user):
    """Print ``records`` with the report as ``user`` through wkhtmltopdf; return its text."""
    warm_up_http()
    report = case.env.ref(report_xmlid)
    pdf, fmt = (
        case.env["ir.actions.report"]
        .with_user(user)
        .with_context(force_report_rendering=True)
        ._render_qweb_pdf(report, records.ids)
    )
    case.assertEqual(fmt, "pdf")
    case.assertTrue(pdf.startswith(b"%PDF"))
    return pdf_text(pdf)
