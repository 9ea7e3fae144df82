# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bad-input catalogue: wrong values sent over JSON-RPC, as a client or a script would
send them, each answered by a clear error in the user's language (Chinese here) and with
nothing written: the rows of the addon's tables are counted before and after each call."""

import json
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import polib

import odoo
from odoo.tests import HttpCase, tagged

from .common_portal import AftersalesPortalCommon
from .common_report import print_in_chinese, warm_up_http

CHINESE = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdr]|%[sdr]")
#: the modules whose Chinese sentences an error may be made of
CATALOGUES = ("aftersales_service", "base", "account", "stock", "helpdesk_mgmt", "mail")
#: each bad input, and the sentence (its English source) it must be refused with
REFUSED_WITH = {
    "request reported tomorrow": "A request cannot be reported in the future: %(tickets)s.",
    "a phone of 10,000 characters": "The caller's phone has %(length)s characters: enter one "
    "phone number of at most %(limit)s.",
    "job ending before it starts": "Job %(job)s ends before it starts: check the scheduled window.",
    "negative travel distance": "Job %(job)s: labour, distance and travel fee cannot be negative.",
    "technician of another point": "%(technician)s is not a technician of %(point)s. Choose "
    "one of the service point's technicians.",
    "a job for a unit that does not exist": "Record does not exist or has been deleted.",
    "another company's service point": "Incompatible companies on records:",
    "negative part quantity": "The quantity of %(part)s must be positive.",
    "accept a job that was never dispatched": "%(jobs)s cannot be %(verb)s in their present "
    "state (%(states)s).",
    "a distance in words": "%(field)s: %(value)s is not %(kind)s.",
    "a date that is not one": "%(field)s: %(value)s is not %(kind)s.",
    "negative claim quantity": "Claim %(claim)s: quantities and prices cannot be negative.",
    "negative claim price": "Claim %(claim)s: quantities and prices cannot be negative.",
    "a claim for a unit that does not exist": "Record does not exist or has been deleted.",
    "approve a draft claim": "%(claims)s cannot be %(verb)s in their present state (%(states)s).",
    "a deduction of a negative amount": "A deduction takes back a positive amount.",
    "a deduction above what was approved": "%(claim)s was approved for %(approved)s: a "
    "deduction cannot take back more.",
    "settle an empty period": "No approved claim of this period is left to settle: nothing "
    "was created.",
    "settle a period ending before it starts": "The period ends before it starts.",
    "a negative deposit payment": "The amount of a deposit movement must be positive: %(move)s.",
    "a deduction above the balance": "The deposit of %(dealer)s holds %(balance)s: %(amount)s "
    "cannot be taken from it. Post a smaller amount, or ask the dealer to top it up first.",
    "the clerk posts a deduction": "Only an after-sales accountant posts deposit movements.",
    "a policy ending before it starts": "Policy %(name)s ends before it starts: its Valid To "
    "date must be on or after its Valid From date.",
    "a policy with negative months": "Policy %(name)s: these numbers cannot be negative: "
    "%(fields)s.",
    "a quality rule with a negative threshold": "A quality warning rule cannot have a "
    "negative threshold.",
    "a quality rule without a threshold": "Quality warning rule %(rule)s needs a threshold: at "
    "least N occurrences, or a rate per 1,000 units in service.",
    "an agreement with a negative coefficient": "The coefficients of an agreement cannot be "
    "negative.",
    "a travel share of 150 %": "The travel share is a percentage between 0 and 100.",
    "no day for the supplier to answer": "Give the supplier at least one day to answer.",
    "a dealer class without labour factor": "The labour rate factor of dealer class %(name)s "
    "must be greater than zero.",
    "a dealer class with a negative deposit": "The required deposit of dealer class %(name)s "
    "cannot be negative.",
    "a negative labour norm": "The labour norm cannot be negative: %(codes)s.",
    "a repair ending before it starts": "The repair of unit %(unit)s ends before it starts: "
    "check its dates.",
    "a campaign ending before it starts": "Campaign %(campaign)s ends before it starts.",
    "a point above itself in the network": "A partner cannot be above itself in the service "
    "network.",
    "an old-part cut-off date of 13-45": "Old-part cut-off date %(text)r is not a month-day "
    "such as 06-30: write the dates as MM-DD, separated by commas.",
    "a portal user writes a claim": "You are not allowed to modify '%(document_kind)s' "
    "(%(document_model)s) records.",
    "another company's records": "Uh-oh! Looks like you have stumbled upon some top-secret "
    "records.\n\nSorry, %(user)s doesn't have '%(operation)s' access to:",
}
CLEAR_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
}
COUNTED = [
    "helpdesk.ticket",
    "aftersales.service.job",
    "aftersales.service.job.part",
    "aftersales.claim",
    "aftersales.claim.line",
    "aftersales.claim.settlement",
    "aftersales.deposit.move",
    "aftersales.warranty.policy",
    "aftersales.quality.rule",
    "aftersales.supplier.agreement",
    "aftersales.penalty.rule",
    "aftersales.dealer.class",
    "aftersales.fault.code",
    "aftersales.unit.repair",
    "aftersales.campaign",
    "aftersales.agency.contract",
    "stock.lot",
    "res.partner",
    "account.move",
    "mail.message",
]


