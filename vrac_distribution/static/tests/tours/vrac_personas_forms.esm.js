/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

/**
 * The persona tests' companion to Odoo's clickEverywhere (which opens every
 * menu of an app, its views and filters): open every menu a person is shown
 * among the given ones, then the first record of its list or kanban, and
 * fail on any error dialog. Run from vrac_distribution/tests/test_personas_ui.py:
 *
 *   odoo.loader.modules.get("@vrac_distribution/../tests/tours/vrac_personas_forms.esm")
 *       .openMenusAndFirstForms({apps: [...], menus: [...], skip: [...]})
 */

import {App} from "@odoo/owl";
import {browser} from "@web/core/browser/browser";
import {rpcBus} from "@web/core/network/rpc";

const TIMEOUT = 30000;

/**
 * Wait until `condition()` holds, no RPC is pending and OWL has nothing left
 * to render; throw as soon as an error dialog shows.
 */
async function settle(state, condition, what) {
    const start = Date.now();
    const busy = () =>
        Object.keys(state.pending).length > 0 ||
        [...App.apps].some((app) => app.scheduler.tasks.size > 0);
    for (;;) {
        const errorDialog = document.querySelector(".o_error_dialog");
        if (errorDialog) {
            throw new Error(
                `Error dialog on ${what}: ${errorDialog.innerText}` +
                    (state.errorRPC ? ` (RPC ${JSON.stringify(state.errorRPC)})` : "")
            );
        }
        if (condition() && !busy()) {
            return;
        }
        if (Date.now() - start > TIMEOUT) {
            throw new Error(`Timeout on ${what}`);
        }
        await new Promise((resolve) => browser.setTimeout(resolve, 50));
    }
}

function leafMenus(tree) {
    if (!tree.childrenTree.length) {
        return tree.actionID ? [tree] : [];
    }
    return tree.childrenTree.flatMap(leafMenus);
}

export async function openMenusAndFirstForms({
    landing,
    apps = [],
    menus = [],
    skip = [],
}) {
    const env = odoo.__WOWL_DEBUG__.root.env;
    const state = {pending: {}, errorRPC: null, actions: 0};
    const onRequest = ({detail}) => (state.pending[detail.data.id] = detail.url);
    const onResponse = ({detail}) => {
        const url = state.pending[detail.data.id];
        delete state.pending[detail.data.id];
        if (detail.error) {
            state.errorRPC = {url, error: detail.error};
        }
    };
    const onUpdate = () => state.actions++;
    rpcBus.addEventListener("RPC:REQUEST", onRequest);
    rpcBus.addEventListener("RPC:RESPONSE", onResponse);
    env.bus.addEventListener("ACTION_MANAGER:UI-UPDATED", onUpdate);
    const menuService = env.services.menu;
    const opened = [];
    try {
        // The home action the person lands on, first
        await settle(
            state,
            () => document.querySelector(".o_action_manager > .o_action"),
            "landing"
        );
        const landed = env.services.action.currentController?.action.xml_id;
        if (landing && landed !== landing) {
            throw new Error(`Landed on ${landed}, not on ${landing}`);
        }
        const toOpen = [];
        for (const xmlid of apps) {
            const app = menuService.getApps().find((a) => a.xmlid === xmlid);
            if (!app) {
                throw new Error(`App ${xmlid} is not shown`);
            }
            toOpen.push(...leafMenus(menuService.getMenuAsTree(app.id)));
        }
        for (const xmlid of menus) {
            const menu = menuService.getAll().find((m) => m.xmlid === xmlid);
            if (!menu) {
                throw new Error(`Menu ${xmlid} is not shown`);
            }
            toOpen.push(menu);
        }
        for (const menu of toOpen) {
            if (skip.includes(menu.xmlid)) {
                browser.console.log(`Skipping menu ${menu.xmlid}`);
                continue;
            }
            const what = `menu ${menu.name} (${menu.xmlid})`;
            browser.console.log(`Opening ${what}`);
            const before = state.actions;
            menuService.selectMenu(menu);
            await settle(
                state,
                () =>
                    state.actions > before ||
                    document.querySelector(".modal .o_form_view"),
                what
            );
            const dialog = document.querySelector(".modal:not(.o_error_dialog)");
            if (dialog) {
                // A wizard (enter orders, funder report): shown, then closed
                dialog.querySelector(".btn-close").click();
                await settle(
                    state,
                    () => !document.querySelector(".modal"),
                    `closing ${what}`
                );
                opened.push(menu.xmlid);
                continue;
            }
            const first = document.querySelector(
                ".o_list_renderer .o_data_row .o_data_cell, " +
                    ".o_kanban_renderer .o_kanban_record:not(.o_kanban_ghost)"
            );
            if (first) {
                // A list opens the form, an editable list edits the row, a
                // dashboard card may do nothing: give the click its RPCs.
                first.click();
                await new Promise((resolve) => browser.setTimeout(resolve, 300));
                await settle(state, () => true, `first record of ${what}`);
                browser.console.log(
                    document.querySelector(".o_action_manager > .o_action.o_form_view")
                        ? `Opened the first record of ${what}`
                        : `No form for the first record of ${what}`
                );
            }
            opened.push(menu.xmlid);
        }
        if (!opened.length) {
            throw new Error("No menu opened");
        }
        browser.console.log(`Opened ${opened.length} menus: ${opened.join(", ")}`);
        browser.console.log("test successful");
    } catch (error) {
        browser.console.error(error.message || String(error));
    } finally {
        rpcBus.removeEventListener("RPC:REQUEST", onRequest);
        rpcBus.removeEventListener("RPC:RESPONSE", onResponse);
        env.bus.removeEventListener("ACTION_MANAGER:UI-UPDATED", onUpdate);
    }
}
