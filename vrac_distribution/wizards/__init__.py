from . import vrac_distribution_close
