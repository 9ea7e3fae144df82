/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// A clerk working in Chinese opens each section of the app and lands on its first page.
const SECTIONS = [
    ["aftersales_menu_service", "aftersales_menu_service_requests", "服务请求"],
    ["aftersales_menu_claims", "aftersales_menu_claims_units", "机器档案"],
    ["aftersales_menu_network", "aftersales_menu_network_partners", "服务网络"],
    ["aftersales_menu_stores", "aftersales_menu_stores_parts", "配件"],
    ["aftersales_menu_accounting", "aftersales_menu_accounting_invoices", "经销商发票"],
    ["aftersales_menu_reporting", "aftersales_menu_reporting_requests", "服务请求分析"],
    ["aftersales_menu_config", "aftersales_menu_config_teams", "服务团队"],
];

function openSection([section, item, title]) {
    return [
        {
            content: `open section ${section}`,
            trigger: `.o_menu_sections [data-menu-xmlid="aftersales_service.${section}"]`,
            run: "click",
        },
        {
            content: `open ${item}`,
            trigger: `.dropdown-menu [data-menu-xmlid="aftersales_service.${item}"]`,
            run: "click",
        },
        {
            content: `${title} is shown`,
            trigger: `.o_breadcrumb .active:contains("${title}")`,
        },
    ];
}

registry.category("web_tour.tours").add("aftersales_service_sections", {
    steps: () => [
        {
            content: "the app is named in Chinese",
            trigger: `.o_menu_brand:contains("售后服务")`,
        },
        ...SECTIONS.flatMap(openSection),
    ],
});
