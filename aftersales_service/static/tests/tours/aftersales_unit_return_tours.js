/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// The clerk, in Chinese: a request whose 三包 decision is an exchange opens its 退换机单,
// the replacement serial is chosen and the order approved (under the limit).
registry.category("web_tour.tours").add("aftersales_clerk_exchanges_a_unit", {
    steps: () => [
        {
            content: "the request's decision is an exchange",
            trigger: ".o_field_widget[name=entitlement_decision]:contains(换货)",
        },
        {
            content: "open the exchange / refund order",
            trigger: "button[name=action_aftersales_unit_return]:contains(退换机)",
            run: "click",
        },
        {
            content: "the order has the request's unit",
            trigger: ".o_field_widget[name=lot_id] input:value(SN-TOUR-OLD)",
        },
        {
            content: "its decision is frozen from the unit",
            trigger: ".o_field_widget[name=entitlement_decision]:contains(换货)",
        },
        {
            content: "choose the replacement",
            trigger: ".o_field_widget[name=replacement_lot_id] input",
            run: "edit SN-TOUR-NEW",
        },
        {
            content: "the replacement is in stock",
            trigger: ".o-autocomplete--dropdown-item a:contains(SN-TOUR-NEW)",
            run: "click",
        },
        {
            content: "approve",
            trigger: "button[name=action_approve]:contains(批准)",
            run: "click",
        },
        {
            content: "approved",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已批准)",
        },
        {
            content: "its two transfers are prepared",
            trigger: "button[name=action_view_pickings] .o_stat_value:contains(2)",
        },
    ],
});

// The warehouse, in Chinese: the returned unit comes in, the replacement goes out, and the
// order is done.
registry.category("web_tour.tours").add("aftersales_warehouse_completes_an_exchange", {
    steps: () => [
        {
            content: "take the returned unit in",
            trigger: "button[name=action_receive_unit]:contains(退回机器入库)",
            run: "click",
        },
        {
            content: "hand the replacement out",
            trigger: "button[name=action_deliver_replacement]:contains(发出换新机)",
            run: "click",
        },
        {
            content: "the order is done",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已完成)",
        },
        {
            content: "the returned unit awaits its disposition",
            trigger: ".o_field_widget[name=disposition_state]:contains(待处置)",
        },
    ],
});
