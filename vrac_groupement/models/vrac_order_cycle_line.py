# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.allocation import POLICY_DOWN, POLICY_NEAREST, POLICY_UP, allocate
from ..tools.number import CheckedFloat

# Units of measure categories shared out at the gram (or millilitre) resolution.
BULK_UOM_CATEGORIES = ("uom.product_uom_categ_kgm", "uom.product_uom_categ_vol")
# One thousandth of a kg (or L): the gram resolution of bulk products.
BULK_STEP = 0.001


class VracOrderCycleLine(models.Model):
    """A product of an order cycle's catalog, with its vendor and case size."""

    _name = "vrac.order.cycle.line"
    _description = "Order cycle catalog line"
    _order = "cycle_id, sequence, id"
    _check_company_auto = True

    cycle_id = fields.Many2one(
        "vrac.order.cycle", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="cycle_id.company_id", store=True)
    state = fields.Selection(related="cycle_id.state")
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        domain="[('sale_ok', '=', True), ('purchase_ok', '=', True)]",
    )
    uom_id = fields.Many2one(
        related="product_id.uom_id",
        string="Unit of sale",
        help="Units, or kg for bulk products shared out to the gram.",
    )
    vendor_ids = fields.Many2many(
        "res.partner",
        compute="_compute_vendor_ids",
        string="Vendors of the product",
    )
    vendor_id = fields.Many2one(
        "res.partner",
        compute="_compute_vendor_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('id', 'in', vendor_ids)]",
        help="Taken from the product's vendors; the closing buys from it.",
    )
    vendor_price = CheckedFloat(
        compute="_compute_vendor_price",
        store=True,
        readonly=False,
        precompute=True,
        digits="Product Price",
        help="Price of one unit of sale at the vendor, written on the purchase order.",
    )
    case_size = CheckedFloat(
        compute="_compute_case_size",
        store=True,
        readonly=False,
        precompute=True,
        digits="Product Unit of Measure",
        help="Quantity in one case, in the unit of sale: 20 packets, 6 bottles, "
        "25 kg. From the product's purchase packaging, or the vendor's case "
        "quantity.",
    )
    rounding_policy = fields.Selection(
        [
            (POLICY_UP, "Round up, sell the surplus"),
            (POLICY_DOWN, "Round down, share the shortfall"),
            (POLICY_NEAREST, "Nearest whole case"),
        ],
        required=True,
        default=POLICY_UP,
    )
    max_per_household = CheckedFloat(
        string="Maximum per household",
        digits="Product Unit of Measure",
        help="0 means no maximum.",
    )
    capacity = CheckedFloat(
        string="Producer capacity",
        digits="Product Unit of Measure",
        help="Total the producer can deliver in this cycle; 0 means no limit.",
    )
    ordered_qty = fields.Float(
        compute="_compute_quantities",
        compute_sudo=True,
        string="Ordered",
        digits="Product Unit of Measure",
    )
    allocated_qty = fields.Float(
        compute="_compute_quantities",
        compute_sudo=True,
        string="Allocated",
        digits="Product Unit of Measure",
    )
    household_count = fields.Integer(
        compute="_compute_quantities", compute_sudo=True, string="Households"
    )
    purchase_qty = fields.Float(
        string="Bought",
        readonly=True,
        copy=False,
        digits="Product Unit of Measure",
        help="Quantity bought at closing: whole cases, within the producer capacity.",
    )
    case_count = fields.Float(
        compute="_compute_case_count", string="Cases", digits=(16, 2)
    )
    surplus_qty = fields.Float(
        compute="_compute_quantities",
        compute_sudo=True,
        string="Surplus",
        digits="Product Unit of Measure",
        help="Bought beyond the orders, for sale at the distribution.",
    )

    _sql_constraints = [
        (
            "product_unique",
            "UNIQUE (cycle_id, product_id)",
            "A product appears once in the catalog of an order cycle.",
        ),
    ]

    def _vrac_sellers(self):
        """The product's vendor price list entries (real records, also when new)."""
        self.ensure_one()
        product = self.product_id._origin
        return product.seller_ids.filtered(
            lambda s: not s.product_id or s.product_id == product
        )

    @api.depends("product_id")
    def _compute_vendor_ids(self):
        for line in self:
            line.vendor_ids = line._vrac_sellers().partner_id

    @api.depends("product_id")
    def _compute_vendor_id(self):
        for line in self:
            vendors = line._vrac_sellers().partner_id
            if line.vendor_id._origin not in vendors:
                line.vendor_id = vendors[:1]

    def _vrac_supplierinfo(self):
        """The product's vendor price list entry for the line's vendor."""
        self.ensure_one()
        return self.product_id.seller_ids.filtered(
            lambda s: (
                s.partner_id == self.vendor_id
                and (not s.product_id or s.product_id == self.product_id)
            )
        )[:1]

    @api.depends("product_id", "vendor_id")
    def _compute_vendor_price(self):
        for line in self:
            seller = line._vrac_supplierinfo()
            line.vendor_price = (
                seller.product_uom._compute_price(seller.price, line.product_id.uom_id)
                if seller
                else 0.0
            )

    @api.depends("product_id", "vendor_id")
    def _compute_case_size(self):
        for line in self:
            packaging = line.product_id._origin.packaging_ids.filtered("purchase")[:1]
            seller = line._vrac_supplierinfo()
            line.case_size = (
                packaging.qty
                or (seller and seller.vrac_case_qty)
                or line.case_size
                or 1.0
            )

    def _compute_quantities(self):
        values = {
            cycle_line: (ordered, allocated, count)
            for cycle_line, ordered, allocated, count in self.env[
                "sale.order.line"
            ]._read_group(
                [
                    ("vrac_cycle_line_id", "in", self.ids),
                    ("state", "!=", "cancel"),
                    ("vrac_ordered_qty", ">", 0),
                ],
                ["vrac_cycle_line_id"],
                ["vrac_ordered_qty:sum", "vrac_allocated_qty:sum", "__count"],
            )
        }
        for line in self:
            ordered, allocated, count = values.get(line, (0.0, 0.0, 0))
            line.ordered_qty = ordered
            line.allocated_qty = allocated
            line.household_count = count
            line.surplus_qty = max(line.purchase_qty - allocated, 0.0)

    @api.depends("purchase_qty", "case_size")
    def _compute_case_count(self):
        for line in self:
            line.case_count = line.case_size and line.purchase_qty / line.case_size

    @api.constrains("case_size", "max_per_household", "capacity")
    def _check_quantities(self):
        for line in self:
            if line.case_size <= 0:
                raise ValidationError(
                    _(
                        "The case size of %(product)s must be above 0, e.g. 20 for "
                        "a case of 20 packets or 25 for a 25 kg sack.",
                        product=line.product_id.display_name,
                    )
                )
            if line.max_per_household < 0 or line.capacity < 0:
                raise ValidationError(
                    _(
                        "The maximum per household and the producer capacity of "
                        "%(product)s cannot be negative (0 means no limit).",
                        product=line.product_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _vrac_is_bulk(self):
        """Whether the product is shared out by weight or volume (to the gram)."""
        self.ensure_one()
        model_data = self.env["ir.model.data"]
        categories = [
            model_data._xmlid_to_res_id(xmlid) for xmlid in BULK_UOM_CATEGORIES
        ]
        return self.product_id.uom_id.category_id.id in categories

    def _vrac_step(self):
        """Resolution of the allocation: 1 unit, or 1 g (0.001 kg) for bulk.

        Never finer than the quantities Odoo stores (the "Product Unit of
        Measure" precision, which this addon raises to 3 decimals).
        """
        if not self._vrac_is_bulk():
            return 1
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        return max(BULK_STEP, 10**-digits)

    @api.model
    def _vrac_ensure_gram_precision(self):
        """Quantities to the gram: at least 3 decimals for product quantities,
        and the kg and the litre rounded to the thousandth.

        The point of sale rounds a quantity to its unit's rounding: with the
        kg's 0.01 of Odoo, 2.941 kg allocated became 2.94 kg at the till.
        """
        precision = self.env.ref("product.decimal_product_uom")
        if precision.digits < 3:
            precision.digits = 3
        units = self.env.ref("uom.product_uom_kgm") | self.env.ref(
            "uom.product_uom_litre"
        )
        units.filtered(lambda unit: unit.rounding > BULK_STEP).write(
            {"rounding": BULK_STEP}
        )

    def _vrac_product_and_vendor(self):
        """ "Honey 250 g from Ferme des Coteaux", for the messages."""
        self.ensure_one()
        return _(
            "%(product)s from %(vendor)s",
            product=self.product_id.display_name,
            vendor=self.vendor_id.display_name,
        )

    def _vrac_pool(self, groupement):
        """The pool of this catalog line for a household order of ``groupement``."""
        self.ensure_one()
        if self.cycle_id.purchase_split == "groupement":
            return (self, groupement)
        return (self, self.env["vrac.groupement"])

    def _vrac_prepare_purchase_line(self, order, quantity, group_quantities):
        """Values of the purchase order line buying ``quantity`` of this line.

        :param group_quantities: {group: quantity}; the line's analytic
            distribution splits it among the groups' analytic accounts.
        """
        self.ensure_one()
        return {
            "order_id": order.id,
            "product_id": self.product_id.id,
            "product_qty": quantity,
            "product_uom": self.product_id.uom_id.id,
            "price_unit": self.vendor_price,
            "vrac_cycle_line_id": self.id,
            "analytic_distribution": self._vrac_analytic_distribution(group_quantities),
        }

    def _vrac_analytic_distribution(self, group_quantities):
        """{analytic account id: percentage}, in proportion to the groups' orders."""
        weights = {
            groupement.analytic_account_id.id: round(qty * 1000)
            for groupement, qty in group_quantities.items()
            if groupement.analytic_account_id and qty > 0
        }
        total = sum(weights.values())
        if not total:
            return False
        # Percentages to the hundredth that add up to exactly 100 (largest
        # remainder: 10,000 hundredths shared in proportion to the orders).
        hundredths = allocate(
            {account: qty * 10000 for account, qty in weights.items()}, 10000, 1
        )
        return {
            str(account): value / 100 for account, value in hundredths.items() if value
        }
