# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Upgrade of a 17.0 database to 18.0: what our addons store keeps its shape.

The port to 18.0 renames and retypes nothing that our addons store; the one
move, the till's membership settings from vrac_tarifs to vrac_groupement_pos,
has its script (vrac_groupement/migrations/18.0.1.2.0, tested in
vrac_groupement_pos) (README, "Upgrading from 17.0"). These tests hold the
rest against the 17.0 shape, frozen in tests/data/ from a 17.0 database of the
three addons (ir_model_fields / ir_model_fields_selection of main @298c897):

- every stored field of 17.0 is still stored on 18.0, with the same type,
  comodel and column, so ``-u`` finds its column and keeps its data (Odoo
  drops the column of a stored field that disappears);
- no selection value stored on 17.0 has disappeared;
- the values that 17.0 kept in ``ir.property`` and that our features read
  (products' costs, which tier prices are computed from; a customer's own
  pricelist; a household's card barcode) come out of the 17.0 shape with
  openupgradelib's ir.property -> jsonb conversion, which OpenUpgrade runs for
  these Odoo fields, and give the same prices.
"""

import csv
from pathlib import Path

from openupgradelib import openupgrade_180

from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists

from .common import VracTarifsCase

DATA = Path(__file__).resolve().parent / "data"

# ir_property as 17.0 had it (what OpenUpgrade's base migration leaves in
# place until every module has converted its company-dependent fields).
IR_PROPERTY_17 = """
    CREATE TABLE IF NOT EXISTS ir_property (
        id serial PRIMARY KEY,
        name varchar,
        res_id varchar,
        company_id integer,
        fields_id integer NOT NULL,
        value_float double precision,
        value_integer integer,
        value_text text,
        value_binary bytea,
        value_reference varchar,
        value_datetime timestamp,
        type varchar NOT NULL
    )
"""


def read_rows(name):
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class TestUpgradeFrom17(VracTarifsCase):
    def _installed(self):
        return set(
            self.env["ir.module.module"]
            .search([("state", "=", "installed")])
            .mapped("name")
        )

    def test_stored_fields_of_17_keep_their_shape(self):
        installed = self._installed()
        cr = self.env.cr
        problems, checked = [], 0
        for row in read_rows("stored_fields_17.0.csv"):
            if row["module"] not in installed:
                continue
            checked += 1
            where = f"{row['model']}.{row['field']}"
            if row["model"] not in self.env:
                problems.append(f"{where}: model gone")
                continue
            model = self.env[row["model"]]
            field = model._fields.get(row["field"])
            if field is None or not field.store:
                problems.append(f"{where}: no longer a stored field")
                continue
            if field.type != row["ttype"]:
                problems.append(f"{where}: {row['ttype']} -> {field.type}")
            if (field.comodel_name or "") != row["relation"]:
                problems.append(f"{where}: {row['relation']} -> {field.comodel_name}")
            if model._abstract or not model._auto:
                continue  # a mixin or a SQL view: no table of its own
            if field.type == "many2many":
                if not table_exists(cr, field.relation):
                    problems.append(f"{where}: table {field.relation} missing")
            elif field.column_type and not column_exists(cr, model._table, field.name):
                problems.append(f"{where}: column missing")
        self.assertEqual(problems, [])
        self.assertGreater(checked, 150)

    def test_selection_values_of_17_still_exist(self):
        installed = self._installed()
        missing = [
            f"{row['model']}.{row['field']}: {row['value']}"
            for row in read_rows("selections_17.0.csv")
            if row["module"] in installed
            and row["value"]
            not in self.env[row["model"]]._fields[row["field"]].get_values(self.env)
        ]
        self.assertEqual(missing, [])

    def test_company_dependent_values_survive_the_ir_property_conversion(self):
        env, cr, company = self.env, self.env.cr, self.env.company
        Field = env["ir.model.fields"]
        own_pricelist = env["product.pricelist"].create(
            {"name": "Cantine partenaire", "company_id": company.id}
        )
        customer = self.Partner.create(
            {
                "name": "Cantine du quartier",
                "is_company": True,
                "specific_property_product_pricelist": own_pricelist.id,
            }
        )
        household = self.household_romans
        household.barcode = "VRAC-0042"
        product = self.pasta
        before = {
            "cost": product.standard_price,
            "tier B price": self.tier_b.pricelist_id._get_product_price(product, 1.0),
            "customer pricelist": customer.property_product_pricelist,
            "household pricelist": household.property_product_pricelist,
        }
        self.assertEqual(before["cost"], 10.37)
        self.assertEqual(before["customer pricelist"], own_pricelist)
        self.assertEqual(before["household pricelist"], self.tier_b.pricelist_id)

        # The 17.0 shape: the values live in ir_property, not in the columns.
        env.flush_all()
        cr.execute(IR_PROPERTY_17)
        props = [
            ("standard_price", Field._get("product.product", "standard_price"),
             f"product.product,{product.id}", "float", "value_float",
             before["cost"]),
            # 17.0's field was property_product_pricelist; 18.0 stores the
            # chosen one in specific_property_product_pricelist.
            ("property_product_pricelist",
             Field._get("res.partner", "property_product_pricelist"),
             f"res.partner,{customer.id}", "many2one", "value_reference",
             f"product.pricelist,{own_pricelist.id}"),
            ("barcode", Field._get("res.partner", "barcode"),
             f"res.partner,{household.id}", "char", "value_text", "VRAC-0042"),
        ]  # fmt: skip
        for name, field, res_id, ptype, column, value in props:
            cr.execute(
                SQL(
                    """INSERT INTO ir_property
                       (name, fields_id, company_id, res_id, type, %s)
                       VALUES (%s, %s, %s, %s, %s, %s)""",
                    SQL.identifier(column),
                    name,
                    field.id,
                    company.id,
                    res_id,
                    ptype,
                    value,
                )
            )
        cr.execute(
            "UPDATE product_product SET standard_price = NULL WHERE id = %s",
            (product.id,),
        )
        cr.execute(
            """UPDATE res_partner
                  SET specific_property_product_pricelist = NULL, barcode = NULL
                WHERE id IN %s""",
            ((customer.id, household.id),),
        )
        env.invalidate_all()
        self.assertFalse(product.standard_price)
        self.assertFalse(customer.specific_property_product_pricelist)

        # OpenUpgrade's conversion of these Odoo fields (product, base).
        openupgrade_180.convert_company_dependent(
            env, "product.product", "standard_price"
        )
        openupgrade_180.convert_company_dependent(
            env,
            "res.partner",
            "specific_property_product_pricelist",
            old_field_id=Field._get("res.partner", "property_product_pricelist").id,
        )
        openupgrade_180.convert_company_dependent(env, "res.partner", "barcode")
        env.invalidate_all()

        self.assertEqual(product.standard_price, before["cost"])
        self.assertEqual(
            self.tier_b.pricelist_id._get_product_price(product, 1.0),
            before["tier B price"],
        )
        self.assertEqual(customer.property_product_pricelist, own_pricelist)
        # A household's pricelist follows its tier (a stored field of ours),
        # never a property.
        self.assertEqual(household.property_product_pricelist, self.tier_b.pricelist_id)
        self.assertEqual(household.barcode, "VRAC-0042")
        self.assertEqual(
            self.Partner.search([("barcode", "=", "VRAC-0042")]), household
        )
