from . import portal
from . import portal_settlements
from . import portal_deposit
