from . import aftersales_entitlement_wizard