@cache
def _catalogue():
    """msgid -> zh_CN msgstr of the modules an error may come from."""
    translations = {}
    for module in CATALOGUES:
        path = Path(odoo.modules.get_module_path(module)) / "i18n" / "zh_CN.po"
        if not path.exists():  # helpdesk_mgmt has none: the addon's catalogue translates it
            continue
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete:
                translations.setdefault(entry.msgid, entry.msgstr)
    return translations


def _translation_of(msgid):
    """The Chinese sentence of ``msgid`` as a pattern, its placeholders matching any text;
    a sentence without Chinese translation fails here, naming it."""
    text = _catalogue().get(msgid)
    assert text and CHINESE.search(text), f"no Chinese translation of {msgid!r}"
    return re.compile(".+?".join(re.escape(piece) for piece in PLACEHOLDER.split(text)), re.DOTALL)


@tagged("post_install", "-at_install")
class TestAftersalesBadInput(AftersalesPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()
        print_in_chinese(cls)
        for user in (*cls.users.values(), cls.portal_a):
            user.write({"lang": "zh_CN", "password": user.login})
        cls.company._aftersales_setup_deposit_accounting()
        cls.company.aftersales_deposit_overdraft = "refuse"
        cls.other_company = cls.env["res.company"].create({"name": "Other after-sales company"})
        cls.other_point = cls.env["res.partner"].create(
            {
                "name": "Other company's point",
                "is_company": True,
                "is_service_point": True,
                "company_id": cls.other_company.id,
            }
        )

    # ------------------------------------------------------------------

    def _call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", {"lang": "zh_CN"})
        reply = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()
        return reply

    def _counts(self):
        self.env.invalidate_all()
        return {
            model: self.env[model].sudo().with_context(active_test=False).search_count([])
            for model in COUNTED
        }

    def _refusal_problem(self, case, login, model, method, args):
        """What is wrong with the answer to a bad input, or None when it was refused well."""
        before = self._counts()
        reply = self._call(login, model, method, args)
        if "error" not in reply:
            return f"{case}: accepted: {str(reply)[:200]}"
        data = reply["error"]["data"]
        if data["name"] not in CLEAR_ERRORS:
            return f"{case}: {data['name']}: {data['message'][:200]}"
        expected = REFUSED_WITH[case]
        if not _translation_of(expected).search(data["message"]):
            return f"{case}: not refused with {expected!r} in Chinese: {data['message'][:200]}"
        if self._counts() != before:
            return f"{case}: something was written"
        return None

    def _job_vals(self, **vals):
        return {
            "ticket_id": self.ticket.id,
            "lot_id": self.unit_in_warranty.id,
            "service_point_id": self.point.id,
            "technician_id": self.technician.id,
            "fault_code_id": self.fault.id,
            **vals,
        }

    def _claim_vals(self, **line):
        return {
            "service_point_id": self.point.id,
            "lot_id": self.unit_in_warranty.id,
            "line_ids": [
                [
                    0,
                    0,
                    {
                        "line_type": "other",
                        "name": "Repair",
                        "quantity": 1,
                        "price_unit": 10,
                        **line,
                    },
                ]
            ],
        }

    # ------------------------------------------------------------------

    def test_the_bad_input_catalogue(self):
        clerk, manager = self.user_clerk.login, self.user_manager.login
        accountant = self.user_accountant.login
        today = date.today()
        long_text = "9" * 10_000
        deposit = self.env["aftersales.deposit.account"]._for(self.company, self.point)
        cases = [
            # service requests and jobs
            (
                "request reported tomorrow",
                clerk,
                "helpdesk.ticket",
                "create",
                [
                    {
                        "name": "x",
                        "description": "x",
                        "partner_id": self.customer.id,
                        "reported_at": str(today + timedelta(days=2)) + " 00:00:00",
                    }
                ],
            ),
            (
                "a phone of 10,000 characters",
                clerk,
                "helpdesk.ticket",
                "create",
                [
                    {
                        "name": "x",
                        "description": "x",
                        "partner_id": self.customer.id,
                        "partner_phone": long_text,
                    }
                ],
            ),
            (
                "job ending before it starts",
                clerk,
                "aftersales.service.job",
                "create",
                [
                    self._job_vals(
                        scheduled_start="2026-03-02 10:00:00", scheduled_end="2026-03-02 08:00:00"
                    )
                ],
            ),
            (
                "negative travel distance",
                clerk,
                "aftersales.service.job",
                "create",
                [self._job_vals(travel_distance=-5)],
            ),
            (
                "technician of another point",
                clerk,
                "aftersales.service.job",
                "create",
                [self._job_vals(technician_id=self.technician_b.id)],
            ),
            (
                "a job for a unit that does not exist",
                clerk,
                "aftersales.service.job",
                "create",
                [self._job_vals(lot_id=10**8)],
            ),
            (
                "another company's service point",
                clerk,
                "aftersales.service.job",
                "create",
                [self._job_vals(service_point_id=self.other_point.id, technician_id=False)],
            ),
            (
                "negative part quantity",
                clerk,
                "aftersales.service.job",
                "create",
                [
                    self._job_vals(
                        part_ids=[[0, 0, {"product_id": self.element.id, "quantity": -1}]]
                    )
                ],
            ),
            (
                "accept a job that was never dispatched",
                self.user_technician.login,
                "aftersales.service.job",
                "action_accept",
                [self._create_job(self.unit_in_warranty).ids],
            ),
            (
                "a distance in words",
                clerk,
                "aftersales.service.job",
                "create",
                [self._job_vals(travel_distance="twelve")],
            ),
            (
                "a date that is not one",
                clerk,
                "aftersales.service.job",
                "create",
                [self._job_vals(scheduled_start="next Tuesday")],
            ),
            # claims
            (
                "negative claim quantity",
                clerk,
                "aftersales.claim",
                "create",
                [self._claim_vals(quantity=-1)],
            ),
            (
                "negative claim price",
                clerk,
                "aftersales.claim",
                "create",
                [self._claim_vals(price_unit=-10)],
            ),
            (
                "a claim for a unit that does not exist",
                clerk,
                "aftersales.claim",
                "create",
                [{**self._claim_vals(), "lot_id": 10**8}],
            ),
            (
                "approve a draft claim",
                self.user_technician.login,
                "aftersales.claim",
                "action_approve",
                [self._create_claim().ids],
            ),
            (
                "a deduction of a negative amount",
                self.user_technician.login,
                "aftersales.claim.deduction",
                "create",
                [{"claim_id": self._approved_claim(100).id, "amount": -5, "reason": "x"}],
            ),
            (
                "a deduction above what was approved",
                self.user_technician.login,
                "aftersales.claim.deduction",
                "create",
                [{"claim_id": self._approved_claim(100).id, "amount": 500, "reason": "x"}],
            ),
            # settlement and deposits
            (
                "settle an empty period",
                accountant,
                "aftersales.claim.settlement.wizard",
                "action_settle",
                [self._wizard(date(2019, 1, 1), date(2019, 1, 31)).ids],
            ),
            (
                "settle a period ending before it starts",
                accountant,
                "aftersales.claim.settlement.wizard",
                "action_settle",
                [self._wizard(date(2025, 2, 1), date(2025, 1, 1)).ids],
            ),
            (
                "a negative deposit payment",
                clerk,
                "aftersales.deposit.move",
                "create",
                [
                    {
                        "deposit_account_id": deposit.id,
                        "move_type": "topup",
                        "amount": -100,
                        "reason": "x",
                        "date": "2025-03-01",
                    }
                ],
            ),
            (
                "a deduction above the balance",
                accountant,
                "aftersales.deposit.move",
                "action_post",
                [self._approved_deduction(deposit, 1000).ids],
            ),
            (
                "the clerk posts a deduction",
                clerk,
                "aftersales.deposit.move",
                "action_post",
                [self._approved_deduction(deposit, 1).ids],
            ),
            # configuration
            (
                "a policy ending before it starts",
                manager,
                "aftersales.warranty.policy",
                "create",
                [self._policy_vals(version_date_from="2026-01-01", version_date_to="2025-01-01")],
            ),
            (
                "a policy with negative months",
                manager,
                "aftersales.warranty.policy",
                "create",
                [self._policy_vals(sanbao_months=-3)],
            ),
            (
                "a quality rule with a negative threshold",
                manager,
                "aftersales.quality.rule",
                "create",
                [{"name": "x", "window": "month", "min_occurrences": -1}],
            ),
            (
                "a quality rule without a threshold",
                manager,
                "aftersales.quality.rule",
                "create",
                [{"name": "x", "window": "month", "min_occurrences": 0, "min_rate": 0}],
            ),
            (
                "an agreement with a negative coefficient",
                manager,
                "aftersales.supplier.agreement",
                "create",
                [{"partner_id": self.customer.id, "part_coefficient": -1}],
            ),
            (
                "a travel share of 150 %",
                manager,
                "aftersales.supplier.agreement",
                "create",
                [{"partner_id": self.customer.id, "travel_share": 150}],
            ),
            (
                "no day for the supplier to answer",
                manager,
                "aftersales.supplier.agreement",
                "create",
                [{"partner_id": self.customer.id, "answer_days": 0}],
            ),
            (
                "a dealer class without labour factor",
                manager,
                "aftersales.dealer.class",
                "create",
                [{"name": "x", "labour_rate_factor": 0}],
            ),
            (
                "a dealer class with a negative deposit",
                manager,
                "aftersales.dealer.class",
                "create",
                [{"name": "x", "deposit_amount": -1}],
            ),
            (
                "a negative labour norm",
                manager,
                "aftersales.fault.code",
                "write",
                [self.fault.ids, {"labour_hours": -1}],
            ),
            (
                "a repair ending before it starts",
                manager,
                "aftersales.unit.repair",
                "create",
                [
                    {
                        "lot_id": self.unit_in_warranty.id,
                        "date_start": "2026-03-02",
                        "date_end": "2026-03-01",
                    }
                ],
            ),
            (
                "a campaign ending before it starts",
                manager,
                "aftersales.campaign",
                "create",
                [{"name": "x", "code": "C1", "date_start": "2026-03-02", "date_end": "2026-03-01"}],
            ),
            (
                "a point above itself in the network",
                manager,
                "res.partner",
                "write",
                [self.point.ids, {"network_parent_id": self.point.id}],
            ),
            (
                "an old-part cut-off date of 13-45",
                "admin",  # the settings are the administrator's
                "res.company",
                "write",
                [
                    self.company.ids,
                    {
                        "aftersales_old_part_deadline": "cutoff",
                        "aftersales_old_part_cutoffs": "13-45",
                    },
                ],
            ),
            # access
            (
                "a portal user writes a claim",
                self.portal_a.login,
                "aftersales.claim",
                "write",
                [self._approved_claim(10).ids, {"state": "draft"}],
            ),
            (
                "another company's records",
                clerk,
                "res.partner",
                "write",
                [self.other_point.ids, {"name": "taken"}],
            ),
        ]
        self.assertGreaterEqual(len(cases), 30)
        problems = [self._refusal_problem(*case) for case in cases]
        self.assertEqual([problem for problem in problems if problem], [])

    # ------------------------------------------------------------------
    # records the cases start from (made before counting)
    # ------------------------------------------------------------------

    def _wizard(self, start, end):
        return (
            self.env["aftersales.claim.settlement.wizard"]
            .with_user(self.user_accountant)
            .create({"period_start": start, "period_end": end})
        )

    def _policy_vals(self, **vals):
        return {"name": "x", "code": "bad_policy", **vals}

    def _approved_deduction(self, deposit, amount):
        move = (
            self.env["aftersales.deposit.move"]
            .with_user(self.user_clerk)
            .create(
                {
                    "deposit_account_id": deposit.id,
                    "move_type": "deduction",
                    "amount": amount,
                    "reason": "x",
                    "date": date(2025, 3, 1),
                }
            )
        )
        move.with_user(self.user_clerk).action_submit()
        move.with_user(self.user_manager).action_approve()
        return move
