from . import test_preparation
from . import test_weights
from . import test_close
from . import test_security
from . import test_round
from . import test_pickup_point
from . import test_sheets
