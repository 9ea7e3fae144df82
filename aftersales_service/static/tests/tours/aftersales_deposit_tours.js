/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// The manager's review, in Chinese: the deduction the cron proposed for a late callback
// is approved and posted; the movement says the balance it leaves, and the deposit shows it.
registry.category("web_tour.tours").add("aftersales_manager_approves_a_deduction", {
    steps: () => [
        {
            content: "the proposed deduction of the tour dealer",
            trigger: ".o_list_view .o_data_row:contains(Tour Deposit Dealer):contains(扣款) td[name=name]",
            run: "click",
        },
        {
            content: "a draft, from its rule",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(草稿)",
        },
        {
            content: "the rule it breaks is set",
            trigger: ".o_field_widget[name=rule_id] input:value(回访超时), .o_field_widget[name=rule_id] input:value(Callback deadline breached)",
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
            content: "post",
            trigger: "button[name=action_post]:contains(过账)",
            run: "click",
        },
        {
            content: "posted, with its appeal deadline",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已过账)",
        },
        {
            content: "the chatter says the balance it leaves",
            trigger: ".o-mail-Message:contains(保证金余额现为)",
        },
        {
            content: "open the deposits",
            trigger: ".o_breadcrumb .o_back_button, .o_breadcrumb a:contains(保证金变动)",
            run: "click",
        },
        {
            content: "back on the list",
            trigger: ".o_list_view .o_data_row:contains(Tour Deposit Dealer):contains(已过账)",
        },
    ],
});
