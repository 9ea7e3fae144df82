"""Log in to a running Odoo and save screenshots of pages, as a user sees them (headless Chromium).

    .venv/bin/python scripts/screenshot.py --login clerk --out /tmp/shots \
        /odoo/aftersales-requests /odoo/aftersales-network

Each URL path becomes a PNG named after it. Uses only the Chrome DevTools protocol
(websocket-client), like Odoo's own browser tests.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import websocket


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def login(base, db, user, password):
    req = urllib.request.Request(
        f"{base}/web/session/authenticate",
        data=json.dumps(
            {"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": password}}
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        body = json.load(resp)
        if "error" in body:
            raise SystemExit(f"login failed: {body['error']['data']['message']}")
        return resp.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]


class Chrome:
    def __init__(self, width, height):
        self.port = free_port()
        self.profile = tempfile.mkdtemp()
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        self.proc = subprocess.Popen(
            [
                exe,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-allow-origins=*",
                f"--window-size={width},{height}",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json", timeout=1) as r:
                    pages = [t for t in json.load(r) if t["type"] == "page"]
                    if pages:
                        break
            except OSError:
                time.sleep(0.1)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=60)
        self.msg_id = 0
        self.events = []

    def call(self, method, **params):
        self.msg_id += 1
        self.ws.send(json.dumps({"id": self.msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.msg_id:
                return msg.get("result", {})
            self.events.append(msg)

    def drain(self, seconds):
        """Wait ``seconds`` while keeping the browser's events."""
        self.ws.settimeout(0.2)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.events.append(json.loads(self.ws.recv()))
            except websocket.WebSocketTimeoutException:
                pass
        self.ws.settimeout(60)

    def errors(self):
        """The JavaScript errors and console errors seen so far, then forget them."""
        found = []
        for msg in self.events:
            params = msg.get("params", {})
            if msg.get("method") == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                found.append(details.get("exception", {}).get("description") or details.get("text"))
            elif msg.get("method") == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(
                    " ".join(
                        str(a.get("value", a.get("description", "")))
                        for a in params.get("args", [])
                    )
                )
        self.events = []
        return found

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--base", default=f"http://127.0.0.1:{os.environ.get('ODOO_PORT', 8069)}")
    parser.add_argument("--db", default=os.environ.get("DB_NAME", "aftersales_demo"))
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password")
    parser.add_argument("--out", default=".run/screenshots")
    parser.add_argument("--wait", type=float, default=4.0, help="seconds to let a page settle")
    parser.add_argument("--size", default="1400x900")
    parser.add_argument(
        "--click", help="CSS selector of a button to click before the shot (e.g. a wizard's)"
    )
    parser.add_argument(
        "--action", help="xml id of a window action to open after the page loads (e.g. a wizard)"
    )
    parser.add_argument("--js", help="JavaScript to run before the shot (e.g. to scroll)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    session = login(args.base, args.db, args.login, args.password or args.login)
    width, height = (int(v) for v in args.size.split("x"))
    chrome = Chrome(width, height)
    try:
        chrome.call("Network.enable")
        host = args.base.split("//", 1)[1].split(":")[0]
        chrome.call("Network.setCookie", name="session_id", value=session, domain=host, path="/")
        chrome.call("Page.enable")
        chrome.call("Runtime.enable")
        for path in args.paths:
            chrome.call("Page.navigate", url=args.base + path)
            chrome.drain(args.wait)
            if args.action:
                chrome.call(
                    "Runtime.evaluate",
                    expression="odoo.__WOWL_DEBUG__.root.env.services.action.doAction("
                    f"{json.dumps(args.action)})",
                )
                chrome.drain(args.wait)
            if args.click:
                chrome.call(
                    "Runtime.evaluate",
                    expression=f"document.querySelector({json.dumps(args.click)}).click()",
                )
                chrome.drain(args.wait)
            if args.js:
                chrome.call("Runtime.evaluate", expression=args.js)
                chrome.drain(args.wait / 2)
            for error in chrome.errors():
                print(f"  browser error on {path}: {error}")
            shot = chrome.call("Page.captureScreenshot", format="png")
            name = path.strip("/").replace("/", "_").replace("?", "_") or "home"
            target = os.path.join(args.out, f"{args.login}_{name}.png")
            with open(target, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            print(target)
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
