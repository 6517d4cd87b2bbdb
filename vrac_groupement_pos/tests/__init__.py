from . import test_pos_membership
from . import test_pos_tours
from . import test_migration_18
