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
        "rating",
        "web_hierarchy",
    ],
    "data": [
        "security/aftersales_security.xml",
        "security/ir.model.access.csv",
        "views/aftersales_menus.xml",
        # network: service points, dealers, areas, technicians
        "security/aftersales_dealer_class_security.xml",
        "security/aftersales_agency_contract_security.xml",
        "data/aftersales_dealer_class_data.xml",
        "data/aftersales_agency_contract_data.xml",
        "views/aftersales_region_views.xml",
        "views/aftersales_dealer_class_views.xml",
        "views/aftersales_agency_contract_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        # warranty: policies, installed units, entitlement
        "security/aftersales_warranty_policy_security.xml",
        "data/aftersales_warranty_policy_data.xml",
        "views/aftersales_warranty_policy_views.xml",
        "views/stock_lot_views.xml",
        "wizards/aftersales_entitlement_wizard_views.xml",
        # service: requests, SLA, fault codes, jobs
        "security/aftersales_sla_rule_security.xml",
        "security/aftersales_fault_code_security.xml",
        "data/aftersales_sla_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/aftersales_sla_rule_views.xml",
        "views/aftersales_fault_code_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_views.xml",
        "security/aftersales_service_job_security.xml",
        "data/aftersales_service_job_data.xml",
        "data/aftersales_service_job_mail_data.xml",
        "views/aftersales_service_job_views.xml",
        "report/aftersales_report_layout.xml",
        "report/aftersales_partner_report.xml",
        "report/aftersales_partner_templates.xml",
        "report/aftersales_service_job_report.xml",
        "report/aftersales_service_job_templates.xml",
    ],
    "demo": [
        "demo/res_lang_demo.xml",
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/product_demo.xml",
        "demo/res_partner_demo.xml",
        # network
        "demo/aftersales_region_demo.xml",
        "demo/res_partner_network_demo.xml",
        # warranty
        "demo/aftersales_warranty_policy_demo.xml",
        "demo/stock_lot_demo.xml",
        # service
        "demo/aftersales_fault_code_demo.xml",
        "demo/aftersales_service_job_demo.xml",
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
