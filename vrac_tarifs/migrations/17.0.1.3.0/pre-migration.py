# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from openupgradelib import openupgrade

# "mixite" became "social_mix" in the code: the records keep their ids, so
# the users' favourites, home actions and shared filters still find them.
XMLID_RENAMES = [
    (f"vrac_tarifs.{old}", f"vrac_tarifs.{old.replace('mixite', 'social_mix')}")
    for old in (
        "res_partner_menu_mixite",
        "res_partner_view_pivot_mixite",
        "res_partner_action_mixite",
        "vrac_groupement_menu_mixite",
        "vrac_groupement_view_tree_mixite",
        "vrac_groupement_action_mixite",
    )
]


@openupgrade.migrate()
def migrate(env, version):
    """Rename the xml ids of the social mix's views, actions and menus."""
    openupgrade.rename_xmlids(env.cr, XMLID_RENAMES)
