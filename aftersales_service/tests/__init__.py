from . import test_aftersales_security
from . import test_aftersales_report
from . import test_aftersales_ui
from . import test_aftersales_claim_ui
from . import test_aftersales_claim_settlement
from . import test_aftersales_batch_log
from . import test_aftersales_claim_settlement_report
from . import test_aftersales_dealer_statement
from . import test_aftersales_deposit
from . import test_aftersales_deposit_concurrency
from . import test_aftersales_deposit_appeal
from . import test_aftersales_deposit_report
from . import test_aftersales_deposit_ui
from . import test_aftersales_penalty_rule
from . import test_aftersales_supplier_recovery
from . import test_aftersales_settlement_ui
from . import test_aftersales_menus
from . import test_aftersales_demo

# network
from . import test_res_partner_network
from . import test_aftersales_dealer_class
from . import test_aftersales_agency_contract

# warranty
from . import test_sanbao_period
from . import test_aftersales_entitlement
from . import test_stock_lot
from . import test_aftersales_warranty_policy

# service
from . import test_aftersales_sla
from . import test_helpdesk_ticket
from . import test_helpdesk_ticket_intake
from . import test_aftersales_fault_code
from . import test_aftersales_service_job
from . import test_aftersales_service_request_flow
from . import test_aftersales_service_kpi
from . import test_aftersales_service_job_report
from . import test_aftersales_factory_repair
from . import test_aftersales_loaner

# claims
from . import test_aftersales_claim
from . import test_aftersales_claim_concurrency
from . import test_aftersales_claim_kinds
from . import test_aftersales_claim_rules
from . import test_aftersales_claim_old_parts
from . import test_aftersales_claim_report
from . import test_aftersales_old_part_labels
from . import test_aftersales_old_part_report
from . import test_aftersales_old_part_reconciliation
from . import test_aftersales_unit_return
from . import test_aftersales_unit_return_report
from . import test_aftersales_unit_return_ui
from . import test_aftersales_claim_rate
from . import test_aftersales_quality_warning
from . import test_aftersales_quality_feedback
from . import test_aftersales_parts_dealer_return
from . import test_aftersales_parts_stock_card
from . import test_aftersales_parts_stocktake
from . import test_aftersales_parts_reports
from . import test_aftersales_parts_store
from . import test_aftersales_parts_store_replenishment
from . import test_aftersales_parts_store_discontinued
from . import test_aftersales_exchange_risk
from . import test_aftersales_parts_order
from . import test_aftersales_parts_order_deadline
from . import test_aftersales_parts_order_report
from . import test_aftersales_parts_order_demo
from . import test_aftersales_portal_isolation
from . import test_aftersales_parts_profit_jobs
from . import test_aftersales_query_plans
from . import test_aftersales_bad_input
from . import test_aftersales_acl_matrix
from . import test_aftersales_portal_claims
from . import test_aftersales_portal_claims_ui
from . import test_aftersales_portal_jobs
from . import test_aftersales_portal_jobs_ui
from . import test_aftersales_portal_money
from . import test_aftersales_portal_money_ui
from . import test_aftersales_portal_money_concurrency
