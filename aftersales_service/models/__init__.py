# shared
from . import aftersales_portal_mixin
from . import aftersales_state_guard
from . import base_input_types
from . import aftersales_numbered_mixin
from . import mail_thread_batch_log
from . import ir_actions_report

# parts store
from . import product_category

# network
from . import aftersales_region
from . import aftersales_dealer_class
from . import aftersales_agency_contract
from . import res_company
from . import res_company_claim
from . import ir_http
from . import res_lang
from . import res_config_settings
from . import res_partner_network
from . import res_partner_kpi
from . import res_partner_customer

# warranty
from . import resource_calendar
from . import resource_calendar_attendance
from . import resource_calendar_leaves
from . import aftersales_entitlement
from . import aftersales_entitlement_explain
from . import aftersales_warranty_policy
from . import aftersales_warranty_policy_part
from . import aftersales_warranty_policy_refund
from . import aftersales_unit_repair
from . import stock_lot
from . import stock_picking
from . import stock_picking_old_parts

# service
from . import aftersales_entitlement_snapshot
from . import aftersales_sla_rule
from . import aftersales_fault_code
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_team
from . import helpdesk_ticket
from . import helpdesk_ticket_sla
from . import helpdesk_ticket_complaint
from . import aftersales_service_job
from . import aftersales_service_job_callback
from . import aftersales_service_job_invoice
from . import aftersales_service_job_kpi
from . import aftersales_service_job_part
from . import stock_move
from . import stock_location
from . import stock_warehouse
from . import stock_warehouse_returned
from . import stock_picking_type
from . import product_template
from . import account_move

# claims
from . import aftersales_claim_type
from . import aftersales_claim_reject_reason
from . import aftersales_service_part
from . import aftersales_campaign
from . import aftersales_campaign_part
from . import aftersales_preauthorisation
from . import aftersales_claim_check_rule
from . import aftersales_claim_check_rule_kinds
from . import aftersales_claim
from . import aftersales_claim_exception
from . import aftersales_claim_line
from . import aftersales_claim_line_label
from . import aftersales_claim_check_result
from . import aftersales_claim_check
from . import aftersales_claim_appraisal
from . import aftersales_claim_old_parts
from . import aftersales_service_job_claim
from . import res_partner_claim
from . import stock_lot_claim
from . import aftersales_old_part_reconciliation
from . import aftersales_old_part_reconciliation_line

# settlement
from . import res_company_accounting
from . import res_company_settlement
from . import res_company_deposit
from . import aftersales_deposit_account
from . import aftersales_deposit_move
from . import aftersales_deposit_move_accounting
from . import aftersales_deposit_deduction
from . import aftersales_deposit_appeal
from . import aftersales_penalty_rule
from . import aftersales_penalty_rule_breaches
from . import account_move_deposit
from . import res_partner_deposit
from . import account_chart_template
from . import res_partner_settlement
from . import aftersales_claim_settlement
from . import aftersales_claim_settlement_accounting
from . import aftersales_claim_settlement_build
from . import aftersales_claim_settlement_notice
from . import aftersales_claim_settlement_line
from . import aftersales_claim_deduction
from . import aftersales_claim_settlement_penalty
from . import aftersales_claim_settled
from . import aftersales_supplier_agreement
from . import aftersales_supplier_recovery
from . import aftersales_supplier_recovery_line
from . import aftersales_claim_line_recovery

# desk
from . import aftersales_desk
from . import res_company_unit_return
from . import aftersales_unit_return
from . import aftersales_unit_return_refund
from . import aftersales_unit_return_stock
from . import aftersales_unit_return_money
from . import helpdesk_ticket_unit_return
from . import stock_picking_unit_return

# factory repairs (返厂维修)
from . import res_company_factory
from . import res_config_settings_factory
from . import stock_warehouse_factory
from . import stock_picking_factory
from . import aftersales_factory_repair
from . import helpdesk_ticket_factory

# loaner units (备用机)
from . import res_company_loaner
from . import res_config_settings_loaner
from . import stock_warehouse_loaner
from . import stock_picking_loaner
from . import aftersales_loaner
from . import helpdesk_ticket_loaner
from . import aftersales_claim_quality
from . import aftersales_quality_rule
from . import aftersales_quality_warning

# parts store: dealer returns, stocktake, 账物卡, reports
from . import res_company_parts_return
from . import res_config_settings_parts_return
from . import stock_picking_dealer_return
from . import aftersales_parts_movement_report
from . import aftersales_parts_profit_report

# parts store: bins, safety stock, service points' stock, discontinued models
from . import stock_location_parts_store
from . import stock_picking_type_parts_store
from . import stock_warehouse_parts_store
from . import stock_warehouse_orderpoint
from . import stock_picking_parts_store
from . import stock_move_parts_store
from . import aftersales_service_job_part_demand
from . import aftersales_service_job_demand
from . import res_partner_point_stock
from . import product_template_discontinued
from . import res_company_parts_store
from . import res_config_settings_parts_store
from . import aftersales_discontinued_part
from . import aftersales_quality_warning_demo
from . import stock_lot_exchange_risk

# parts store: dealer parts orders (配件订单)
from . import res_company_parts_order
from . import res_config_settings_parts_order
from . import sale_order_parts_order
from . import sale_order_parts_deadline
from . import stock_rule_parts_order
from . import stock_picking_parts_order

# dealer portal: service jobs
from . import aftersales_service_job_portal
from . import aftersales_period_mixin
from . import aftersales_claim_portal
from . import aftersales_claim_line_portal
from . import stock_picking_portal

# dealer portal: settlements and deposit
from . import aftersales_claim_settlement_portal
from . import aftersales_deposit_portal
from . import sale_order_portal
