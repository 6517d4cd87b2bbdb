from . import test_pos_membership
from . import test_pos_tours
