/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

/** Put a small PDF into the file input of a binary field, as a user choosing a file. */
function uploadPdf(fieldName, fileName) {
    const input = document.querySelector(
        `.o_field_widget[name=${fieldName}] input[type=file]`
    );
    const transfer = new DataTransfer();
    transfer.items.add(new File(["%PDF-1.4 signed"], fileName, {type: "application/pdf"}));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

// The clerk, in Chinese: 索赔 on a completed 三包 job opens the claim with its lines; the
// first submission without the signed 三包维修记录 comes back with every check result at
// once; the clerk attaches the record, submits again and prepares the 旧件返回单.
registry.category("web_tour.tours").add("aftersales_clerk_claims_a_job", {
    steps: () => [
        {
            content: "the completed job offers a claim",
            trigger: "button[name=action_create_claim]:contains(索赔)",
            run: "click",
        },
        {
            content: "the claim opens as a draft with the job's labour",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td[name=line_type]:contains(工时)",
        },
        {
            content: "its part",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td[name=product_id]:contains(Tour heating element)",
        },
        {
            content: "and its travel",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td[name=line_type]:contains(里程)",
        },
        {
            content: "the claimed total adds up the lines (30 + 40 + 16)",
            trigger: ".oe_subtotal_footer .o_field_widget[name=amount_claimed]:contains(86.00)",
        },
        {
            content: "submit, forgetting the signed repair record",
            trigger: "button[name=action_submit]:contains(提交)",
            run: "click",
        },
        {
            content: "the claim comes back for correction",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(退回修改)",
        },
        {
            content: "open the check results",
            trigger: ".o_notebook .nav-link:contains(检查)",
            run: "click",
        },
        {
            content: "every check ran and shows at once",
            trigger: ".o_field_widget[name=current_check_ids] .o_data_row:nth-child(13)",
        },
        {
            content: "the ones passed are marked so",
            trigger: ".o_field_widget[name=current_check_ids] .o_data_row:contains(无重复索赔):contains(通过)",
        },
        {
            content: "the one to correct says what is missing, in Chinese",
            trigger:
                ".o_field_widget[name=current_check_ids] .o_data_row:contains(派工单已完工、签字并有维修记录):contains(未附签字的三包维修记录)",
        },
        {
            content: "attach the signed 三包维修记录",
            trigger: ".o_field_widget[name=repair_record]",
            run: () => uploadPdf("repair_record", "三包维修记录.pdf"),
        },
        {
            content: "the record is attached",
            trigger: ".o_field_widget[name=repair_record] input:value(三包维修记录.pdf)",
        },
        {
            content: "submit again",
            trigger: "button[name=action_submit]:contains(提交)",
            run: "click",
        },
        {
            content: "the second submission passes: the claim waits for its old part",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(待旧件)",
        },
        {
            content: "the second submission is numbered",
            trigger: ".oe_title .o_field_widget[name=version]:contains(2)",
        },
        {
            content: "the first submission's results stay readable",
            trigger: ".o_notebook .nav-link:contains(历次提交)",
        },
        {
            content: "prepare the old-part return",
            trigger: "button[name=action_create_old_part_returns]:contains(旧件返回单)",
            run: "click",
        },
        {
            content: "the 旧件返回单 lists the heating element",
            trigger: ".o_field_widget[name=move_ids_without_package] .o_data_row:contains(Tour heating element)",
        },
        {
            content: "with its label scan field",
            trigger: ".o_field_widget[name=aftersales_scan] input[placeholder=扫描标签]",
        },
    ],
});

// The old-part store, in Chinese: the clerk scans the label of the part in the box; the
// other part is not there; validating without a backorder marks it 缺件.
registry.category("web_tour.tours").add("aftersales_warehouse_receives_old_parts", {
    steps: () => [
        {
            content: "the manifest waits for two old parts",
            trigger: ".o_field_widget[name=move_ids_without_package] .o_data_row:contains(Tour thermostat)",
        },
        {
            content: "scan the heating element's label (claim SP-TOUR-0001, line 2)",
            trigger: ".o_field_widget[name=aftersales_scan] input",
            run: "edit SP-TOUR-0001-02 && click body",
        },
        {
            content: "the scanned part is picked",
            trigger:
                ".o_field_widget[name=move_ids_without_package] .o_data_row:contains(Tour heating element) td[name=picked] input:checked",
        },
        {
            content: "the thermostat is not",
            trigger:
                ".o_field_widget[name=move_ids_without_package] .o_data_row:contains(Tour thermostat) td[name=picked] input:not(:checked)",
        },
        {
            content: "validate",
            trigger: "button[name=button_validate]",
            run: "click",
        },
        {
            content: "the thermostat is not coming: no backorder",
            trigger: ".modal button[name=process_cancel_backorder]",
            run: "click",
        },
        {
            content: "the manifest is received",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(完成)",
        },
    ],
});

// The warranty technician, in Chinese: approves the labour and the travel, approves the
// part partly with a reason, and closes the appraisal.
registry.category("web_tour.tours").add("aftersales_technician_appraises_a_claim", {
    steps: () => [
        {
            content: "the claim is in appraisal",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(鉴定中)",
        },
        ...appraiseLine("工时", "已批准"),
        ...appraiseLine("里程", "已批准"),
        ...appraiseLine("部件", "部分批准"),
        {
            content: "approve 30 of the part's 40",
            trigger: `${selectedLine("部件")} .o_field_widget[name=amount_approved] input`,
            run: "edit 30",
        },
        {
            content: "the reason",
            trigger: `${selectedLine("部件")} .o_field_widget[name=reject_reason_id] input`,
            run: "edit 数量不符",
        },
        {
            content: "from the list of reasons",
            trigger: ".o-autocomplete--dropdown-item a:contains(数量不符)",
            run: "click",
        },
        {
            content: "the approved total follows",
            trigger: ".oe_subtotal_footer .o_field_widget[name=amount_approved]:contains(76.00)",
        },
        {
            content: "approve the claim",
            trigger: "button[name=action_approve]:contains(批准)",
            run: "click",
        },
        {
            content: "the claim is approved",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已批准)",
        },
    ],
});

/** The claim line of this type, once the list has opened it for editing. */
function selectedLine(lineType) {
    return `.o_data_row.o_selected_row:has(td[name=line_type]:contains(${lineType}))`;
}

function appraiseLine(lineType, appraisal) {
    return [
        {
            content: `open the ${lineType} line`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row:has(td[name=line_type]:contains(${lineType})) td[name=appraisal]`,
            run: "click",
        },
        {
            content: `appraise it ${appraisal}`,
            trigger: `${selectedLine(lineType)} .o_field_widget[name=appraisal] select`,
            run: `selectByLabel ${appraisal}`,
        },
    ];
}
