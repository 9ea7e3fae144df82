/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";
import {calendarView} from "@web/views/calendar/calendar_view";
import {CalendarModel} from "@web/views/calendar/calendar_model";

/**
 * The jobs' calendar reads its records with the action's context, as lists and kanbans
 * do: technicians then show by their own name (`aftersales_person_only`) in the events
 * and the legend, the service point being a filter of its own.
 */
export class AftersalesJobCalendarModel extends CalendarModel {
    fetchRecords(data) {
        const {fieldNames, resModel, context} = this.meta;
        return this.orm.searchRead(
            resModel,
            this.computeDomain(data),
            [...new Set([...fieldNames, ...Object.keys(this.meta.activeFields)])],
            {context}
        );
    }
}

registry.category("views").add("aftersales_job_calendar", {
    ...calendarView,
    Model: AftersalesJobCalendarModel,
});
