from . import vrac_pickup_point

# vrac_round extends vrac.distribution (a day of the round): after it.
from . import vrac_distribution
from . import vrac_round
from . import vrac_distribution_shift
from . import res_partner
from . import sale_order
from . import sale_order_line
from . import pos_config
from . import pos_order
from . import stock_picking
from . import stock_picking_batch
from . import pos_order_line
from . import vrac_indicator
from . import ir_ui_menu
