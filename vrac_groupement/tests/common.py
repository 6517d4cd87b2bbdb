# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class VracAssertMixin:
    @contextmanager
    def assertRaisesText(self, exception, text):
        """Like assertRaisesRegex, inside a savepoint like Odoo's assertRaises.

        The savepoint proves that nothing of the refused change is kept.
        """
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertIn(text, str(cm.exception))


class VracGroupementCase(VracAssertMixin, TransactionCase):
    """Two groups of one branch, a coordinator, a volunteer serving Romans."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.setup_vrac_groupements(cls)

    @staticmethod
    def setup_vrac_groupements(cls):
        cls.Groupement = cls.env["vrac.groupement"]
        cls.Partner = cls.env["res.partner"]
        cls.coordinator = new_test_user(
            cls.env,
            login="vrac_test_coordinator",
            name="Claire Coordinatrice",
            groups="vrac_groupement.group_coordinator",
        )
        cls.volunteer = new_test_user(
            cls.env,
            login="vrac_test_volunteer",
            name="Victor Bénévole",
            groups="vrac_groupement.group_volunteer",
        )
        cls.social_centre = cls.Partner.create(
            {"name": "Maison de Quartier Saint-Nicolas", "is_company": True}
        )
        cls.romans, cls.die = cls.Groupement.create(
            [
                {
                    "name": "Test Romans Monnaie",
                    "code": "T-ROM",
                    "town": "Romans-sur-Isère",
                    "is_qpv": True,
                    "coordinator_ids": [(6, 0, cls.coordinator.ids)],
                    "user_ids": [(6, 0, cls.volunteer.ids)],
                    "structure_ids": [
                        (
                            0,
                            0,
                            {
                                "partner_id": cls.social_centre.id,
                                "role": "social_centre",
                            },
                        )
                    ],
                },
                {"name": "Test Die", "code": "T-DIE", "town": "Die"},
            ]
        )
        cls.household_romans = cls.Partner.create(
            {
                "name": "Foyer Martin",
                "vrac_groupement_id": cls.romans.id,
                "vrac_adult_count": 2,
                "vrac_child_count": 2,
                "phone": "06 11 22 33 44",
            }
        )
        cls.household_die = cls.Partner.create(
            {"name": "Foyer Roux", "vrac_groupement_id": cls.die.id}
        )
