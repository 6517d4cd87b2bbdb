# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "VRAC - Groupements d'achats at the till",
    "summary": "Membership check and household numbers in the point of sale",
    "version": "18.0.1.0.0",
    "category": "Association",
    "website": "https://github.com/vrac-odoo/vrac-odoo",
    "author": "VRAC for Odoo contributors",
    "license": "AGPL-3",
    "depends": [
        "vrac_groupement",
        "point_of_sale",
    ],
    # A purchasing group with a till gets it by itself; a group without a
    # till does not install the point of sale.
    "auto_install": True,
    "data": [
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "vrac_groupement_pos/static/src/**/*",
        ],
        "web.assets_tests": [
            "vrac_groupement_pos/static/tests/tours/**/*",
        ],
    },
}
