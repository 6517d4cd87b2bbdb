# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""17.0 -> 18.0: the till's membership settings moved to vrac_groupement_pos.

On 17.0, ``vrac_tarifs`` defined the two settings of a till's membership
check. On 18.0 they belong to the glue addon ``vrac_groupement_pos`` (the
membership check works on a till without income tiers), with the same
columns. ``vrac_tarifs`` now depends on that addon, so ``-u`` installs it.

This runs in ``vrac_groupement``, the addon loaded before both, so the fields'
xml ids already belong to their new addon when it is installed: the fields,
their columns and every till's values are kept as they are, and ``vrac_tarifs``
has no xml id left over to remove at the end of its upgrade.
"""

from openupgradelib import openupgrade

MOVED_FIELDS = {
    "pos.config": ["vrac_membership_product_id", "vrac_membership_blocking"],
    "res.config.settings": [
        "pos_vrac_membership_product_id",
        "pos_vrac_membership_blocking",
    ],
}


@openupgrade.migrate()
def migrate(env, version):
    for model, field_names in MOVED_FIELDS.items():
        openupgrade.update_module_moved_fields(
            env.cr, model, field_names, "vrac_tarifs", "vrac_groupement_pos"
        )
