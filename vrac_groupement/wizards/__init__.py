from . import vrac_order_entry
from . import vrac_indicator_report
