from . import vrac_order_entry
