"""Create a database for a Chinese company, the way Odoo's database manager does.

    create_db.py ODOO_CONF DB_NAME

The company is in China from the start (country CN, currency CNY), Chinese is loaded,
the login is admin / admin and demo data is on. Installing `l10n_cn` next gives the
Chinese chart of accounts before the addon's demo data issues invoices.
"""

import sys

import odoo
from odoo.service import db


def main(conf, name):
    odoo.tools.config.parse_config(["-c", conf, "--log-level=warn"])
    db.exp_create_database(name, True, "zh_CN", "admin", "admin", country_code="CN")


if __name__ == "__main__":
    main(*sys.argv[1:])
