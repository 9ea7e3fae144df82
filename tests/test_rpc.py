"""Talk to the addon as an external system would: XML-RPC and JSON-RPC on a running server."""

import json
import urllib.request
import xmlrpc.client


def xmlrpc_login(server, login, password):
    common = xmlrpc.client.ServerProxy(f"{server['url']}/xmlrpc/2/common")
    uid = common.authenticate(server["db"], login, password, {})
    models = xmlrpc.client.ServerProxy(f"{server['url']}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kwargs):
        return models.execute_kw(server["db"], uid, password, model, method, list(args), kwargs)

    return uid, call


def test_server_reports_odoo_18(server):
    common = xmlrpc.client.ServerProxy(f"{server['url']}/xmlrpc/2/common")
    assert common.version()["server_version_info"][:2] == [18, 0]


def test_wrong_password_is_refused(server):
    common = xmlrpc.client.ServerProxy(f"{server['url']}/xmlrpc/2/common")
    assert common.authenticate(server["db"], "clerk", "not-the-password", {}) is False


def test_clerk_reads_the_after_sales_menu_in_chinese(server):
    uid, call = xmlrpc_login(server, "clerk", "clerk")
    assert uid
    root_id = call(
        "ir.model.data", "check_object_reference", "aftersales_service", "aftersales_menu_root"
    )[1]
    menus = call(
        "ir.ui.menu",
        "search_read",
        [("parent_id", "=", root_id)],
        ["name"],
        context={"lang": "zh_CN"},
    )
    names = {m["name"] for m in menus}
    assert {"服务", "三包索赔", "服务网络", "配件与旧件", "结算与保证金", "报表", "配置"} <= names


def test_warehouse_user_sees_only_the_stores_and_their_reports(server):
    uid, call = xmlrpc_login(server, "warehouse", "warehouse")
    root_id = call(
        "ir.model.data", "check_object_reference", "aftersales_service", "aftersales_menu_root"
    )[1]
    menus = call(
        "ir.ui.menu",
        "search_read",
        [("parent_id", "=", root_id)],
        ["name"],
        context={"lang": "en_US"},
    )
    assert [m["name"] for m in menus] == ["Stores", "Reporting"]
    reports = call(
        "ir.ui.menu",
        "search_read",
        [("parent_id.name", "=", "Reporting"), ("parent_id.parent_id", "=", root_id)],
        ["name"],
        context={"lang": "en_US"},
    )
    # the parts store's reports only: no claims, quality or service figures
    names = {m["name"] for m in reports}
    assert names and not names & {"Claim Analysis", "Quality Warnings", "Service Request Analysis"}


def test_clerk_records_a_service_request(server):
    uid, call = xmlrpc_login(server, "clerk", "clerk")
    customer_id = call("res.partner", "search", [("name", "=", "张秀英")])[0]
    ticket_id = call(
        "helpdesk.ticket",
        "create",
        {
            "name": "热水器不加热",
            "description": "<p>DSZF-50 开机后指示灯亮但不加热</p>",
            "partner_id": customer_id,
        },
    )
    [ticket] = call("helpdesk.ticket", "read", [ticket_id], ["name", "partner_id", "number"])
    assert ticket["name"] == "热水器不加热"
    assert ticket["partner_id"][0] == customer_id
    assert ticket["number"]


def test_json_rpc_session_and_call(server):
    def post(path, params, cookie=None):
        req = urllib.request.Request(
            f"{server['url']}{path}",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
            headers={"Content-Type": "application/json", **({"Cookie": cookie} if cookie else {})},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp), resp.headers.get("Set-Cookie")

    body, cookie = post(
        "/web/session/authenticate", {"db": server["db"], "login": "manager", "password": "manager"}
    )
    assert body["result"]["uid"]
    session = cookie.split(";")[0]
    body, _ = post(
        "/web/dataset/call_kw",
        {
            "model": "res.users",
            "method": "has_group",
            "args": [[body["result"]["uid"]], "aftersales_service.group_aftersales_accountant"],
            "kwargs": {},
        },
        cookie=session,
    )
    assert body["result"] is True
