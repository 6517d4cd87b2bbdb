from . import pricing
