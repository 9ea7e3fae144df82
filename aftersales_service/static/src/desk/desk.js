/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {Component, onWillStart, useState} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

/**
 * 售后工作台: today's work of the desk as tiles (requests by clock, jobs by state,
 * return visits). What each tile counts is decided by `aftersales.desk.get_desk`.
 */
export class AftersalesDesk extends Component {
    static template = "aftersales_service.Desk";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({sections: []});
        onWillStart(() => this.load());
    }

    async load() {
        this.state.sections = await this.orm.call("aftersales.desk", "get_desk", []);
    }

    open(tile) {
        this.action.doAction(tile.action);
    }
}

registry.category("actions").add("aftersales_desk", AftersalesDesk);
