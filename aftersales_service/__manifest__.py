# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales Service",
    "summary": "Service requests, field jobs, 三包 warranty, dealer claims, "
    "old parts, settlements and deposits for a manufacturer's service network",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "aftersales_service authors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "mail",
        "portal",
        "contacts",
        "product",
        "stock",
        "account",
        "helpdesk_mgmt",
    ],
    "data": [
        "security/aftersales_security.xml",
        "report/aftersales_partner_report.xml",
        "report/aftersales_partner_templates.xml",
        "views/aftersales_menus.xml",
    ],
    "demo": [
        "demo/res_lang_demo.xml",
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/product_demo.xml",
        "demo/res_partner_demo.xml",
    ],
    "assets": {
        "web.report_assets_common": [
            "aftersales_service/static/src/scss/aftersales_report.scss",
        ],
        "web.assets_tests": [
            "aftersales_service/static/tests/tours/*.js",
        ],
    },
}
