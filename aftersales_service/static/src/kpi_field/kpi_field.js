/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {Component} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {formatFloat, formatFloatTime} from "@web/views/fields/formatters";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

/**
 * A KPI of a service point: its value, or "—" when the period has nothing to count
 * (the partner's `kpi_no_data` lists those KPIs). 0 % and "no data" are not the same.
 */
export class AftersalesKpiField extends Component {
    static template = "aftersales_service.KpiField";
    static props = {
        ...standardFieldProps,
        time: {type: Boolean, optional: true},
        suffix: {type: String, optional: true},
    };

    get hasData() {
        const noData = this.props.record.data.kpi_no_data || [];
        return !noData.includes(this.props.name);
    }

    get formattedValue() {
        const value = this.props.record.data[this.props.name];
        const text = this.props.time ? formatFloatTime(value) : formatFloat(value, {digits: [16, 2]});
        return text + (this.props.suffix || "");
    }
}

registry.category("fields").add("aftersales_kpi", {
    component: AftersalesKpiField,
    supportedTypes: ["float"],
    fieldDependencies: [{name: "kpi_no_data", type: "json"}],
    extractProps: ({options}) => ({time: Boolean(options.time), suffix: options.suffix}),
});
