from . import aftersales_old_part_return
from . import aftersales_dealer_statement_xlsx
from . import aftersales_claim_rate
from . import aftersales_claim_rate_xlsx
from . import aftersales_claim_analysis
from . import aftersales_quality_feedback_xlsx
from . import aftersales_parts_report_xlsx
from . import aftersales_discontinued_part_xlsx
