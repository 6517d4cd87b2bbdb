# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import html

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.vrac_groupement.tests.common import VracCycleCase
from odoo.addons.vrac_tarifs.tests.common import new_cashier, till_order

# Die (town centre) and Luc-en-Diois, in decimal degrees.
DIE = (44.7537, 5.3705)
LUC = (44.6161, 5.4467)
CHATILLON = (44.6960, 5.4845)


def bag_lines(sale_order, quantities=None):
    """Till lines settling ``sale_order``, as pos_sale's "Settle the order"
    loads them; ``quantities`` {product: quantity at the till}, a product set
    to None left out."""
    quantities = quantities or {}
    lines = []
    for sale_line in sale_order.order_line.filtered("product_id"):
        quantity = quantities.get(sale_line.product_id, sale_line.product_uom_qty)
        if quantity is None:
            continue
        lines.append(
            {
                "product_id": sale_line.product_id.id,
                "qty": quantity,
                "price_unit": sale_line.price_unit,
                "sale_order_origin_id": sale_order.id,
                "sale_order_line_id": sale_line.id,
            }
        )
    return lines


class VracDistributionCase(VracCycleCase):
    """The cycle of VracCycleCase, ordered and received, and a distribution.

    Orders (what the households get, every product is bought in full):
    - Romans: Foyer Martin (r1) 2 pasta, 1 oil, 1.5 kg lentils, 2.5 kg apples;
      r2 3 pasta, 2 oil; r3 1 oil, 2 kg apples; r4 2 pasta.
    - Die: d1 4 pasta, 3 oil, 1 kg apples; d2 2 oil.
    The apples' capacity (30 kg) and the lentils' sack are raised so that
    they are not short; the olive oil is (9 bottles ordered, one case of 6
    bought and shared). Everything is received in stock.
    A pickup point (Maison de Quartier Saint-Nicolas, Romans) serves Romans;
    ``distribution`` collects the cycle there, planned, with a till.
    """

    #: {product attribute: price} the households pay (e.g. HOUSEHOLD_PRICES),
    #: given by ``setup_fixture_prices`` before they order; None: the prices
    #: of the installed addons.
    household_prices = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_vrac_distribution(cls)

    @staticmethod
    def setup_vrac_distribution(cls):
        cls.coordinator.groups_id |= cls.env.ref("stock.group_stock_user")
        cls.r1, cls.r2, cls.r3, cls.r4 = cls.households_romans
        cls.d1, cls.d2 = cls.households_die
        cls.cycle_line(cls, cls.lentils).write({"rounding_policy": "up"})
        cls.cycle_line(cls, cls.apples).write({"capacity": 0.0})
        if getattr(cls, "household_prices", None):
            VracCycleCase.setup_fixture_prices(cls, cls.household_prices)
        cls.orders = {
            cls.r1.id: {
                cls.pasta.id: 2,
                cls.oil.id: 1,
                cls.lentils.id: 1.5,
                cls.apples.id: 2.5,
            },
            cls.r2.id: {cls.pasta.id: 3, cls.oil.id: 2},
            cls.r3.id: {cls.oil.id: 1, cls.apples.id: 2},
            cls.r4.id: {cls.pasta.id: 2},
            cls.d1.id: {cls.pasta.id: 4, cls.oil.id: 3, cls.apples.id: 1},
            cls.d2.id: {cls.oil.id: 2},
        }
        cls.cycle._vrac_set_orders(cls.orders)
        cls.cycle.with_user(cls.coordinator).action_close()
        cls.cycle.with_user(cls.coordinator).action_confirm_purchases()
        for picking in cls.cycle.purchase_order_ids.picking_ids:
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
                move.picked = True
            picking.button_validate()
        cls.social_centre.write(
            {
                "street": "2 rue Saint-Nicolas",
                "zip": "26100",
                "city": "Romans-sur-Isère",
            }
        )
        cls.pickup_point = cls.env["vrac.pickup.point"].create(
            {
                "name": "Maison de Quartier Saint-Nicolas",
                "partner_id": cls.social_centre.id,
                "latitude": 45.0436,
                "longitude": 5.0521,
                "opening_hours": "samedi 9 h - 12 h",
                "capacity": 60,
                "groupement_ids": [(6, 0, cls.romans.ids)],
            }
        )
        cls.pos_config = cls.env["pos.config"].create(
            {"name": "Test caisse Saint-Nicolas"}
        )
        cls.distribution = cls.env["vrac.distribution"].create(
            {
                "kind": "point",
                "date": "2026-12-17",
                "hour_from": 9.0,
                "hour_to": 12.0,
                "pickup_point_id": cls.pickup_point.id,
                "cycle_ids": [(6, 0, cls.cycle.ids)],
                "pos_config_id": cls.pos_config.id,
            }
        )

    @staticmethod
    def setup_volunteer_die(cls):
        """A volunteer who serves Die only: the one who must not reach
        Romans' bags, weights and distributions."""
        cls.volunteer_die = new_test_user(
            cls.env,
            login="vrac_test_volunteer_die",
            name="Denise Bénévole",
            groups="vrac_groupement.group_volunteer",
        )
        cls.die.user_ids = cls.volunteer_die

    def household_order(self, household, cycle=None):
        return self.env["sale.order"].search(
            [
                ("vrac_cycle_id", "=", (cycle or self.cycle).id),
                ("partner_id", "=", household.id),
                ("state", "!=", "cancel"),
            ]
        )

    # Helpers of the distribution's life (preparing, collecting, closing).
    def prepare_and_open(self, user=None):
        """Prepare the bags and open the doors (as ``user``, the volunteer)."""
        distribution = self.distribution.with_user(user or self.volunteer)
        distribution.action_prepare()
        distribution.action_open()

    def collect(self, household, quantities=None):
        """The household collects its bag, without the till: its open
        delivery is validated; with ``quantities`` ({product: qty}) only
        those (the rest stays in a backorder)."""
        order = self.household_order(household)
        pickings = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        for move in pickings.move_ids:
            if quantities is None:
                move.quantity = move.product_uom_qty
            else:
                move.quantity = quantities.get(move.product_id, 0.0)
            move.picked = True
        pickings.with_context(skip_backorder=True).button_validate()
        return order


