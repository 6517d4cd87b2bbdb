"""Take the README screenshots from a running Odoo (make demo) with headless Chromium.

Usage: python scripts/screenshots.py [--url http://localhost:8069] [--db vrac_demo]
Each shot is (file name, URL path after login, JavaScript to run once the page
is ready or None). It drives Chromium through the DevTools protocol
(websocket-client), as Odoo's tests do.
"""

import argparse
import base64
import json
import subprocess
import tempfile
import time
from pathlib import Path

import requests
import websocket


def action(xmlid, record=None):
    """The Odoo 18 URL of a window action, or of one record in it."""
    path = f"/odoo/action-{xmlid}"
    return f"{path}/{record}" if record else path


# Helpers for the shots' scripts, which run as the body of an async function:
# they wait for what they click instead of sleeping a fixed time.
JS_HELPERS = """
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const waitFor = async (selector, timeout = 30000) => {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
        const element = document.querySelector(selector);
        if (element) {
            return element;
        }
        await sleep(200);
    }
    throw new Error(`${selector} not found`);
};
const click = async (selector) => (await waitFor(selector)).click();
"""

# The page is ready: a report, the till, or a view of the web client with
# nothing loading.
READY = """(() => {
    if (document.readyState !== 'complete') return false;
    if (location.pathname.startsWith('/report/')) return true;
    if (location.pathname.startsWith('/pos/')) {
        return !!document.querySelector('.pos .login-overlay, .pos .product-screen');
    }
    return !!document.querySelector('.o_action_manager .o_view_controller')
        && !document.querySelector('.o_loading_indicator, .o_blockUI');
})()"""

# Open the register (18.0: the login screen's Open Register, then the opening
# control's), then wait for the products.
OPEN_TILL = """
if (document.querySelector('.pos .login-overlay')) {
    await click('.open-register-btn');
    await waitFor('.modal .modal-footer .btn-primary, .product-screen');
    document.querySelector('.modal .modal-footer .btn-primary')?.click();
}
await waitFor('.product-screen article.product');
await sleep(500);
"""

# Add three groceries when the order is empty (the first two products are
# the membership fee and the solidarity coupon).
TILL_ORDER = """
if (!document.querySelector('.order-container .orderline')) {
    const products = [...document.querySelectorAll('article.product')];
    for (const product of products.slice(2, 5)) {
        product.click();
        await sleep(400);
    }
}
"""

# Choose household 00013 (its tier prices the order).
TILL_HOUSEHOLD = """
await click('.set-partner');
const search = await waitFor('.modal-header input');
search.focus();
search.value = '00013';
search.dispatchEvent(new Event('input', {bubbles: true}));
await sleep(1500);
[...document.querySelectorAll('.modal .partner-line')]
    .find((line) => line.textContent.includes('00013'))?.click();
await sleep(1000);
"""

# Width of the window (its height is 900, the page's 757 or so).
WIDTH = 1440

