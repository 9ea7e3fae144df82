/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// The clerk's day, in Chinese: from the desk, a caller gives a phone number; the customer,
// the unit, the service point and the 三包 decision show before saving; the clerk saves and
// dispatches the technician; the request is then in progress and 派工 opens that job.
registry.category("web_tour.tours").add("aftersales_clerk_intake_by_phone", {
    steps: () => [
        {
            content: "the app opens on the desk",
            trigger: ".o_aftersales_desk_requests .o_aftersales_desk_tile_to_dispatch",
            run: "click",
        },
        {
            content: "the requests to dispatch are listed; record a new call",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "a new request is named as such",
            trigger: ".o_breadcrumb .active:contains(新服务请求)",
        },
        {
            content: "the caller's number",
            trigger: ".o_field_widget[name=partner_phone] input",
            run: "edit 13805712345 && click body",
        },
        {
            content: "finds the customer",
            trigger: ".o_field_widget[name=partner_id] input:value(Tour Caller)",
        },
        {
            content: "and the customer's unit",
            trigger: ".o_field_widget[name=lot_id] input:value(SN-TOUR-1)",
        },
        {
            content: "the 三包 decision shows before saving, by its name",
            trigger: ".o_field_widget[name=entitlement_decision]:contains(免费修理)",
        },
        {
            content: "with the rule that decided it",
            trigger: ".o_field_widget[name=entitlement_rule]:contains(三包有效期内)",
        },
        {
            content: "and the responsible service point",
            trigger: ".o_field_widget[name=service_point_id] input:value(Tour Point)",
        },
        {
            content: "the clerk notes what the customer says",
            trigger: ".o_field_widget[name=description] .odoo-editor-editable",
            run: "editor 没有热水",
        },
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "the request got a number and a title",
            trigger: ".o_breadcrumb .active:contains(报修: Tour Heater)",
        },
        {
            content: "dispatch",
            trigger: "button[name=action_aftersales_dispatch]:contains(派工)",
            run: "click",
        },
        {
            content: "the job form opens; choose the technician",
            trigger: ".o_field_widget[name=technician_id] input",
            run: "edit Tour Tech",
        },
        {
            content: "the technician is listed by name",
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Technician)",
            run: "click",
        },
        {
            content: "send the job",
            trigger: "button[name=action_dispatch]",
            run: "click",
        },
        {
            content: "the job is dispatched",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已派工)",
        },
        {
            content: "back to the request",
            trigger: ".o_breadcrumb a:contains(报修: Tour Heater)",
            run: "click",
        },
        {
            content: "the request is in progress",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(处理中)",
        },
        {
            content: "派工 now opens the job under way",
            trigger: "button[name=action_aftersales_dispatch]:contains(打开派工单)",
        },
    ],
});

// A technician on a phone (390 px): the next step is a big button on the job itself,
// not under the gear menu.
registry.category("web_tour.tours").add("aftersales_technician_on_a_phone", {
    steps: () => [
        {
            content: "accept the job",
            trigger: ".o_form_sheet button[name=action_accept]",
            run: "click",
        },
        {
            content: "check in at the customer",
            trigger: ".o_form_sheet button[name=action_check_in]",
            run: "click",
        },
        {
            content: "on site",
            trigger: ".o_form_sheet button[name=action_complete]",
        },
        {
            content: "write what was found and done",
            trigger: ".o_field_widget[name=resolution] textarea",
            run: "edit 更换加热管，试机正常",
        },
        {
            content: "open the on-site page",
            trigger: ".o_notebook .nav-link:contains(上门)",
            run: "click",
        },
        {
            content: "who signs",
            trigger: ".o_field_widget[name=signed_by] input",
            run: "edit Tour Caller && click body",
        },
        {
            content: "the customer signs",
            trigger: ".o_field_widget[name=signature] .o_signature",
            run: "click",
        },
        {
            content: "adopt the signature",
            trigger: ".modal-footer .btn-primary:enabled",
            run: "click",
        },
        {
            content: "check out",
            trigger: ".o_form_sheet button[name=action_complete]",
            run: "click",
        },
        {
            content: "the job is completed",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已完工)",
        },
    ],
});

// The manager adds a service point, then a technician with a certificate. A point with no
// activity shows no data (—), not 0 %.
registry.category("web_tour.tours").add("aftersales_manager_adds_a_service_point", {
    steps: () => [
        {
            content: "name the new service point",
            trigger: ".o_field_widget[name=name] input, .o_field_widget[name=name] textarea",
            run: "edit Tour New Point",
        },
        {
            content: "save it",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "open its technicians",
            trigger: "button[name=action_view_technicians]",
            run: "click",
        },
        {
            content: "add one",
            trigger: ".o_list_button_add, .o-kanban-button-new",
            run: "click",
        },
        {
            content: "the technician's name",
            trigger: ".o_field_widget[name=name] input, .o_field_widget[name=name] textarea",
            run: "edit Tour New Technician",
        },
        {
            content: "open the technician page",
            trigger: ".o_notebook .nav-link:contains(技师)",
            run: "click",
        },
        {
            content: "the certificate number",
            trigger: ".o_field_widget[name=technician_certificate] input",
            run: "edit CERT-TOUR",
        },
        {
            content: "valid until",
            trigger: ".o_field_widget[name=technician_certificate_expiry] input",
            run: "edit 2030-12-31",
        },
        {
            content: "save the technician",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved",
            trigger: ".o_breadcrumb .active:contains(Tour New Technician)",
        },
        {
            content: "back to the network",
            trigger: `.o_menu_sections [data-menu-xmlid="aftersales_service.aftersales_menu_network"]`,
            run: "click",
        },
        {
            content: "its service points and dealers",
            trigger: `.dropdown-menu [data-menu-xmlid="aftersales_service.aftersales_menu_network_partners"]`,
            run: "click",
        },
        {
            content: "the new point has no data yet: —, not 0 %",
            trigger: ".o_kanban_record:contains(Tour New Point) .o_aftersales_kpi_no_data",
        },
    ],
});

// The jobs' calendar: its legend names each technician, not "point, technician".
registry.category("web_tour.tours").add("aftersales_jobs_calendar", {
    steps: () => [
        {
            content: "the technician in the legend by their own name, not after the point",
            trigger: ".o_calendar_filter_item:contains(Tour Technician):not(:contains(Tour Point))",
        },
        {
            content: "the job with no end typed is on the calendar",
            trigger: ".o_event:contains(PG-TOUR-CAL)",
        },
    ],
});
