from . import pricing
from . import money
