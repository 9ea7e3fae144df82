/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// A 1x1 PNG: the photo the technician takes.
const PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAH/q842iQAAAABJRU5ErkJggg==";

function chooseOption(select, text) {
    const option = [...select.options].find((opt) => opt.textContent.includes(text));
    select.value = option.value;
    select.dispatchEvent(new Event("change", {bubbles: true}));
}

// The service point's technician, on a phone, in Chinese: accepts the dispatched job,
// checks in, fits a part, takes a photo, has the customer sign, writes the findings and
// checks out.
registry.category("web_tour.tours").add("aftersales_portal_technician_completes_a_job", {
    steps: () => [
        {
            content: "open the job waiting for acceptance",
            trigger: "a:contains(PORTAL-TOUR-JOB)",
            run: "click",
        },
        {
            content: "accept it",
            trigger: "button.o_aftersales_accept",
            run: "click",
        },
        {
            content: "accepted",
            trigger: ".o_aftersales_job_state:contains(已接单)",
        },
        {
            content: "check in at the customer",
            trigger: "button.o_aftersales_check_in",
            run: "click",
        },
        {
            content: "on site",
            trigger: ".o_aftersales_job_state:contains(上门)",
        },
        {
            content: "choose the part fitted",
            trigger: "select[name=product_id]",
            run() {
                chooseOption(this.anchor, "Test heating element");
            },
        },
        {
            content: "keep the old part",
            trigger: "input[name=old_part_kept]",
            run: "click",
        },
        {
            content: "add it",
            trigger: ".o_aftersales_part_form button[type=submit]",
            run: "click",
        },
        {
            content: "the part is on the job",
            trigger: ".o_aftersales_part:contains(Test heating element)",
        },
        {
            content: "take a photo",
            trigger: "input.o_aftersales_photo_input",
            run() {
                const bytes = Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "photo.png", {type: "image/png"}));
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "upload it",
            trigger: "form:has(input.o_aftersales_photo_input) button[type=submit]",
            run: "click",
        },
        {
            content: "the photo is on the job",
            trigger: "img.o_aftersales_photo",
        },
        {
            content: "choose the cause found",
            trigger: "select[name=fault_code_id]",
            run() {
                chooseOption(this.anchor, "Heating element burnt");
            },
        },
        {
            content: "write the findings",
            trigger: "textarea[name=resolution]",
            run: "edit 加热管击穿, 已更换",
        },
        {
            content: "save them",
            trigger: "form:has(textarea[name=resolution]) button[type=submit]",
            run: "click",
        },
        {
            content: "saved",
            trigger: ".o_aftersales_success",
        },
        {
            content: "the customer signs on the phone (once the signature form is loaded)",
            trigger: "button.o_aftersales_sign",
            async run() {
                const form = "#modalaftersalessign .o_web_sign_name_and_signature";
                // the page may still be starting: tap again until the pad opens
                for (let tries = 0; tries < 40; tries++) {
                    if (document.querySelector(`.modal.show ${form.split(" ")[1]}`)) {
                        return;
                    }
                    if (document.querySelector(form) && !document.querySelector(".modal.fade.show, .modal-backdrop")) {
                        document.querySelector("button.o_aftersales_sign").click();
                    }
                    await new Promise((resolve) => setTimeout(resolve, 250));
                }
            },
        },
        {
            content: "the signature pad is open",
            trigger: ".modal.show .o_web_sign_name_and_signature canvas",
        },
        {
            content: "sign",
            trigger: ".modal.show .o_portal_sign_submit:enabled",
            async run() {
                await new Promise((resolve) => setTimeout(resolve, 500));
                this.anchor.click();
            },
        },
        {
            content: "signed",
            trigger: ".o_aftersales_signed",
        },
        {
            content: "check out",
            trigger: "button.o_aftersales_check_out",
            run: "click",
        },
        {
            content: "completed",
            trigger: ".o_aftersales_job_state:contains(已完工)",
        },
    ],
});
