# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _aftersales_write_logged(self, vals):
        """``write(vals)`` on many records, leaving in each chatter what a tracked write
        leaves (old → new of every tracked field), with the messages and their tracking
        values created in two batches. Odoo's tracking inserts one message per record,
        too slow for a month-end run over thousands of claims."""
        # the fields written and the computed ones that may follow, as a tracked write
        tracked = [
            fname
            for fname in self._track_get_fields()
            if fname in vals or self._fields[fname].compute
        ]
        if (
            not tracked
            or self.env.context.get("tracking_disable")
            or self.env.context.get("mail_notrack")
        ):
            return self.write(vals)
        initial = {record.id: {fname: record[fname] for fname in tracked} for record in self}
        result = self.with_context(tracking_disable=True).write(vals)
        field_info = self.fields_get(
            tracked, attributes=("string", "type", "selection", "currency_field")
        )
        commands_of = {}
        for record in self:
            _changed, commands = record._mail_track(field_info, initial[record.id])
            if commands:
                commands_of[record.id] = commands
        changed = self.browse(list(commands_of))
        messages = changed._message_log_batch(dict.fromkeys(changed.ids, ""))
        self.env["mail.tracking.value"].sudo().create(
            [
                {**values, "mail_message_id": message.id}
                for message in messages
                for _zero, _zero_id, values in commands_of[message.res_id]
            ]
        )
        return result
