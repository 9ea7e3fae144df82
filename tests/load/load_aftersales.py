"""make load: concurrent RPC clients against Odoo's multi-process server (WORKERS), bounded in
time, on loopback; then a consistency check. A report, not a gate: it exits non-zero only
when the consistency check finds a lost or doubled record.

Each client, as the demo users would, in a loop: the clerk records a repair request for a
unit in 三包, opens the job at 杭州服务站, dispatches it, the visit is done and signed, the
job claimed and the claim submitted; the warranty technician approves it; every fifth turn a
deduction (扣款) of one yuan on one of three shared dealers is proposed by the clerk, approved
by the manager and posted by the accountant, all clients on the same three deposits at once.

Reported: requests per second, p50 / p95 latency per kind of call, errors (an answer with an
error other than a business refusal; PostgreSQL's serialization conflicts are retried by Odoo
and never reach the client), business refusals (a deduction above the balance). Then: every
request, job and claim a client was told was created exists, no job has two live claims, and
every deposit's balance equals its journal items.
"""

import argparse
import base64
import random
import statistics
import threading
import time
from collections import defaultdict

import requests

SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a7cb0000000049454e44ae426082"
    )
).decode()
RECORD = base64.b64encode(b"%PDF-1.4 signed repair record").decode()


class Client:
    def __init__(self, url, db, login):
        self.url = url
        self.session = requests.Session()
        reply = self.session.post(
            f"{url}/web/session/authenticate",
            json={"params": {"db": db, "login": login, "password": login}},
            timeout=60,
        ).json()
        if not reply.get("result"):
            raise SystemExit(f"cannot log in as {login}: {reply}")

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", {"lang": "zh_CN"})
        reply = self.session.post(
            f"{self.url}/web/dataset/call_kw",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            },
            timeout=120,
        ).json()
        if "error" in reply:
            raise RpcError(reply["error"]["data"])
        return reply.get("result")


class RpcError(Exception):
    def __init__(self, data):
        super().__init__(data.get("message"))
        self.name = data.get("name", "")


