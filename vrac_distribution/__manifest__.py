# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "VRAC - Distributions",
    "summary": "Pickup points, distributions and mobile rounds, bags, "
    "collection and payment at the till",
    "version": "18.0.1.1.0",
    "category": "Association",
    "website": "https://github.com/vrac-odoo/vrac-odoo",
    "author": "VRAC for Odoo contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "vrac_groupement",
        # The till's membership check and household search (also without
        # vrac_tarifs).
        "vrac_groupement_pos",
        "stock_picking_batch",
        "pos_sale",
    ],
    "data": [
        "security/vrac_distribution_security.xml",
        "security/ir.model.access.csv",
        "security/vrac_distribution_pos_security.xml",
        "data/vrac_distribution_data.xml",
        "data/pos_data.xml",
        "views/vrac_pickup_point_views.xml",
        "views/vrac_round_views.xml",
        "views/vrac_distribution_views.xml",
        "views/res_partner_views.xml",
        "wizards/vrac_distribution_close_views.xml",
        "views/sale_order_views.xml",
        "views/stock_picking_batch_views.xml",
        "report/vrac_distribution_reports.xml",
        "report/vrac_distribution_templates.xml",
        "views/menus.xml",
        "report/vrac_round_sheet.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/vrac_distribution_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "vrac_distribution/static/src/preorder_collection/**/*",
        ],
        "web.assets_tests": [
            "vrac_distribution/static/tests/tours/**/*",
        ],
    },
}
