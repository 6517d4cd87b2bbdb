# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "VRAC - Tarifs selon revenus",
    "summary": "Income tiers, cost-price tier pricing, tier prices at the till",
    "version": "18.0.1.3.0",
    "category": "Association",
    "website": "https://github.com/vrac-odoo/vrac-odoo",
    "author": "VRAC for Odoo contributors",
    "license": "AGPL-3",
    "installable": True,
    "external_dependencies": {"python": ["openupgradelib"]},
    "depends": [
        "vrac_groupement",
        "sale_margin",
        "purchase",
        # The till's membership check and household search.
        "vrac_groupement_pos",
        "pos_loyalty",
        # A household's order settled at the till (pos_sale) is counted once:
        # by its sale order, not again by the till lines that settle it.
        "pos_sale",
    ],
    "data": [
        "security/vrac_tarifs_security.xml",
        "security/ir.model.access.csv",
        "data/product_data.xml",
        "data/vrac_tier_data.xml",
        "data/vrac_funder_program_data.xml",
        "data/food_credit_data.xml",
        "views/vrac_tier_views.xml",
        "views/res_partner_views.xml",
        "views/product_template_views.xml",
        "views/vrac_groupement_views.xml",
        "views/res_config_settings_views.xml",
        "views/pos_config_views.xml",
        "views/vrac_funder_program_views.xml",
        "views/sale_order_views.xml",
        "views/food_credit_views.xml",
        "views/vrac_solidarity_fund_views.xml",
        "report/vrac_tier_balance_report_views.xml",
        "report/vrac_solidarity_fund_report_views.xml",
        "report/vrac_food_credit_report_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/vrac_tier_demo.xml",
        "demo/res_partner_vendor_demo.xml",
        "demo/product_demo.xml",
        "demo/res_partner_household_demo.xml",
        "demo/sale_order_demo.xml",
        "demo/pos_config_demo.xml",
        "demo/vrac_solidarity_fund_demo.xml",
        "demo/vrac_funder_program_demo.xml",
        "demo/vrac_food_credit_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "vrac_tarifs/static/src/**/*",
        ],
        "web.assets_tests": [
            "vrac_tarifs/static/tests/tours/**/*",
        ],
    },
}
