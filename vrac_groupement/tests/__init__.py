from . import test_groupement
from . import test_household
from . import test_membership
from . import test_security
from . import test_ui
from . import test_i18n
from . import test_cycle_reports
from . import test_order_entry
