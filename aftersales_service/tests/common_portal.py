# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command, fields
from odoo.tests import new_test_user

from .common_claim import REPAIR_RECORD
from .common_job import SIGNATURE
from .common_settlement import AftersalesSettlementCommon


class AftersalesPortalCommon(AftersalesSettlementCommon):
    """Two service points of the company, each with a portal user on a contact of its own:
    ``point`` (the claims' and settlements' test point) with ``portal_a``, and ``point_b``
    with ``portal_b``, who must never see anything of the first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.point.is_dealer = True
        cls.point_b = cls.env["res.partner"].create(
            {
                "name": "Other service point",
                "is_company": True,
                "is_service_point": True,
                "is_dealer": True,
                "dealer_class_id": cls.point.dealer_class_id.id,
            }
        )
        cls.technician_b = cls.env["res.partner"].create(
            {
                "name": "Other technician",
                "parent_id": cls.point_b.id,
                "is_technician": True,
            }
        )
        cls.portal_a = cls._portal_user(cls.point, "aftersales-portal-a")
        cls.portal_b = cls._portal_user(cls.point_b, "aftersales-portal-b")

    @classmethod
    def _portal_user(cls, point, login, lang="en_US"):
        contact = cls.env["res.partner"].create(
            {"name": f"{point.name} portal", "parent_id": point.id, "type": "contact"}
        )
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups="base.group_portal",
            partner_id=contact.id,
            lang=lang,
            tz="Asia/Shanghai",
        )

    # ------------------------------------------------------------------
    # One record of each kind the portal shows, for a point: the isolation test plants
    # them for both points. Each area of the portal fills in its own method.
    # ------------------------------------------------------------------

    def _plant_jobs(self, point):
        """Jobs (and their parts) of ``point``: one dispatched with a planned part, one
        completed."""
        technician = point.child_ids.filtered("is_technician")[:1]
        customer = self.env["res.partner"].create(
            {"name": f"{point.name} customer", "phone": "13812345678"}
        )
        unit = self.env["stock.lot"].create(
            {
                "name": f"SN-PORTAL-{point.id}",
                "product_id": self.heater.id,
                "customer_id": customer.id,
                "sale_date": self.today,
            }
        )
        jobs = self.env["aftersales.service.job"].create(
            [
                {
                    "partner_id": customer.id,
                    "lot_id": unit.id,
                    "service_point_id": point.id,
                    "technician_id": technician.id,
                    "job_type": "inspection",
                    "resolution": "Checked",
                    "part_ids": [Command.create({"product_id": self.element.id})],
                }
                for _n in range(2)
            ]
        )
        jobs.action_dispatch()
        done = jobs[1]
        done.action_check_in()
        done.write({"signature": SIGNATURE, "signed_by": customer.name})
        self.env["stock.quant"]._update_available_quantity(
            self.element, point._aftersales_stock_location(), 1
        )
        done.action_complete()
        return jobs

    def _plant_claims(self, point):
        """Claims (lines, check results) of ``point``: a draft one, a submitted one, and a
        job of the point (the claims are made from jobs)."""
        Claim = self.env["aftersales.claim"]
        vals = {
            "service_point_id": point.id,
            "partner_id": self.customer.id,
            "lot_id": self.unit_in_warranty.id,
            "fault_code_id": self.fault.id,
            "line_ids": [
                Command.create(
                    {"line_type": "other", "name": "Repair", "quantity": 1, "price_unit": 100}
                )
            ],
        }
        Claim.create(vals)
        submitted = Claim.create({**vals, "repair_record": REPAIR_RECORD})
        submitted.action_submit()
        self.env["aftersales.service.job"].create(
            {
                "ticket_id": self.ticket.id,
                "lot_id": self.unit_in_warranty.id,
                "service_point_id": point.id,
                "fault_code_id": self.fault.id,
            }
        )

    def _plant_old_parts(self, point):
        """Old parts to return and a return manifest of ``point``: a claim waiting for two
        old parts, one of them on a return manifest (旧件返回单)."""
        claim = self.env["aftersales.claim"].create(
            {
                "service_point_id": point.id,
                "partner_id": self.customer.id,
                "lot_id": self.unit_in_warranty.id,
                "fault_code_id": self.fault.id,
                "line_ids": [
                    Command.create({"line_type": "part", "product_id": self.element.id})
                    for _index in range(2)
                ],
            }
        )
        # the checks have their own tests: straight to the old parts
        claim.write({"state": "waiting_parts", "first_submitted_on": fields.Datetime.now()})
        picking = self.env["stock.picking"].create(
            claim._prepare_old_part_return_vals(
                claim.company_id, point, claim.line_ids.filtered("old_part_required")[:1]
            )
        )
        picking.action_confirm()
        return claim, picking

    def _plant_money(self, point):
        """A settlement, a deposit with movements, a deduction and an appeal of ``point``.

        Returns them: ``settlement`` (notified), ``topup``, ``deduction`` (posted, open to
        appeal), ``appealed`` (a posted deduction under appeal) and ``appeal``."""
        company = self.env.company
        self._approved_claim(400, point=point)
        settlement = self.Settlement._settle_period(
            company, date(2025, 1, 1), date(2025, 1, 31), partners=point
        )
        settlement.with_user(self.user_accountant).action_notify()
        company._aftersales_setup_deposit_accounting()
        deposit = self.env["aftersales.deposit.account"]._for(company, point)
        bank = self.env["account.journal"].search(
            [*self.env["account.journal"]._check_company_domain(company), ("type", "=", "bank")],
            limit=1,
        )
        Move = self.env["aftersales.deposit.move"]

        def posted(move_type, amount, reason):
            move = Move.with_user(self.user_clerk).create(
                {
                    "deposit_account_id": deposit.id,
                    "move_type": move_type,
                    "amount": amount,
                    "reason": reason,
                    "journal_id": bank.id if move_type == "topup" else False,
                }
            )
            if move_type != "topup":
                move.with_user(self.user_clerk).action_submit()
                move.with_user(self.user_manager).action_approve()
            move.with_user(self.user_accountant).action_post()
            return move.sudo(False)

        topup = posted("topup", 5000, f"{point.name} 保证金缴纳")
        deduction = posted("deduction", 300, f"{point.name} 上门超时")
        appealed = posted("deduction", 200, f"{point.name} 回访不满意")
        appeal = self.env["aftersales.deposit.appeal"].create(
            {"deduction_id": appealed.id, "grounds": f"{point.name} 用户改约"}
        )
        return {
            "settlement": settlement,
            "topup": topup,
            "deduction": deduction,
            "appealed": appealed,
            "appeal": appeal,
        }

    def _plant_all(self, point):
        self._plant_jobs(point)
        self._plant_claims(point)
        self._plant_old_parts(point)
        self._plant_money(point)
