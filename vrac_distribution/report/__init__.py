from . import vrac_distribution_report
from . import vrac_indicator_fact
