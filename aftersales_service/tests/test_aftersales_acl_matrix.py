# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may read, write, create and delete each of the addon's models: the whole matrix,
every model × every role, against the table below. A new model or a changed access right
fails here until the table says so; a model without any access rule fails (as Odoo's own
``test_rules_installation`` does), and so does any right of the public user but reading.

To write the matrix of the code as it is to a file (to review a change, then paste it):
``AFTERSALES_ACL_FILE=/tmp/acl.py`` and run this test.
"""

import os

from odoo.tests import new_test_user

from .common import GROUPS, AftersalesCommon

ROLES = {
    **GROUPS,
    "portal": "base.group_portal",
    "public": "base.group_public",
}
OPERATIONS = ("read", "write", "create", "unlink")

#: model -> what each role may do, in the order of ROLES (clerk, technician, warehouse,
#: accountant, manager, portal, public): r(ead) w(rite) c(reate) u(nlink), "-" if not
EXPECTED = {
    "aftersales.agency.contract": "r--- ---- ---- ---- rwcu ---- ----",
    "aftersales.campaign": "r--- r--- ---- ---- rwcu ---- ----",
    "aftersales.campaign.part": "r--- r--- ---- ---- rwcu ---- ----",
    "aftersales.claim": "rwcu rw-- r--- r--- rwcu r--- ----",
    "aftersales.claim.analysis": "r--- r--- ---- r--- r--- ---- ----",
    "aftersales.claim.approval.wizard": "---- ---- ---- ---- rwc- ---- ----",
    "aftersales.claim.check.result": "r-c- rwc- ---- r--- rwc- r--- ----",
    "aftersales.claim.check.rule": "r--- r--- ---- ---- rwcu ---- ----",
    "aftersales.claim.deduction": "r--- rwc- ---- rwcu rwcu r--- ----",
    "aftersales.claim.line": "rwcu rw-- rw-- r--- rwcu r--- ----",
    "aftersales.claim.rate": "r--- r--- ---- r--- r--- ---- ----",
    "aftersales.claim.reject.reason": "r--- r--- ---- r--- rwcu ---- ----",
    "aftersales.claim.settlement": "rw-- ---- ---- rwcu rwcu r--- ----",
    "aftersales.claim.settlement.line": "r--- ---- ---- rwcu rwcu r--- ----",
    "aftersales.claim.settlement.wizard": "---- ---- ---- rwcu rwcu ---- ----",
    "aftersales.claim.type": "r--- r--- ---- r--- rwcu ---- ----",
    "aftersales.dealer.class": "r--- r--- r--- r--- rwcu ---- ----",
    "aftersales.dealer.statement": "---- ---- ---- rwcu rwcu ---- ----",
    "aftersales.deposit.account": "r--- ---- ---- rwc- rwc- r--- ----",
    "aftersales.deposit.appeal": "rwc- ---- ---- r--- rwc- r--- ----",
    "aftersales.deposit.move": "rwc- ---- ---- rwc- rwcu r--- ----",
    "aftersales.discontinued.part": "rwcu ---- rwcu rwcu rwcu ---- ----",
    "aftersales.entitlement.wizard": "rwc- rwc- ---- ---- rwc- ---- ----",
    "aftersales.factory.repair": "rwc- rwc- rwc- ---- rwcu ---- ----",
    "aftersales.fault.code": "r--- r--- r--- r--- rwcu ---- ----",
    "aftersales.loaner": "rwc- rwc- rwc- ---- rwcu ---- ----",
    "aftersales.old.part.reconciliation": "rwcu rwcu rwcu ---- rwcu ---- ----",
    "aftersales.old.part.reconciliation.line": "rwcu rwcu rwcu ---- rwcu ---- ----",
    "aftersales.parts.movement.report": "---- ---- r--- ---- r--- ---- ----",
    "aftersales.parts.profit.report": "---- ---- ---- r--- r--- ---- ----",
    "aftersales.parts.release.wizard": "---- ---- ---- ---- rwc- ---- ----",
    "aftersales.parts.report.export": "rwc- ---- rwc- rwc- rwc- ---- ----",
    "aftersales.penalty.rule": "r--- ---- ---- r--- rwcu ---- ----",
    "aftersales.preauthorisation": "rwc- r--- ---- ---- rwcu ---- ----",
    "aftersales.quality.feedback": "rwc- rwc- ---- ---- rwc- ---- ----",
    "aftersales.quality.rule": "r--- r--- ---- ---- rwcu ---- ----",
    "aftersales.quality.warning": "r--- rw-- ---- ---- rwc- ---- ----",
    "aftersales.region": "r--- r--- r--- r--- rwcu ---- ----",
    "aftersales.service.job": "rwcu rw-- r--- r--- rwcu r--- ----",
    "aftersales.service.job.part": "rwcu rwcu r--- r--- rwcu r--- ----",
    "aftersales.service.part": "r--- r--- r--- ---- rwcu ---- ----",
    "aftersales.sla.rule": "r--- r--- r--- r--- rwcu ---- ----",
    "aftersales.stocktake": "---- ---- rwc- ---- rwc- ---- ----",
    "aftersales.supplier.agreement": "r--- ---- ---- rwcu rwcu ---- ----",
    "aftersales.supplier.recovery": "r--- ---- ---- rwcu rwcu ---- ----",
    "aftersales.supplier.recovery.line": "r--- ---- ---- rwcu rwcu ---- ----",
    "aftersales.unit.repair": "rwc- rwc- r--- r--- rwcu ---- ----",
    "aftersales.unit.return": "rwc- rw-- rw-- r--- rwcu ---- ----",
    "aftersales.warranty.policy": "r--- r--- r--- r--- rwcu ---- ----",
    "aftersales.warranty.policy.part": "r--- r--- r--- r--- rwcu ---- ----",
}


class TestAftersalesAclMatrix(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users = {
            role: new_test_user(
                cls.env,
                login=f"aftersales-acl-{role}",
                groups=group if role in ("portal", "public") else f"base.group_user,{group}",
            )
            for role, group in ROLES.items()
        }

    def _addon_models(self):
        return sorted(
            model
            for model in self.env.registry
            if self.env[model]._original_module == "aftersales_service"
            and not self.env[model]._abstract
        )

    def _rights(self, model, user):
        Model = self.env[model].with_user(user)
        return "".join(
            letter if Model.has_access(operation) else "-"
            for letter, operation in zip("rwcu", OPERATIONS, strict=True)
        )

    def _matrix(self):
        return {
            model: " ".join(self._rights(model, user) for user in self.role_users.values())
            for model in self._addon_models()
        }

    def test_every_model_has_access_rules(self):
        Access = self.env["ir.model.access"].sudo()
        missing = [
            model
            for model in self._addon_models()
            if not Access.search_count([("model_id.model", "=", model)])
        ]
        self.assertEqual(missing, [], "models without any access rule")

    def test_the_public_user_writes_nothing(self):
        written = {
            model: rights.split()[-1]
            for model, rights in self._matrix().items()
            if rights.split()[-1].strip("r-")
        }
        self.assertEqual(written, {})

    def test_the_access_matrix(self):
        matrix = self._matrix()
        if os.environ.get("AFTERSALES_ACL_FILE"):
            with open(os.environ["AFTERSALES_ACL_FILE"], "w") as out:
                out.write("EXPECTED = {\n")
                out.write(
                    "".join(f'    "{model}": "{rights}",\n' for model, rights in matrix.items())
                )
                out.write("}\n")
        self.maxDiff = None
        self.assertEqual(matrix, EXPECTED)