class Load:
    def __init__(self, url, db, clients, seconds):
        self.url, self.db, self.clients, self.seconds = url, db, clients, seconds
        self.latencies = defaultdict(list)
        self.errors = defaultdict(int)
        self.refusals = defaultdict(int)
        self.created = defaultdict(list)
        self.deducted = defaultdict(int)
        self.lock = threading.Lock()

    # ------------------------------------------------------------------
    def prepare(self):
        admin = Client(self.url, self.db, "admin")
        self.admin = admin
        # the demo's completed repair at 杭州服务站 gives the point, technician, fault, model
        [job] = admin.call(
            "aftersales.service.job",
            "search_read",
            [
                ("state", "in", ("done", "called_back")),
                ("fault_code_id", "!=", False),
                ("service_point_id.name", "like", "杭州西湖"),
            ],
            fields=["service_point_id", "technician_id", "fault_code_id", "lot_id", "partner_id"],
            limit=1,
        )
        self.point = job["service_point_id"][0]
        self.technician = job["technician_id"][0]
        self.fault = job["fault_code_id"][0]
        self.customer = job["partner_id"][0]
        product = admin.call("stock.lot", "read", [job["lot_id"][0]], ["product_id"])[0][
            "product_id"
        ][0]
        # one customer of the demo's district per unit batch: the customers of a real month
        # are many, and a customer's row is written by each request's mail
        base = admin.call("res.partner", "read", [self.customer], ["state_id", "country_id"])[0]
        customers = admin.call(
            "res.partner",
            "create",
            [
                {
                    "name": f"负载客户 {n:03d}",
                    "phone": f"1390000{n:04d}",
                    "state_id": base["state_id"] and base["state_id"][0],
                    "country_id": base["country_id"] and base["country_id"][0],
                }
                for n in range(self.clients * 10)
            ],
        )
        sale_date = time.strftime("%Y-%m-%d", time.localtime(time.time() - 40 * 86400))
        count = self.clients * 400
        self.units = admin.call(
            "stock.lot",
            "create",
            [
                {
                    "name": f"LOAD-{int(time.time())}-{n:05d}",
                    "product_id": product,
                    "customer_id": customers[n % len(customers)],
                    "sale_date": sale_date,
                    "registration_card_date": sale_date,
                }
                for n in range(count)
            ],
        )
        self.unit_customer = {
            unit: customers[n % len(customers)] for n, unit in enumerate(self.units)
        }
        self.unit_lock = threading.Lock()
        dealers = admin.call(
            "res.partner",
            "search",
            [("is_service_point", "=", True), ("is_company", "=", True)],
            limit=3,
            order="id",
        )
        self.deposits = []
        company = admin.call("res.users", "read", [2], ["company_id"])[0]["company_id"][0]
        journal = admin.call(
            "account.journal",
            "search",
            [("type", "=", "bank"), ("company_id", "=", company)],
            limit=1,
        )[0]
        for dealer in dealers:
            deposit = admin.call(
                "aftersales.deposit.account", "search", [("partner_id", "=", dealer)], limit=1
            )
            move = admin.call(
                "aftersales.deposit.move",
                "create",
                [
                    {
                        "move_type": "topup",
                        "amount": 200,
                        "reason": "load test",
                        "journal_id": journal,
                        "partner_id": dealer,
                        **({"deposit_account_id": deposit[0]} if deposit else {}),
                    }
                ],
            )
            admin.call("aftersales.deposit.move", "action_post", move)
            self.deposits.append(
                admin.call("aftersales.deposit.move", "read", move, ["deposit_account_id"])[0][
                    "deposit_account_id"
                ][0]
            )

        self.balances_before = {
            deposit["id"]: deposit["balance"]
            for deposit in admin.call(
                "aftersales.deposit.account", "read", self.deposits, ["balance"]
            )
        }

    def next_unit(self):
        with self.unit_lock:
            return self.units.pop()

    # ------------------------------------------------------------------
    def timed(self, what, function, *args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            with self.lock:
                self.latencies[what].append(time.perf_counter() - start)

    def turn(self, users, n):
        clerk, technician = users["clerk"], users["technician"]
        unit = self.next_unit()
        ticket = self.timed(
            "request create",
            clerk.call,
            "helpdesk.ticket",
            "create",
            [
                {
                    "name": "加热管不加热",
                    "description": "load",
                    "partner_id": self.unit_customer[unit],
                    "lot_id": unit,
                    "request_type": "repair",
                }
            ],
        )[0]
        self.record("helpdesk.ticket", ticket)
        job = self.timed(
            "job create",
            clerk.call,
            "aftersales.service.job",
            "create",
            [
                {
                    "ticket_id": ticket,
                    "lot_id": unit,
                    "service_point_id": self.point,
                    "technician_id": self.technician,
                    "fault_code_id": self.fault,
                }
            ],
        )[0]
        self.record("aftersales.service.job", job)
        for step in ("action_dispatch", "action_accept", "action_check_in"):
            self.timed(f"job {step}", clerk.call, "aftersales.service.job", step, [job])
        clerk.call(
            "aftersales.service.job",
            "write",
            [job],
            {"signature": SIGNATURE, "signed_by": "李娟", "resolution": "更换加热管"},
        )
        self.timed("job complete", clerk.call, "aftersales.service.job", "action_complete", [job])
        action = self.timed(
            "claim create", clerk.call, "aftersales.service.job", "action_create_claim", [job]
        )
        claim = action["res_id"]
        self.record("aftersales.claim", claim)
        clerk.call("aftersales.claim", "write", [claim], {"repair_record": RECORD})
        self.timed("claim submit", clerk.call, "aftersales.claim", "action_submit", [claim])
        state = clerk.call("aftersales.claim", "read", [claim], ["state"])[0]["state"]
        if state == "appraisal":
            lines = technician.call("aftersales.claim.line", "search", [("claim_id", "=", claim)])
            technician.call("aftersales.claim.line", "write", lines, {"appraisal": "approved"})
            self.timed(
                "claim approve", technician.call, "aftersales.claim", "action_approve", [claim]
            )
        if n % 5 == 0:
            self.deduct(users)

    def deduct(self, users):
        deposit = random.choice(self.deposits)
        move = self.timed(
            "deduction create",
            users["clerk"].call,
            "aftersales.deposit.move",
            "create",
            [
                {
                    "deposit_account_id": deposit,
                    "move_type": "deduction",
                    "amount": 1,
                    "reason": "load",
                }
            ],
        )[0]
        users["clerk"].call("aftersales.deposit.move", "action_submit", [move])
        users["manager"].call("aftersales.deposit.move", "action_approve", [move])
        try:
            self.timed(
                "deduction post",
                users["accountant"].call,
                "aftersales.deposit.move",
                "action_post",
                [move],
            )
            self.record("aftersales.deposit.move", move)
            with self.lock:
                self.deducted[deposit] += 1
        except RpcError as error:
            if error.name == "odoo.exceptions.UserError":
                with self.lock:
                    self.refusals["deduction above the balance"] += 1
            else:
                raise

    def record(self, model, record_id):
        with self.lock:
            self.created[model].append(record_id)

    def client(self, deadline):
        users = {
            login: Client(self.url, self.db, login)
            for login in ("clerk", "technician", "manager", "accountant")
        }
        n = 0
        while time.monotonic() < deadline:
            n += 1
            try:
                self.turn(users, n)
            except RpcError as error:
                with self.lock:
                    self.errors[f"{error.name}: {str(error)[:120]}"] += 1
            except requests.RequestException as error:
                with self.lock:
                    self.errors[f"HTTP: {type(error).__name__}"] += 1

    # ------------------------------------------------------------------
    def run(self):
        self.prepare()
        deadline = time.monotonic() + self.seconds
        threads = [
            threading.Thread(target=self.client, args=(deadline,)) for _ in range(self.clients)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        self.report(elapsed)
        return self.check()

    def report(self, elapsed):
        calls = sum(len(values) for values in self.latencies.values())
        rate = calls / elapsed
        print(f"\n{self.clients} clients for {elapsed:.0f} s: {calls} timed calls, {rate:.1f}/s")
        print(f"{'call':<26}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}")
        for what, values in sorted(self.latencies.items()):
            values = sorted(values)
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            p50 = statistics.median(values)
            print(f"{what:<26}{len(values):>7}{p50 * 1000:>9.0f}{p95 * 1000:>9.0f}")
        print(f"errors: {sum(self.errors.values())}")
        for error, count in sorted(self.errors.items(), key=lambda item: -item[1]):
            print(f"  {count} × {error}")
        print(f"business refusals: {dict(self.refusals) or 0}")

    def check(self):
        admin = self.admin
        problems = []
        for model, ids in self.created.items():
            found = admin.call(
                model, "search_count", [("id", "in", ids)], context={"active_test": False}
            )
            if found != len(ids):
                problems.append(f"{model}: {len(ids)} created, {found} found")
        jobs = self.created["aftersales.service.job"]
        groups = (
            admin.call(
                "aftersales.claim",
                "read_group",
                [("job_id", "in", jobs), ("state", "!=", "cancel")],
                ["job_id"],
                ["job_id"],
            )
            if jobs
            else []
        )
        doubled = [group for group in groups if group["job_id_count"] > 1]
        if doubled:
            problems.append(f"{len(doubled)} jobs with two live claims")
        deposits = admin.call(
            "aftersales.deposit.account",
            "read",
            self.deposits,
            ["balance", "partner_id", "company_id"],
        )
        for deposit in deposits:
            account = admin.call(
                "res.company", "read", [deposit["company_id"][0]], ["aftersales_deposit_account_id"]
            )[0]["aftersales_deposit_account_id"][0]
            items = admin.call(
                "account.move.line",
                "search_read",
                [
                    ("account_id", "=", account),
                    ("partner_id", "child_of", deposit["partner_id"][0]),
                    ("parent_state", "=", "posted"),
                ],
                fields=["balance"],
            )
            ledger = -sum(item["balance"] for item in items)
            expected = self.balances_before[deposit["id"]] - self.deducted[deposit["id"]]
            name = deposit["partner_id"][1]
            if abs(ledger - deposit["balance"]) > 0.005:
                problems.append(
                    f"deposit {name}: {deposit['balance']} ≠ its journal items {ledger}"
                )
            if abs(expected - deposit["balance"]) > 0.005:
                problems.append(
                    f"deposit {name}: {deposit['balance']}, expected {expected} after "
                    f"{self.deducted[deposit['id']]} deductions"
                )
        print(
            "consistency: "
            + (
                "OK: every record present, no claim doubled, "
                "every deposit equal to its journal items"
                if not problems
                else "; ".join(problems)
            )
        )
        return not problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()
    ok = Load(args.url, args.db, args.clients, args.seconds).run()
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
