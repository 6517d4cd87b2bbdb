# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# Till orders that count in a distribution's figures.
PAID_POS_STATES = ("paid", "done", "invoiced")


class VracDistribution(models.Model):
    _inherit = "vrac.distribution"

    def _vrac_till_summary(self):
        """What the till took during the distribution.

        :return: {"payments": [(payment method name, amount)],
            "surplus_amount": extra products sold (lines of no sale order),
            "collected_amount": lines settling the distribution's orders,
            "order_count": paid till orders}
        """
        self.ensure_one()
        # Volunteers read the figures of their distributions, not the till.
        self.check_access_rights("read")
        self.check_access_rule("read")
        env = self.sudo().env
        orders_domain = [
            ("vrac_distribution_id", "=", self.id),
            ("state", "in", PAID_POS_STATES),
        ]
        payments = env["pos.payment"]._read_group(
            [
                (f"pos_order_id.{field}", op, value)
                for field, op, value in orders_domain
            ],
            ["payment_method_id"],
            ["amount:sum"],
            order="payment_method_id",
        )
        lines_domain = [
            (f"order_id.{field}", op, value) for field, op, value in orders_domain
        ]
        surplus = env["pos.order.line"]._read_group(
            lines_domain + [("sale_order_line_id", "=", False)],
            [],
            ["price_subtotal_incl:sum"],
        )
        collected = env["pos.order.line"]._read_group(
            lines_domain
            + [("sale_order_origin_id.vrac_distribution_id", "=", self.id)],
            [],
            ["price_subtotal_incl:sum"],
        )
        return {
            "payments": [(method.name, amount) for method, amount in payments],
            "surplus_amount": surplus[0][0],
            "collected_amount": collected[0][0],
            "order_count": env["pos.order"].search_count(orders_domain),
        }
