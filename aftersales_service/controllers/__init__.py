from . import portal
from . import portal_claims
from . import portal_old_parts
from . import portal_jobs
from . import portal_settlements
from . import portal_deposit
from . import portal_parts_orders
