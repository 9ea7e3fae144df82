/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

/** Put a small PDF into a file input of the portal, as a user choosing a file. */
function choosePdf(selector, fileName) {
    const input = document.querySelector(selector);
    const transfer = new DataTransfer();
    transfer.items.add(new File(["%PDF-1.4 signed"], fileName, {type: "application/pdf"}));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

// The service point, on a phone: opens its draft claim from the list, uploads the signed
// 三包维修记录 and submits; every check result shows on the page.
registry.category("web_tour.tours").add("aftersales_portal_claim_submit", {
    steps: () => [
        {
            content: "the claim is in the list",
            trigger: "a.o_aftersales_claim_link",
            run: "click",
        },
        {
            content: "a draft claim",
            trigger: ".o_aftersales_claim_state[data-state=draft]",
        },
        {
            content: "choose the signed repair record",
            trigger: "input#repair_record",
            run: () => choosePdf("input#repair_record", "三包维修记录.pdf"),
        },
        {
            content: "upload it",
            trigger: "button.o_aftersales_upload",
            run: "click",
        },
        {
            content: "the record is on the claim",
            trigger: "a.o_aftersales_repair_record:contains(三包维修记录.pdf)",
        },
        {
            content: "submit",
            trigger: "button.o_aftersales_claim_submit",
            run: "click",
        },
        {
            content: "every check of the submission shows",
            trigger: ".o_aftersales_check_results .o_aftersales_check_result[data-outcome=pass]",
        },
        {
            content: "the claim waits for its appraisal",
            trigger: ".o_aftersales_claim_state[data-state=appraisal]",
        },
    ],
});

// The claim came back for correction: the service point reads why, corrects the reading,
// adds the forgotten cost and submits again.
registry.category("web_tour.tours").add("aftersales_portal_claim_correct", {
    steps: () => [
        {
            content: "the claim is returned",
            trigger: ".o_aftersales_claim_state[data-state=returned]",
        },
        {
            content: "with what to correct",
            trigger: ".o_aftersales_return_reason:contains(读数)",
        },
        {
            content: "correct the reading",
            trigger: "input#usage_reading",
            run: "edit 1200",
        },
        {
            content: "save",
            trigger: "button.o_aftersales_claim_save",
            run: "click",
        },
        {
            content: "the reading is saved",
            trigger: "input#usage_reading[value='1200.0']",
        },
        {
            content: "an other cost",
            trigger: "select#line_type",
            run: "select other",
        },
        {
            content: "its description",
            trigger: "input#line_name",
            run: "edit 清洗费",
        },
        {
            content: "its price",
            trigger: "input#price_unit",
            run: "edit 15",
        },
        {
            content: "add the line",
            trigger: ".o_aftersales_line_add button[type=submit]",
            run: "click",
        },
        {
            content: "the line is on the claim",
            trigger: ".o_aftersales_claim_line:contains(清洗费)",
        },
        {
            content: "submit again",
            trigger: "button.o_aftersales_claim_submit",
            run: "click",
        },
        {
            content: "the claim waits for its appraisal again",
            trigger: ".o_aftersales_claim_state[data-state=appraisal]",
        },
    ],
});
