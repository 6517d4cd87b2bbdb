from . import vrac_tier_balance_report
from . import vrac_food_credit_report
from . import vrac_solidarity_fund_report
from . import vrac_indicator_fact
from . import vrac_indicator_report
