from . import vrac_tier_balance_report