SHOTS = [
    ("groupements_kanban.png", action("vrac_groupement.vrac_groupement_action")),
    (
        "groupement_form.png",
        action("vrac_groupement.vrac_groupement_action", "{groupement_id}"),
    ),
    ("foyers_list.png", action("vrac_groupement.res_partner_action_household")),
    (
        "foyer_form.png",
        action("vrac_groupement.res_partner_action_household", "{household_id}"),
    ),
    ("renouvellements.png", action("vrac_groupement.res_partner_action_renewal")),
    (
        "cycle_form.png",
        action("vrac_groupement.vrac_order_cycle_action", "{ordered_cycle_id}"),
    ),
    (
        "cycle_a_appeler.png",
        action("vrac_groupement.vrac_order_cycle_action", "{ordered_cycle_id}"),
        # The households who get less than they ordered, with their phones.
        """await click('button[name="action_view_shortfalls"]');
        await waitFor('.o_list_view .o_data_row');""",
    ),
    (
        "cycle_saisie.png",
        action("vrac_groupement.vrac_order_cycle_action", "{open_cycle_id}"),
        # Enter orders, then pick the first household of the list.
        """await click('.o_form_statusbar button.btn-primary');
        const input = await waitFor(
            '.modal .o_field_widget[name="partner_id"] input');
        input.focus();
        input.value = '0000';
        input.dispatchEvent(new Event('input', {bubbles: true}));
        await click('.o-autocomplete--dropdown-item a');
        const qty = await waitFor(
            '.modal .o_data_row .o_field_widget[name="quantity"] input');
        await sleep(500);
        qty.focus();""",
    ),
]
# Shots of vrac_tarifs, taken when it is installed.
TARIFS_SHOTS = [
    ("tarifs_tiers.png", action("vrac_tarifs.vrac_tier_action")),
    (
        "foyer_tarif.png",
        action("vrac_groupement.res_partner_action_household", "{household_id}"),
        """const tab = await waitFor('a[name="vrac_tier"]');
        tab.click();
        tab.scrollIntoView({block: 'start'});""",
    ),
    ("social_mix.png", action("vrac_tarifs.res_partner_action_social_mix")),
    (
        "caisse.png",
        "/pos/ui?config_id={pos_config_id}",
        # Open the register, add three groceries, choose a household.
        OPEN_TILL + TILL_ORDER + TILL_HOUSEHOLD,
    ),
    (
        "caisse_solidaire.png",
        "/pos/ui?config_id={pos_config_id}",
        # The same order, then Actions > Solidarity: the discount's percentages.
        OPEN_TILL
        + TILL_ORDER
        + TILL_HOUSEHOLD
        + """await click('.control-buttons .more-btn');
        await click('.modal .vrac-solidarity-button');
        await waitFor('.modal .selection-item');""",
    ),
]
# Indicators (vrac_groupement), with whatever the installed addons add.
INDICATOR_SHOTS = [
    (
        "tableau_de_bord.png",
        action("vrac_groupement.vrac_groupement_action_dashboard"),
    ),
    (
        "indicateurs_analyse.png",
        action("vrac_groupement.vrac_indicator_fact_action") + "?view_type=pivot",
    ),
    (
        "rapport_financeurs.png",
        "/report/html/vrac_groupement.report_vrac_indicator/{indicator_report_id}",
    ),
]
# Shots taller than the window (viewport height in pixels): on 18.0 the
# dashboard's cards are narrower, so taller, and their sales graph is at the
# bottom.
TALL_SHOTS = {"tableau_de_bord.png": 960}
# Shots of vrac_distribution, taken when it is installed.
DISTRIBUTION_SHOTS = [
    (
        "distribution_form.png",
        action("vrac_distribution.vrac_distribution_action", "{distribution_id}"),
    ),
    (
        "fiches_sacs.png",
        "/report/html/vrac_distribution.report_vrac_distribution_bags/"
        "{distribution_id}",
    ),
    (
        "tournee_form.png",
        action("vrac_distribution.vrac_round_action", "{round_id}"),
    ),
    (
        "feuille_tournee.png",
        "/report/html/vrac_distribution.report_vrac_round_sheet_distribution/"
        "{round_distribution_id}",
    ),
    (
        "caisse_retrait.png",
        "/pos/ui?config_id={distribution_pos_config_id}",
        # Actions > Quotation/Order: the orders of the distribution open at
        # this till.
        OPEN_TILL
        + """await click('.control-buttons .more-btn');
        await click('.modal .control-buttons-modal button:has(.fa-link)');
        await waitFor('.modal .o_list_view .o_data_row');""",
    ),
]


def login(url, db, user, password):
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={"params": {"db": db, "login": user, "password": password}},
        timeout=30,
    )
    response.raise_for_status()
    return session


def rpc(session, url, model, method, args, kwargs=None):
    response = session.post(
        f"{url}/web/dataset/call_kw",
        json={
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            }
        },
        timeout=30,
    )
    return response.json()["result"]