def setup_vrac_till(cls):
    """The distribution's till, with cash and card, and its cashier.

    The cashier is a POS user with the Sales user right (pos_sale asks for
    it, see ODOO17_NOTES); the till offers the households' pricelists.
    """
    company = cls.env.company
    cash_journal, bank_journal = cls.env["account.journal"].create(
        [
            {"name": "Test caisse VRAC", "type": "cash", "code": "VRCSH"},
            {"name": "Test banque VRAC", "type": "bank", "code": "VRBNK"},
        ]
    )
    cls.cash_method, cls.card_method = cls.env["pos.payment.method"].create(
        [
            {"name": "Test Espèces", "journal_id": cash_journal.id},
            {"name": "Test Carte", "journal_id": bank_journal.id},
        ]
    )
    households = cls.households_romans | cls.households_die
    pricelists = households.property_product_pricelist | cls.pos_config.pricelist_id
    cls.pos_config.write(
        {
            "payment_method_ids": [
                Command.set((cls.cash_method | cls.card_method).ids)
            ],
            "use_pricelist": True,
            "available_pricelist_ids": [Command.set(pricelists.ids)],
        }
    )
    cls.cashier = new_cashier(cls.env, "vrac_test_cashier", company)
    cls.soap = cls.env["product.product"].create(
        {
            "name": "Test Savon de Marseille",
            "type": "consu",
            "is_storable": True,
            "list_price": 3.0,
            "standard_price": 2.0,
            "available_in_pos": True,
            "taxes_id": [Command.clear()],
        }
    )


