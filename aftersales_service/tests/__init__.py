from . import test_aftersales_security
from . import test_aftersales_report
from . import test_aftersales_ui
# network
# warranty
# service
