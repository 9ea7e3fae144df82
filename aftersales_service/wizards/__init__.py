from . import aftersales_entitlement_wizard
from . import aftersales_claim_approval_wizard
from . import aftersales_claim_settlement_wizard
from . import aftersales_dealer_statement
from . import aftersales_quality_feedback
from . import stock_return_picking_dealer
from . import aftersales_stocktake
from . import aftersales_parts_report_export
