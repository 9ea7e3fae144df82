/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// The accountant's month, in Chinese: the draft settlement of a service point is notified,
// its confirmation recorded, posted; its credit clears the point's invoice (已对账) and
// the entry opens from the settlement.
registry.category("web_tour.tours").add("aftersales_accountant_settles_a_month", {
    steps: () => [
        {
            content: "the month's settlements are listed; open the tour point's",
            trigger: ".o_list_view .o_data_row:contains(Tour Settlement Point) td[name=name]",
            run: "click",
        },
        {
            content: "a draft with its claim",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(草稿)",
        },
        {
            content: "the claim is on it",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td[name=kind]:contains(索赔)",
        },
        {
            content: "notify the dealer",
            trigger: "button[name=action_notify]:contains(通知经销商)",
            run: "click",
        },
        {
            content: "notified",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已通知)",
        },
        {
            content: "the dealer confirmed by phone: record it",
            trigger: "button[name=action_confirm]:contains(登记确认)",
            run: "click",
        },
        {
            content: "post",
            trigger: "button[name=action_post]:contains(过账)",
            run: "click",
        },
        {
            content: "its credit cleared the dealer's invoice",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已对账)",
        },
        {
            content: "open the entry",
            trigger: "button[name=action_view_move]:contains(凭证或账单)",
            run: "click",
        },
        {
            content: "the entry of the settlement journal, posted",
            trigger: ".o_form_view .o_field_widget[name=name]:contains(SBHX)",
        },
    ],
});
