# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from lxml import etree

from odoo.tests import HttpCase, tagged

from .common import VracCycleCase, VracIndicatorReportMixin


class TestFiguresInViews(VracCycleCase):
    """The screens a volunteer reads show quantities without useless
    decimals ("2", "2,941"), no "0,000" for "no maximum", dates to the minute."""

    def arch(self, model, view_xmlid, view_type="form"):
        view = self.env.ref(view_xmlid)
        views = self.env[model].get_views([(view.id, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def widgets(self, arch, path):
        return {
            node.get("name"): node.get("widget") for node in arch.xpath(path + "/field")
        }

    def test_cycle_form(self):
        arch = self.arch(
            "vrac.order.cycle", "vrac_groupement.vrac_order_cycle_view_form"
        )
        for name in ("date_open", "date_close"):
            self.assertEqual(
                arch.xpath(f"//sheet//field[@name='{name}']")[0].get("widget"),
                "vrac_datetime",
                f"{name} to the minute",
            )
        catalog = self.widgets(arch, "//field[@name='line_ids']/list")
        for name in (
            "case_size",
            "max_per_household",
            "capacity",
            "ordered_qty",
            "purchase_qty",
            "case_count",
            "allocated_qty",
            "surplus_qty",
        ):
            self.assertEqual(catalog[name], "vrac_quantity", name)
        list_view = arch.xpath("//field[@name='line_ids']/list")[0]
        self.assertEqual(
            list_view.xpath("field[@name='max_per_household']")[0].get("placeholder"),
            "No maximum",
        )
        self.assertEqual(
            list_view.xpath("field[@name='capacity']")[0].get("placeholder"), "No limit"
        )

    def test_cycle_list_and_totals_per_product(self):
        arch = self.arch(
            "vrac.order.cycle", "vrac_groupement.vrac_order_cycle_view_tree", "list"
        )
        widgets = self.widgets(arch, "/list")
        self.assertEqual(widgets["date_open"], "vrac_datetime")
        self.assertEqual(widgets["date_close"], "vrac_datetime")
        arch = self.arch(
            "vrac.order.cycle.line",
            "vrac_groupement.vrac_order_cycle_line_view_tree",
            "list",
        )
        widgets = self.widgets(arch, "/list")
        for name in (
            "case_size",
            "ordered_qty",
            "purchase_qty",
            "case_count",
            "allocated_qty",
            "surplus_qty",
        ):
            self.assertEqual(widgets[name], "vrac_quantity", name)

    def test_order_entry_and_household_orders(self):
        arch = self.arch(
            "vrac.order.entry", "vrac_groupement.vrac_order_entry_view_form"
        )
        widgets = self.widgets(arch, "//field[@name='line_ids']/list")
        self.assertEqual(widgets["quantity"], "vrac_quantity")
        self.assertEqual(widgets["max_per_household"], "vrac_quantity")
        arch = self.arch("sale.order", "sale.view_order_form")
        widgets = self.widgets(arch, "//field[@name='order_line']/list")
        for name in (
            "product_uom_qty",
            "vrac_ordered_qty",
            "qty_delivered",
            "qty_invoiced",
        ):
            self.assertEqual(widgets[name], "vrac_quantity", name)
        arch = self.arch(
            "sale.order.line",
            "vrac_groupement.sale_order_line_view_tree_vrac_cycle",
            "list",
        )
        widgets = self.widgets(arch, "/list")
        self.assertEqual(widgets["vrac_ordered_qty"], "vrac_quantity")
        self.assertEqual(widgets["product_uom_qty"], "vrac_quantity")


@tagged("post_install", "-at_install")
class TestFiguresTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        VracCycleCase.setup_vrac_groupements(cls)
        VracCycleCase.setup_vrac_cycle(cls)
        cls.env["res.lang"]._activate_lang("fr_FR")
        # The coordinator: in this branch a volunteer cannot read the cycle's
        # totals (purchase orders), so the list would not open for them. The
        # figures are shown the same way to both.
        cls.coordinator.write({"password": "vrac_test_coordinator", "lang": "fr_FR"})
        cls.cycle._vrac_set_orders(
            {
                cls.household_romans.id: {cls.pasta.id: 4, cls.lentils.id: 2.5},
            }
        )
        # Closed: its dates and catalog are read, not edited.
        cls.cycle.with_user(cls.coordinator).action_close()
        # Open: its dates are edited.
        cls.next_cycle = cls.cycle.copy({"name": "Test commande de janvier"})
        cls.next_cycle.with_user(cls.coordinator).action_open()

    def test_cycle_reads_well_in_french(self):
        self.start_tour(
            "/web",
            "vrac_figures_tour",
            login="vrac_test_coordinator",
        )
        # Typed to the minute, saved as typed (in the user's time zone).
        date_close = self.next_cycle.date_close
        self.assertEqual(date_close.minute, 30)
        self.assertEqual(date_close.second, 0)
        self.assertEqual((date_close.year, date_close.month), (2027, 1))


class TestFiguresInTheFunderSpreadsheet(VracIndicatorReportMixin, VracCycleCase):
    def test_amounts_in_the_currency_symbol_not_its_code(self):
        """The unit of the amounts is "€" beside "635,00 €", never "EUR"."""
        wizard = self.env["vrac.indicator.report"].create(
            {
                "scope": "groupement",
                "groupement_ids": [(6, 0, (self.romans | self.die).ids)],
                "date_from": "2025-01-01",
                "date_to": "2025-12-31",
            }
        )
        wizard.action_export_xlsx()
        sheets = self.read_xlsx(base64.b64decode(wizard.xlsx_file))
        currency = self.env.company.currency_id
        amount_rows = [
            row
            for row in sheets["Indicators"]
            if len(row) > 2 and row[1] == "Sales at cost price (untaxed)"
        ]
        self.assertTrue(amount_rows)
        for row in amount_rows:
            # The unit is the last cell written (an empty change is not).
            self.assertEqual(row[-1], currency.symbol)
        texts = {
            cell for rows in sheets.values() for row in rows for cell in row if cell
        }
        self.assertNotIn(currency.name, texts)
