# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import ValidationError

#: the field types a wrong value of breaks Odoo's conversion with a bare ValueError
CHECKED_TYPES = ("integer", "float", "monetary", "date", "datetime", "selection")


class Base(models.AbstractModel):
    """A value of the wrong type sent over RPC to one of the addon's models (a number in
    words, a date that is not one) is refused with a clear message in the user's language
    naming the field, instead of Python's bare ValueError."""

    _inherit = "base"

    @api.model_create_multi
    def create(self, vals_list):
        if self._aftersales_checks_input_types():
            for vals in vals_list:
                self._aftersales_check_input_types(vals)
        return super().create(vals_list)

    def write(self, vals):
        if self._aftersales_checks_input_types():
            self._aftersales_check_input_types(vals)
        return super().write(vals)

    def _aftersales_checks_input_types(self):
        return self._original_module == "aftersales_service" or self._name == "helpdesk.ticket"

    def _aftersales_check_input_types(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if not field or field.type not in CHECKED_TYPES or value in (False, None, ""):
                continue
            try:
                # the conversion only: a monetary's rounding by currency is the ORM's affair
                field.convert_to_cache(value, self[:1], validate=field.type != "monetary")
            except (ValueError, TypeError):
                raise ValidationError(
                    _(
                        "%(field)s: %(value)s is not %(kind)s.",
                        field=field._description_string(self.env),
                        value=repr(value)[:50],
                        kind=self._aftersales_type_words(field.type),
                    )
                ) from None

    def _aftersales_type_words(self, field_type):
        words = {
            "integer": _("a whole number"),
            "float": _("a number"),
            "monetary": _("an amount"),
            "date": _("a date (YYYY-MM-DD)"),
            "datetime": _("a date and time (YYYY-MM-DD HH:MM:SS)"),
            "selection": _("one of its choices"),
        }
        return words[field_type]
