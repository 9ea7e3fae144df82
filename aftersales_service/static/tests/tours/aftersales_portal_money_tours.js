/** @odoo-module **/
// Copyright 2026 aftersales_service authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// The dealer, on its phone, reads its notified settlement notice and confirms it with its
// name and signature.
registry.category("web_tour.tours").add("aftersales_portal_dealer_confirms_settlement", {
    steps: () => [
        {
            content: "the settlement to confirm, from the list",
            trigger: ".o_portal_my_doc_table a:contains(Tour Portal Point), table a[href^='/my/settlements/']",
            run: "click",
        },
        {
            content: "the notice can be read",
            trigger: ".o_aftersales_portal_settlement a[href$='/notice']",
        },
        {
            content: "confirm",
            trigger: ".o_aftersales_settlement_confirm",
            run: "click",
        },
        {
            content: "the name is there",
            trigger: ".modal .o_web_sign_name_and_signature input:value(Tour Confirmer)",
        },
        {
            content: "the dialog is shown (it resets the signature pad once open)",
            trigger: ".modal.show .o_web_sign_auto_select_style button",
            async run() {
                const modal = this.anchor.closest(".modal");
                await new Promise((resolve) => {
                    modal.addEventListener("shown.bs.modal", resolve, {once: true});
                    setTimeout(resolve, 1000);
                });
                this.anchor.click();
            },
        },
        {
            content: "the fourth style",
            trigger: ".o-dropdown-item:eq(3)",
            run: "click",
        },
        {
            content: "the signature is drawn",
            trigger: ".modal canvas",
            async run() {
                const canvas = this.anchor;
                for (let i = 0; i < 50; i++) {
                    const blank = document.createElement("canvas");
                    blank.width = canvas.width;
                    blank.height = canvas.height;
                    if (canvas.width && canvas.toDataURL() !== blank.toDataURL()) {
                        return;
                    }
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
            },
        },
        {
            content: "sign and send",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "confirmed, with the signature",
            trigger: ".o_aftersales_portal_message",
        },
        {
            trigger: ".o_aftersales_portal_settlement img.o_aftersales_signature",
        },
        {
            content: "the notice and the confirmation in the communication history",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Tour Confirmer)",
        },
    ],
});

// The dealer, on its phone, appeals a posted deduction with its grounds and a PDF.
registry.category("web_tour.tours").add("aftersales_portal_dealer_appeals_deduction", {
    steps: () => [
        {
            content: "the deduction in the deposit's movements",
            trigger: ".o_aftersales_deposit_move:contains(上门超时)",
            run: "click",
        },
        {
            content: "its evidence is shown",
            trigger: ".o_aftersales_portal_deposit_move a:contains(tour-evidence.pdf)",
        },
        {
            content: "the grounds",
            trigger: "textarea[name=grounds]",
            run: "edit 用户改约, 有通话录音",
        },
        {
            content: "a recording's transcript as a PDF",
            trigger: "input[name=files]",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], "通话记录.pdf", {
                        type: "application/pdf",
                    })
                );
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "send",
            trigger: ".o_aftersales_appeal_send",
            run: "click",
        },
        {
            content: "the appeal is under review",
            trigger: ".o_aftersales_portal_message",
        },
        {
            trigger: ".o_aftersales_appeal:contains(用户改约) a:contains(通话记录.pdf)",
        },
    ],
});
