from . import vrac_distribution_report
