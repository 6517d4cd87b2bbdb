# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from ..tools import pricing


class ProductTemplate(models.Model):
    _inherit = "product.template"

    vrac_logistics_override = fields.Boolean(
        string="Own logistics share",
        help="Use the logistics share below instead of the vendor's.",
    )
    vrac_logistics_percent = fields.Float(
        string="Logistics (%)", help="Transport and handling, as a share of the price."
    )
    vrac_logistics_amount = fields.Float(
        string="Logistics per unit",
        digits="Product Price",
        help="Transport and handling, as an amount per unit sold.",
    )
    # Breakdown of the cost, written with the cost by action_vrac_update_cost.
    vrac_cost_vendor_id = fields.Many2one(
        "res.partner", string="Cost from vendor", readonly=True, copy=False
    )
    vrac_cost_vendor_price = fields.Float(
        string="Vendor price", digits="Product Price", readonly=True, copy=False
    )
    vrac_cost_logistics = fields.Float(
        string="Logistics share", digits="Product Price", readonly=True, copy=False
    )
    vrac_cost_date = fields.Date(string="Cost updated on", readonly=True, copy=False)
    vrac_funder_share = fields.Boolean(
        string="Funder share",
        readonly=True,
        copy=False,
        help="The line 'Paid by ...' of a funder-paid program.",
    )

    @api.constrains("vrac_logistics_percent", "vrac_logistics_amount")
    def _check_vrac_logistics(self):
        for template in self:
            if (
                template.vrac_logistics_percent < 0
                or template.vrac_logistics_amount < 0
            ):
                raise ValidationError(
                    _(
                        "The logistics share of %(product)s cannot be negative.",
                        product=template.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._vrac_check_funder_share_flag(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._vrac_check_funder_share_flag([vals])
        return super().write(vals)

    @api.model
    def _vrac_check_funder_share_flag(self, vals_list):
        """Only the funder programs' server code (as superuser) flags a
        product as a funder's share: such a line is let into the cycles'
        orders outside their catalog and never shared by a program."""
        if not self.env.su and any("vrac_funder_share" in vals for vals in vals_list):
            raise AccessError(
                _(
                    "The 'Paid by ...' products are made by the funder-paid "
                    "programs: a product cannot be marked as a funder's share "
                    "by hand."
                )
            )

    def action_vrac_update_cost(self):
        """Recompute the cost price from the vendor prices (button and list action)."""
        updated = self._vrac_update_costs()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if updated else "warning",
                "message": _(
                    "Cost price updated for %(count)s products.", count=len(updated)
                )
                if updated
                else _("No product has a vendor price to compute its cost from."),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _vrac_main_sellers(self):
        """{template: its first valid vendor line}, read in one query."""
        today = fields.Date.context_today(self)
        company = self.env.company
        sellers = self.env["product.supplierinfo"].search(
            [
                ("product_tmpl_id", "in", self.ids),
                ("company_id", "in", [company.id, False]),
                "|",
                ("date_start", "=", False),
                ("date_start", "<=", today),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", today),
            ],
            order="product_tmpl_id, sequence, min_qty desc, price, id",
        )
        result = {}
        for seller in sellers:
            result.setdefault(seller.product_tmpl_id, seller)
        return result

    def _vrac_vendor_prices(self):
        """{template: (vendor, price per unit of sale in the company currency)}.

        From each template's first valid vendor price list line.
        """
        company = self.env.company
        today = fields.Date.context_today(self)
        prices = {}
        for template, seller in self._vrac_main_sellers().items():
            price = seller.currency_id._convert(
                seller.price, company.currency_id, company, today, round=False
            )
            prices[template] = (
                seller.partner_id,
                seller.product_uom._compute_price(price, template.uom_id),
            )
        return prices

    def _vrac_compute_costs(self, vendor_prices=None):
        """{template: (vendor, vendor price, logistics, cost)} per unit of sale.

        :param vendor_prices: optional {template: (vendor, price per unit of
            sale in the company currency)} to use instead of the vendor
            price lists, e.g. what an order cycle actually paid.
        """
        if vendor_prices is None:
            vendor_prices = self._vrac_vendor_prices()
        costs = {}
        for template, (vendor, price) in vendor_prices.items():
            source = template if template.vrac_logistics_override else vendor
            cost = pricing.cost_price(
                price,
                source.vrac_logistics_percent,
                source.vrac_logistics_amount,
            )
            costs[template] = (vendor, price, cost - price, cost)
        return costs

    def _vrac_update_costs(self, vendor_prices=None):
        """Write cost price and breakdown, set-wise; returns the updated templates.

        :param vendor_prices: see :meth:`_vrac_compute_costs`.
        """
        costs = self._vrac_compute_costs(vendor_prices)
        if not costs:
            return self.browse()
        digits = self.env["decimal.precision"].precision_get("Product Price")
        by_cost = defaultdict(lambda: self.env["product.product"])
        for template, (_vendor, _price, _logistics, cost) in costs.items():
            by_cost[round(cost, digits)] |= template.product_variant_ids
        self._vrac_write_cost_breakdown(
            {
                template.id: (vendor.id, round(price, digits), round(logistics, digits))
                for template, (vendor, price, logistics, _cost) in costs.items()
            }
        )
        self.env["product.product"]._vrac_set_standard_prices(by_cost)
        return self.browse([template.id for template in costs])

    def _vrac_write_cost_breakdown(self, breakdown):
        """One UPDATE for all templates: {template id: (vendor, price, logistics)}.

        The ORM would send one UPDATE per distinct breakdown, i.e. one per
        product; the values are passed as parameters.
        """
        today = fields.Date.context_today(self)
        rows = SQL(", ").join(
            SQL("(%s, %s, %s, %s)", template_id, vendor_id, price, logistics)
            for template_id, (vendor_id, price, logistics) in breakdown.items()
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE product_template AS template
                   SET vrac_cost_vendor_id = row.vendor_id,
                       vrac_cost_vendor_price = row.price,
                       vrac_cost_logistics = row.logistics,
                       vrac_cost_date = %(today)s,
                       write_uid = %(uid)s,
                       write_date = NOW() AT TIME ZONE 'UTC'
                  FROM (VALUES %(rows)s) AS row(id, vendor_id, price, logistics)
                 WHERE template.id = row.id
                """,
                today=today,
                uid=self.env.uid,
                rows=rows,
            )
        )
        self.browse(list(breakdown)).invalidate_recordset(
            [
                "vrac_cost_vendor_id",
                "vrac_cost_vendor_price",
                "vrac_cost_logistics",
                "vrac_cost_date",
                "write_uid",
                "write_date",
            ]
        )


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model
    def _vrac_set_standard_prices(self, products_by_cost):
        """Set the cost of many products at once.

        Products in stock go through stock valuation, which records the
        change. For the others the cost is only the company's value of the
        company-dependent ``standard_price``: one write per distinct cost,
        which the ORM flushes in one UPDATE of the jsonb column for all the
        products.
        """
        everything = self.union(*products_by_cost.values())
        in_stock = everything.filtered("quantity_svl")  # one read_group
        for cost, products in products_by_cost.items():
            stocked = products & in_stock
            if stocked:
                stocked.write({"standard_price": cost})
            if products - stocked:
                # Superuser: those who update the costs (coordinators) may not write
                # products; only the cost of the products given is written. Nothing
                # in stock: no valuation to adjust.
                (products - stocked).sudo().with_context(disable_auto_svl=True).write(
                    {"standard_price": cost}
                )

    # Point of sale ------------------------------------------------------------

    def _load_pos_data(self, data):
        res = super()._load_pos_data(data)
        session = self.env["pos.session"].browse(data["pos.session"]["data"][0]["id"])
        self._vrac_load_funder_share_products(res, session)
        self._vrac_hide_solidarity_discount(res, data, session)
        return res

    def _vrac_load_funder_share_products(self, res, session):
        """The lines "Paid by <funder>" need their product at the till (hidden
        from the product screen by ``pos.config._get_special_products``)."""
        loaded = {product["id"] for product in res["data"]}
        missing = [
            product_id
            for product_id in session._vrac_funder_programs().share_product_id.ids
            if product_id not in loaded
        ]
        if not missing:
            return
        # Superuser: cashiers may not read the programs' products of other branches;
        # only the share products of this session's programs are read.
        extra = self.sudo().browse(missing).read(res["fields"], load=False)
        self._process_pos_ui_product_product(extra, session.config_id)
        res["data"].extend(extra)

    def _vrac_hide_solidarity_discount(self, res, data, session):
        """The discount product is never picked by hand, and its line tells
        nobody where it comes from: named "Discount" at the till (and so on
        the order line saved from the till)."""
        # Superuser: cashiers may not read the fund; only its discount product's id
        # is used, for the fund of this session's point of sale.
        product_id = (
            session.config_id.sudo().vrac_solidarity_fund_id.discount_product_id.id
        )
        if not product_id:
            return
        label = _("Discount")
        for product in res["data"]:
            if product["id"] == product_id:
                product.update(name=label, display_name=label)
        data["pos.session"]["data"][0]["_pos_special_products_ids"].append(product_id)
