# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "VRAC - Groupements d'achats",
    "summary": "Purchasing groups, member households, rolling membership",
    "version": "17.0.1.0.0",
    "category": "Association",
    "website": "https://github.com/vrac-odoo/vrac-odoo",
    "author": "VRAC for Odoo contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": ["mail", "contacts", "account", "membership"],
    "data": [
        "security/vrac_groupement_security.xml",
        "security/ir.model.access.csv",
        "data/vrac_groupement_data.xml",
        "views/vrac_groupement_views.xml",
        "views/vrac_volunteer_skill_views.xml",
        "views/res_partner_views.xml",
        "views/product_template_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/res_partner_structure_demo.xml",
        "demo/vrac_groupement_demo.xml",
        "demo/res_partner_household_demo.xml",
        "demo/membership_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "vrac_groupement/static/tests/tours/*.esm.js",
        ],
    },
}
