from . import vrac_tier
from . import res_company
from . import res_config_settings
from . import res_partner
from . import product_template
from . import vrac_groupement
