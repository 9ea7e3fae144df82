# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Dealer A's portal user asks for dealer B's records every way there is, and gets nothing.

The routes are read from Odoo's routing map and the models from the registry, so a new route
or model of the addon cannot skip this test: a route with a record id in its path must be
listed in ROUTE_ARGS (which model the id is of), or the test fails.
"""

import json
import re
import threading
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .common_portal import AftersalesPortalCommon
from .common_report import warm_up_http

#: the id arguments of the addon's routes: argument name -> model; None for an argument
#: that is no record id (a list's page number): such routes are lists
ROUTE_ARGS = {
    "page": None,
    "claim_id": "aftersales.claim",
    "job_id": "aftersales.service.job",
    "return_id": "stock.picking",
    "settlement_id": "aftersales.claim.settlement",
    "deposit_move_id": "aftersales.deposit.move",
}

#: what "refused" looks like for a page or a download
REFUSED_STATUS = {403, 404}


@tagged("post_install", "-at_install")
class TestAftersalesPortalIsolation(AftersalesPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        warm_up_http()

    def setUp(self):
        super().setUp()
        self._plant_all(self.point)
        self._plant_all(self.point_b)

    # ------------------------------------------------------------------
    # What belongs to B
    # ------------------------------------------------------------------

    def _addon_models(self):
        return [
            model
            for model in self.env["ir.model"]
            .sudo()
            .search([("transient", "=", False)])
            .mapped("model")
            if model in self.env
            and self.env[model]._original_module == "aftersales_service"
            and not self.env[model]._abstract
        ]

    def _only_b(self, model):
        """The records of ``model`` B's portal user reads and A's does not."""
        Model = self.env[model]
        if not Model.with_user(self.portal_b).has_access("read"):
            return Model
        seen_by_b = Model.with_user(self.portal_b).search([]).with_user(self.env.user)
        seen_by_a = Model.with_user(self.portal_a).search([]).with_user(self.env.user)
        return seen_by_b - seen_by_a

    # ------------------------------------------------------------------
    # The models, over JSON-RPC as A
    # ------------------------------------------------------------------

    def _call_kw(self, model, method, args, kwargs=None):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def _assert_refused(self, reply, what):
        error = reply.get("error")
        self.assertTrue(error, f"{what} was answered: {str(reply.get('result'))[:200]}")
        self.assertIn(
            error["data"]["name"],
            ("odoo.exceptions.AccessError", "odoo.exceptions.MissingError"),
            f"{what}: {error['data']['message'][:200]}",
        )

    def test_model_calls_on_b_records_are_refused(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        models = self._addon_models()
        self.assertGreater(len(models), 30)
        guessed = 10**9
        planted = {model: self._only_b(model).ids for model in models}
        for model in models:
            b_records = self.env[model].browse(planted[model])
            ids = b_records.ids or [guessed]
            reply = self._call_kw(model, "search_read", [[("id", "in", ids)]], {"fields": ["id"]})
            if "error" in reply:
                self._assert_refused(reply, f"search_read on {model}")
            else:
                self.assertEqual(reply["result"], [], f"{model}: A found B's records")
            stored = next(
                f for f, field in self.env[model]._fields.items() if field.store and f != "id"
            )
            reply = self._call_kw(model, "read", [ids, [stored]])
            if "error" in reply or reply["result"]:
                self._assert_refused(reply, f"read {model}")
            self._assert_refused(
                self._call_kw(model, "write", [ids, {"display_name": "x"}]), f"write {model}"
            )
            self._assert_refused(self._call_kw(model, "unlink", [ids]), f"unlink {model}")
            self._assert_refused(self._call_kw(model, "create", [{}]), f"create {model}")
        for model, ids in planted.items():
            self.assertEqual(self.env[model].browse(ids).exists().ids, ids, f"{model} lost")

    # ------------------------------------------------------------------
    # The routes of the addon
    # ------------------------------------------------------------------

    def _addon_rules(self):
        thread = threading.current_thread()
        with patch.object(thread, "dbname", self.env.cr.dbname, create=True):
            routing_map = self.env["ir.http"].routing_map()
        for rule in routing_map.iter_rules():
            func = getattr(rule.endpoint, "original_endpoint", rule.endpoint)
            module = getattr(func, "__module__", "") or ""
            if module.startswith("odoo.addons.aftersales_service."):
                yield rule

    def _is_list(self, rule):
        """A route without arguments, or whose arguments are no record ids (pages)."""
        return all(ROUTE_ARGS.get(argument, "") is None for argument in rule.arguments)

    def _b_url(self, rule):
        """The rule's path with each id argument set to one of B's records."""
        values = {}
        for argument in rule.arguments:
            self.assertIn(
                argument,
                ROUTE_ARGS,
                f"route {rule.rule}: add its argument {argument!r} to ROUTE_ARGS",
            )
            if ROUTE_ARGS[argument] is None:
                values[argument] = 2
                continue
            records = self._only_b(ROUTE_ARGS[argument])
            self.assertTrue(
                records,
                f"route {rule.rule}: plant a record of {ROUTE_ARGS[argument]} for point B",
            )
            values[argument] = records[:1].id
        return rule.build(values, append_unknown=False)[1], values

    def _csrf_token(self):
        page = self.url_open("/my").text
        match = re.search(r'csrf_token["\']?\s*[:=]\s*["\']([0-9a-fo]+)["\']', page)
        return match.group(1) if match else ""

    def test_routes_refuse_b_records(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        token = self._csrf_token()
        for rule in self._addon_rules():
            if self._is_list(rule):
                continue
            url, values = self._b_url(rule)
            routing = rule.endpoint.routing
            if routing.get("type") == "json":
                reply = self.url_open(
                    url,
                    data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {}}),
                    headers={"Content-Type": "application/json"},
                ).json()
                self._assert_refused(reply, f"json route {url}")
                continue
            methods = routing.get("methods") or ["GET"]
            if "GET" in methods:
                response = self.url_open(url, allow_redirects=False)
            else:
                response = self.url_open(url, data={"csrf_token": token}, allow_redirects=False)
            self.assertIn(response.status_code, REFUSED_STATUS, f"{url} answered A")

    def test_lists_show_no_b_record(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        b_names = {
            name
            for model in set(ROUTE_ARGS.values())
            for name in (self._only_b(model).mapped("display_name") if model else [])
            if name
        }
        for rule in self._addon_rules():
            methods = rule.endpoint.routing.get("methods") or ["GET"]
            if (
                not self._is_list(rule)
                or "GET" not in methods
                or rule.endpoint.routing["type"] != "http"
            ):
                continue
            url = rule.build(dict.fromkeys(rule.arguments, 1), append_unknown=False)[1]
            body = self.url_open(url).text
            for name in b_names:
                self.assertNotIn(name, body, f"{rule.rule} shows B's {name}")
