/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// A clerk opens the service network as a hierarchy, unfolds an agent, then the kanban.
registry.category("web_tour.tours").add("aftersales_service_network", {
    steps: () => [
        {
            content: "the agent is a root of the hierarchy",
            trigger: `.o_hierarchy_node:contains("Tour Agent")`,
        },
        {
            content: "unfold the agent's network",
            trigger: `.o_hierarchy_node_container:contains("Tour Agent") .o_hierarchy_node_button`,
            run: "click",
        },
        {
            content: "its city point is shown under it",
            trigger: `.o_hierarchy_node:contains("Tour City Point")`,
        },
        {
            content: "switch to the kanban",
            trigger: `.o_switch_view.o_kanban`,
            run: "click",
        },
        {
            content: "the city point card shows its technicians",
            trigger: `.o_kanban_record:contains("Tour City Point") .fa-wrench`,
        },
    ],
});
