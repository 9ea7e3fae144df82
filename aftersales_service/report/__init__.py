from . import aftersales_old_part_return
