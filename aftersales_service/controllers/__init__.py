from . import portal
from . import portal_settlements
from . import portal_deposit
from . import portal_parts_orders
