from . import aftersales_old_part_return
from . import aftersales_dealer_statement_xlsx
