from . import vrac_order_cycle_report
from . import report_vrac_order_cycle_vendor
from . import report_vrac_order_cycle_product
from . import report_vrac_order_cycle_household
from . import vrac_indicator_fact
from . import vrac_indicator_report
