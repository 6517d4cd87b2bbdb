from . import allocation
from . import server_flag
from . import number
from . import membership
