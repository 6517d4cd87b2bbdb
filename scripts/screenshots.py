"""Take the README screenshots from a running Odoo (make demo) with headless Chromium.

Usage: python scripts/screenshots.py [--url http://localhost:8069] [--db vrac_demo]
Each shot is (file name, URL path after login, seconds to wait). It drives
Chromium through the DevTools protocol (websocket-client), as Odoo's tests do.
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

# (file, URL path after login, JavaScript to run once loaded or None)
SHOTS = [
    ("groupements_kanban.png", "/web#action=vrac_groupement.vrac_groupement_action"),
    (
        "groupement_form.png",
        "/web#model=vrac.groupement&view_type=form&id={groupement_id}"
        "&action=vrac_groupement.vrac_groupement_action",
    ),
    ("foyers_list.png", "/web#action=vrac_groupement.res_partner_action_household"),
    (
        "foyer_form.png",
        "/web#model=res.partner&view_type=form&id={household_id}"
        "&action=vrac_groupement.res_partner_action_household",
    ),
    ("renouvellements.png", "/web#action=vrac_groupement.res_partner_action_renewal"),
    (
        "cycle_form.png",
        "/web#model=vrac.order.cycle&view_type=form&id={ordered_cycle_id}"
        "&action=vrac_groupement.vrac_order_cycle_action",
    ),
    (
        "cycle_a_appeler.png",
        "/web#model=vrac.order.cycle&view_type=form&id={ordered_cycle_id}"
        "&action=vrac_groupement.vrac_order_cycle_action",
        # The households who get less than they ordered, with their phones.
        "document.querySelector('button[name=\"action_view_shortfalls\"]').click();",
    ),
    (
        "cycle_saisie.png",
        "/web#model=vrac.order.cycle&view_type=form&id={open_cycle_id}"
        "&action=vrac_groupement.vrac_order_cycle_action",
        # Enter orders, then pick the first household of the list.
        """(async () => {
            const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            document.querySelector('.o_form_statusbar button.btn-primary').click();
            await sleep(2500);
            const input = document.querySelector(
                '.modal .o_field_widget[name="partner_id"] input');
            input.focus();
            input.value = '0000';
            input.dispatchEvent(new Event('input', {bubbles: true}));
            await sleep(2500);
            document.querySelector('.o-autocomplete--dropdown-item a').click();
            await sleep(1500);
            const qty = document.querySelector(
                '.modal .o_data_row .o_field_widget[name="quantity"] input');
            qty?.focus();
        })();""",
    ),
]
# Shots of vrac_tarifs, taken when it is installed.
TARIFS_SHOTS = [
    ("tarifs_tiers.png", "/web#action=vrac_tarifs.vrac_tier_action"),
    (
        "foyer_tarif.png",
        "/web#model=res.partner&view_type=form&id={household_id}"
        "&action=vrac_groupement.res_partner_action_household",
        "const tab = document.querySelector('a[name=\"vrac_tier\"]');"
        " tab.click(); tab.scrollIntoView({block: 'start'});",
    ),
    ("social_mix.png", "/web#action=vrac_tarifs.res_partner_action_social_mix"),
    (
        "caisse.png",
        "/pos/ui?config_id={pos_config_id}",
        # Open the session, add three products, choose a household.
        """(async () => {
            const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            document.querySelector('.modal-footer .btn-primary')?.click();
            await sleep(1500);
            for (const product of [...document.querySelectorAll('article.product')]
                .slice(0, 3)) {
                product.click();
                await sleep(400);
            }
            document.querySelector('.set-partner').click();
            await sleep(1500);
            [...document.querySelectorAll('.partner-line')]
                .find((line) => line.textContent.includes('00013'))?.click();
        })()""",
    ),
    (
        "caisse_solidaire.png",
        "/pos/ui?config_id={pos_config_id}",
        # The same order, then the solidarity discount's percentages.
        """(async () => {
            const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            document.querySelector('.modal-footer .btn-primary')?.click();
            await sleep(1500);
            if (!document.querySelector('.orderline')) {
                for (const product of [...document.querySelectorAll('article.product')]
                    .slice(0, 3)) {
                    product.click();
                    await sleep(400);
                }
            }
            document.querySelector('.vrac-solidarity-button')?.click();
        })()""",
    ),
]
# Indicators (vrac_groupement), with whatever the installed addons add.
INDICATOR_SHOTS = [
    (
        "tableau_de_bord.png",
        "/web#action=vrac_groupement.vrac_groupement_action_dashboard",
    ),
    (
        "indicateurs_analyse.png",
        "/web#action=vrac_groupement.vrac_indicator_fact_action&view_type=pivot",
    ),
    (
        "rapport_financeurs.png",
        "/report/html/vrac_groupement.report_vrac_indicator/{indicator_report_id}",
    ),
]
# Shots of vrac_distribution, taken when it is installed.
DISTRIBUTION_SHOTS = [
    (
        "distribution_form.png",
        "/web#model=vrac.distribution&view_type=form&id={distribution_id}"
        "&action=vrac_distribution.vrac_distribution_action",
    ),
    (
        "fiches_sacs.png",
        "/report/html/vrac_distribution.report_vrac_distribution_bags/"
        "{distribution_id}",
    ),
    (
        "tournee_form.png",
        "/web#model=vrac.round&view_type=form&id={round_id}"
        "&action=vrac_distribution.vrac_round_action",
    ),
    (
        "feuille_tournee.png",
        "/report/html/vrac_distribution.report_vrac_round_sheet_distribution/"
        "{round_distribution_id}",
    ),
    (
        "caisse_retrait.png",
        "/pos/ui?config_id={distribution_pos_config_id}",
        # The orders of the distribution open at this till.
        """(async () => {
            const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            document.querySelector('.modal-footer .btn-primary')?.click();
            await sleep(1500);
            [...document.querySelectorAll('.control-button')]
                .find((button) => button.textContent.includes('Quotation')
                    || button.textContent.includes('Devis'))?.click();
        })()""",
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
                "--remote-debugging-port=9333",
                f"--window-size={width},{height}",
                f"--user-data-dir={self.profile.name}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(150):
            try:
                targets = requests.get("http://127.0.0.1:9333/json", timeout=2).json()
                page = next(t for t in targets if t["type"] == "page")
                break
            except (requests.ConnectionError, StopIteration):
                time.sleep(0.2)
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
    parser.add_argument("--wait", type=float, default=4.0)
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
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    chrome = Chrome(1440, 900)
    try:
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
            chrome.call("Page.navigate", url=f"{args.url}{target}")
            time.sleep(args.wait * (2 if "/pos/" in path else 1))
            if script and script[0]:
                chrome.call("Runtime.evaluate", expression=script[0])
                # Scripts that type and wait (async) need longer.
                slow = "/pos/" in path or "async" in script[0]
                time.sleep(args.wait * (2 if slow else 0.5))
            data = chrome.call("Page.captureScreenshot", format="png")["data"]
            (out / name).write_bytes(base64.b64decode(data))
            print(f"{out / name}")
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
