from . import test_tier
from . import test_household_tier
from . import test_privacy
from . import test_cost
from . import test_balance_report
from . import test_pos
from . import test_pos_tours
from . import test_cycle_costs
