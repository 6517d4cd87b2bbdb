# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from openupgradelib import openupgrade

# The crons' methods follow the `_vrac_` prefix rule now. Their records are
# `noupdate`, so an upgrade does not rewrite the code they run: do it here,
# or the monthly food credit and the funders' invoices would stop.
CRON_RENAMES = {
    "vrac_tarifs.ir_cron_vrac_food_credit": (
        "model._cron_vrac_food_credit()",
        "model._vrac_cron_food_credit()",
    ),
    "vrac_tarifs.ir_cron_vrac_funder_invoice": (
        "model._cron_invoice_funders()",
        "model._vrac_cron_invoice_funders()",
    ),
}


@openupgrade.migrate()
def migrate(env, version):
    """Point the two monthly crons at their renamed methods."""
    for xmlid, (old, new) in CRON_RENAMES.items():
        cron = env.ref(xmlid, raise_if_not_found=False)
        if cron and old in (cron.code or ""):
            cron.code = cron.code.replace(old, new)