class Chrome:
    def __init__(self, width, height):
        self.profile = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
        self.process = subprocess.Popen(
            [
                "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                # A free port, written to DevToolsActivePort in the profile.
                "--remote-debugging-port=0",
                f"--window-size={width},{height}",
                f"--user-data-dir={self.profile.name}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile.name) / "DevToolsActivePort"
        page = None
        for _attempt in range(150):
            try:
                port = port_file.read_text().split()[0]
                targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=2)
                page = next(t for t in targets.json() if t["type"] == "page")
                break
            except (OSError, IndexError, requests.ConnectionError, StopIteration):
                time.sleep(0.2)
        if page is None:
            self.process.kill()
            raise RuntimeError("Chromium did not start")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], suppress_origin=True
        )
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def evaluate(self, expression):
        """The value of a JavaScript expression (a promise is awaited)."""
        result = self.call(
            "Runtime.evaluate",
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError(details.get("exception", details).get("description"))
        return result.get("result", {}).get("value")

    def wait_ready(self, timeout):
        """Wait until the page is ready (READY), at most timeout seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.evaluate(READY):
                return True
            time.sleep(0.5)
        return False

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(timeout=10)
        self.profile.cleanup()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="vrac_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument(
        "--wait", type=float, default=1.5, help="seconds to wait before each shot"
    )
    parser.add_argument(
        "--timeout", type=float, default=60, help="seconds to wait for a page"
    )
    parser.add_argument("--only", nargs="*", help="take only these shots (file names)")
    args = parser.parse_args()

    session = login(args.url, args.db, args.login, args.password)
    groupement_id = rpc(
        session, args.url, "vrac.groupement", "search", [[("code", "=", "ROM")]]
    )[0]
    household_id = rpc(
        session,
        args.url,
        "res.partner",
        "search",
        [
            [
                ("vrac_is_household", "=", True),
                ("vrac_groupement_id", "=", groupement_id),
            ]
        ],
        {"limit": 1, "order": "vrac_person_count desc"},
    )[0]
    cycle_ids = {
        state: (
            rpc(
                session,
                args.url,
                "vrac.order.cycle",
                "search",
                [[("state", "=", state)]],
                {"limit": 1},
            )
            or [0]
        )[0]
        for state in ("open", "ordered")
    }
    shots = list(SHOTS) + INDICATOR_SHOTS
    # A funder report of this year, every group (the wizard's defaults).
    indicator_report_id = rpc(
        session, args.url, "vrac.indicator.report", "create", [{}]
    )
    pos_config_id = None
    installed = rpc(
        session,
        args.url,
        "ir.module.module",
        "search_count",
        [[("name", "=", "vrac_tarifs"), ("state", "=", "installed")]],
    )
    if installed:
        configs = rpc(
            session,
            args.url,
            "pos.config",
            "search",
            [[("vrac_use_tiers", "=", True)]],
            {"limit": 1},
        )
        if configs:
            pos_config_id = configs[0]
            rpc(session, args.url, "pos.config", "open_ui", [configs])
        shots += [shot for shot in TARIFS_SHOTS if configs or "pos" not in shot[1]]
    distribution = {}
    if rpc(
        session,
        args.url,
        "ir.module.module",
        "search_count",
        [[("name", "=", "vrac_distribution"), ("state", "=", "installed")]],
    ):
        distribution = demo_distributions(session, args.url)
        shots += DISTRIBUTION_SHOTS
    if args.only:
        shots = [shot for shot in shots if shot[0] in args.only]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    chrome = Chrome(WIDTH, 900)
    try:
        chrome.call("Page.enable")
        # Odoo 18.0's bus shares one worker between the pages; a page loaded
        # while the previous page's worker is still connected says "The page is
        # out of date". Without SharedWorker each page has its own worker.
        chrome.call(
            "Page.addScriptToEvaluateOnNewDocument",
            source="delete window.SharedWorker;",
        )
        chrome.call("Network.enable")
        host = args.url.split("//", 1)[1].split(":")[0]
        chrome.call(
            "Network.setCookie",
            name="session_id",
            value=session.cookies["session_id"],
            domain=host,
            path="/",
        )
        for name, path, *script in shots:
            target = path.format(
                groupement_id=groupement_id,
                household_id=household_id,
                pos_config_id=pos_config_id,
                open_cycle_id=cycle_ids["open"],
                ordered_cycle_id=cycle_ids["ordered"],
                indicator_report_id=indicator_report_id,
                **distribution,
            )
            if name in TALL_SHOTS:
                chrome.call(
                    "Emulation.setDeviceMetricsOverride",
                    width=WIDTH,
                    height=TALL_SHOTS[name],
                    deviceScaleFactor=0,
                    mobile=False,
                )
            chrome.call("Page.navigate", url=f"{args.url}{target}")
            if not chrome.wait_ready(args.timeout):
                print(f"WARNING {name}: the page is not ready after {args.timeout} s")
            if script and script[0]:
                try:
                    chrome.evaluate(f"(async () => {{{JS_HELPERS}{script[0]}}})()")
                except RuntimeError as error:
                    print(f"WARNING {name}: {error}")
            # Let the last renders, charts and transitions settle.
            time.sleep(args.wait)
            data = chrome.call("Page.captureScreenshot", format="png")["data"]
            (out / name).write_bytes(base64.b64decode(data))
            print(f"{out / name}")
            if name in TALL_SHOTS:
                chrome.call("Emulation.clearDeviceMetricsOverride")
    finally:
        chrome.close()


def demo_distributions(session, url):
    """The demo's distributions; the one at a pickup point is opened at its till."""
    point = rpc(
        session,
        url,
        "vrac.distribution",
        "search_read",
        [[("kind", "=", "point"), ("state", "in", ("preparing", "open"))]],
        {"fields": ["state", "pos_config_id"], "limit": 1, "order": "date"},
    )[0]
    if point["state"] == "preparing":
        rpc(session, url, "vrac.distribution", "action_open", [[point["id"]]])
    config_id = point["pos_config_id"][0]
    rpc(session, url, "pos.config", "open_ui", [[config_id]])
    round_distribution = rpc(
        session,
        url,
        "vrac.distribution",
        "search_read",
        [[("kind", "=", "round")]],
        {"fields": ["round_id"], "limit": 1, "order": "date"},
    )[0]
    return {
        "distribution_id": point["id"],
        "distribution_pos_config_id": config_id,
        "round_distribution_id": round_distribution["id"],
        "round_id": round_distribution["round_id"][0],
    }


if __name__ == "__main__":
    main()
