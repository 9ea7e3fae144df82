# network
from . import aftersales_region
from . import aftersales_dealer_class
from . import aftersales_agency_contract
from . import res_company
from . import res_config_settings
from . import res_partner

# warranty
from . import aftersales_entitlement
from . import aftersales_warranty_policy
from . import aftersales_warranty_policy_part
from . import aftersales_unit_repair
from . import stock_lot
from . import stock_picking

# service
from . import aftersales_entitlement_snapshot
from . import aftersales_sla_rule
from . import aftersales_fault_code
from . import helpdesk_ticket_stage
from . import helpdesk_ticket
from . import aftersales_service_job
from . import aftersales_service_job_part
from . import stock_move
