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
        "resource",
        "stock",
        "account",
        "helpdesk_mgmt",
        "web_hierarchy",
    ],
    "data": [
        "security/aftersales_security.xml",
        "security/ir.model.access.csv",
        "views/aftersales_menus.xml",
        # network: service points, dealers, areas, technicians
        # warranty: policies, installed units, entitlement
        # service: requests, SLA, fault codes, jobs
        "report/aftersales_report_layout.xml",
        "report/aftersales_partner_report.xml",
        "report/aftersales_partner_templates.xml",
    ],
    "demo": [
        "demo/res_lang_demo.xml",
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/product_demo.xml",
        "demo/res_partner_demo.xml",
        # network
        # warranty
        # service
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
