from . import aftersales_entitlement_wizard
from . import aftersales_claim_approval_wizard
from . import aftersales_claim_settlement_wizard
from . import aftersales_dealer_statement
from . import aftersales_parts_release_wizard
