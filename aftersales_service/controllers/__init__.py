from . import portal
from . import portal_claims
from . import portal_old_parts
from . import portal_jobs