class VracTillCase(VracDistributionCase):
    """The distribution prepared and open, its till's session open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_vrac_till(cls)
        cls.distribution.action_prepare()
        cls.distribution.action_open()
        # The till's own deliveries are made when each order is paid.
        cls.env.company.point_of_sale_update_stock_quantities = "real"
        cls.pos_config.open_ui()
        cls.session = cls.pos_config.current_session_id
        cls.order_r1 = cls.household_order(cls, cls.r1)

    def bag(self, sale_order):
        return sale_order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and not p.backorder_id
        )

    def sale_line(self, sale_order, product):
        return sale_order.order_line.filtered(lambda line: line.product_id == product)

    def settle(self, sale_order, quantities=None, extra=(), payments=None):
        """Pay at the till as pos_sale's "Settle the order" does.

        :param quantities: {product: quantity at the till}, default the
            order's quantities; a product set to None is removed.
        :param extra: [(product, quantity, unit price)] from the surplus.
        :param payments: [(payment method, share of the total)], default cash.
        """
        lines = bag_lines(sale_order, quantities) + [
            {"product_id": product.id, "qty": quantity, "price_unit": price}
            for product, quantity, price in extra
        ]
        return till_order(
            self.session,
            self.cashier,
            sale_order.partner_id,
            lines,
            payments=payments,
        )


class VracRoundCase(VracDistributionCase):
    """The Die group is served by a mobile round leaving Die, with two stops:
    Châtillon-en-Diois 9:00-9:45, then Luc-en-Diois 10:30-11:15 (a day of
    8:00-13:00). Foyer Roux (d1) collects at Luc; Foyer Die 2 (d2) has no
    stop and collects at the Espace Social of Die (a point distribution).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_vrac_round(cls)

    @staticmethod
    def setup_vrac_round(cls):
        Point = cls.env["vrac.pickup.point"]

        def point(name, street, city, coordinates):
            partner = cls.Partner.create(
                {"name": name, "is_company": True, "street": street, "city": city}
            )
            return Point.create(
                {
                    "name": name,
                    "partner_id": partner.id,
                    "latitude": coordinates[0],
                    "longitude": coordinates[1],
                    "groupement_ids": [(6, 0, cls.die.ids)],
                }
            )

        cls.point_die = point(
            "Test Espace Social Die", "2 chemin de Chamarges", "Die", DIE
        )
        cls.point_chatillon = point(
            "Test Salle Châtillon",
            "Place de la Mairie",
            "Châtillon-en-Diois",
            CHATILLON,
        )
        cls.point_luc = point(
            "Test Salle Luc", "Place du Champ de Mars", "Luc-en-Diois", LUC
        )
        cls.vrac_round = cls.env["vrac.round"].create(
            {
                "name": "Test VRAC mobile",
                "groupement_ids": [(6, 0, cls.die.ids)],
                "vehicle": "Kangoo GE-412-DR",
                "driver_id": cls.Partner.create({"name": "Test Chauffeur"}).id,
                "hour_start": 8.0,
                "hour_end": 13.0,
                "departure_point_id": cls.point_die.id,
                "stop_ids": [
                    (
                        0,
                        0,
                        {
                            "sequence": 10,
                            "pickup_point_id": cls.point_chatillon.id,
                            "hour_from": 9.0,
                            "hour_to": 9.75,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "sequence": 20,
                            "pickup_point_id": cls.point_luc.id,
                            "hour_from": 10.5,
                            "hour_to": 11.25,
                        },
                    ),
                ],
            }
        )
        cls.stop_chatillon, cls.stop_luc = cls.vrac_round.stop_ids
        cls.d1.write({"vrac_round_stop_id": cls.stop_luc.id, "phone": "04 75 22 33 44"})
        cls.round_distribution = cls.env["vrac.distribution"].create(
            {
                "kind": "round",
                "date": "2026-12-18",
                "round_id": cls.vrac_round.id,
                "cycle_ids": [(6, 0, cls.cycle.ids)],
                "pos_config_id": cls.pos_config.id,
            }
        )
        cls.die_distribution = cls.env["vrac.distribution"].create(
            {
                "kind": "point",
                "date": "2026-12-18",
                "hour_from": 14.0,
                "hour_to": 17.0,
                "pickup_point_id": cls.point_die.id,
                "cycle_ids": [(6, 0, cls.cycle.ids)],
            }
        )

    def render_sheet(self, report, records):
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            report, records.ids
        )
        return html.fromstring(content)
