from . import pos_config
from . import pos_order
from . import pos_session
from . import product_product
from . import res_config_settings
from . import res_partner
