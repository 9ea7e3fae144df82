from . import aftersales_old_part_return
from . import aftersales_dealer_statement_xlsx
from . import aftersales_discontinued_part_xlsx
