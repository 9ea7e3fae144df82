# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The words of the 三包 decision: the sentence saying why, and the warnings that never
change it. The rules themselves are in ``aftersales_entitlement.py``."""

import functools

import babel.dates

from odoo import _, api, models
from odoo.tools.misc import babel_locale_parse, get_lang, posix_to_ldml

from . import sanbao_period


@functools.lru_cache(maxsize=64)
def _day_pattern(lang_code, date_format):
    locale = babel_locale_parse(lang_code)
    return posix_to_ldml(date_format, locale=locale), locale


class AftersalesEntitlement(models.AbstractModel):
    _inherit = "aftersales.entitlement"

    @api.model
    def _day_formatter(self):
        """Odoo's ``format_date`` in the env's language, as a function of the day: the
        language is looked up once for a whole batch, not for every date."""
        lang = get_lang(self.env)
        pattern, locale = _day_pattern(lang.code, lang.date_format)
        return lambda day: babel.dates.format_date(day, format=pattern, locale=locale)

    @api.model
    def _warnings(self, lot, policy, fault_date, usage, working_day, say):
        warnings = []
        deadline = sanbao_period.period_end(
            lot.sale_date,
            days=policy.registration_days,
            is_working_day=working_day if policy.holiday_rollover else None,
        )
        if lot.registration_card_date and lot.registration_card_date > deadline:
            warnings.append(
                {
                    "code": "card_late",
                    "text": _(
                        "The registration card (三包回执卡) arrived on %(card)s, after its "
                        "deadline %(deadline)s: the consumer's rights are unchanged; follow "
                        "up with the selling dealer.",
                        card=say(lot.registration_card_date),
                        deadline=say(deadline),
                    ),
                }
            )
        elif not lot.registration_card_date and fault_date > deadline:
            warnings.append(
                {
                    "code": "card_missing",
                    "text": _(
                        "The registration card (三包回执卡) was due by %(deadline)s and has "
                        "not been received: the consumer's rights are unchanged; follow up "
                        "with the selling dealer.",
                        deadline=say(deadline),
                    ),
                }
            )
        event_date = {
            "installation": lot.installation_date,
            "acceptance": lot.acceptance_date,
        }.get(policy.start_event, True)
        if not event_date and not lot.replaces_lot_id:
            warnings.append(
                {
                    "code": "start_event_missing",
                    "text": _(
                        "The policy counts from the %(event)s, which is not recorded on the "
                        "unit: the periods were counted from the sale date.",
                        event=dict(policy._fields["start_event"]._description_selection(self.env))[
                            policy.start_event
                        ],
                    ),
                }
            )
        has_usage_limit = policy.sanbao_usage or policy.repair_usage or policy.serious_fault_usage
        if has_usage_limit and (usage is False or usage is None) and not lot.usage_date:
            warnings.append(
                {
                    "code": "usage_unknown",
                    "text": _(
                        "No usage reading is known for the unit: the usage limits were not checked."
                    ),
                }
            )
        return warnings

    @api.model
    def _explain(self, rule, fault_date, ends, policy, part_line, history, say):
        """The zh_CN or English sentence saying why (by the env's language)."""
        if rule.startswith("excluded_"):
            reason = dict(
                self.env["aftersales.unit.repair"]
                ._fields["exclusion"]
                ._description_selection(self.env)
            )
            return _(
                "No 三包 remedy (%(reason)s): the unit can be repaired for a fee.",
                reason=reason.get(rule.removeprefix("excluded_"), rule),
            )

        if rule == "unit_returned":
            return _(
                "The unit was returned and refunded before the fault: it is no longer covered."
            )
        if rule == "unit_exchanged":
            return _("The unit was exchanged before the fault: decide on its replacement instead.")

        def day(key):
            return say(ends[key]) if ends.get(key) else ""

        # Only the sentence of the deciding rule is formatted: a batch explains
        # thousands of units.
        fault = say(fault_date)
        sentences = {
            "refund_window": lambda: self.env._(
                "The fault on %(fault)s is within the refund window ending %(refund_end)s: "
                "the consumer may choose a refund, an exchange or a free repair.",
                fault=fault,
                refund_end=day("refund"),
            ),
            "refund_after_exchange": lambda: self.env._(
                "The replacement unit failed on %(fault)s, within the window after the "
                "exchange ending %(after_exchange_end)s: the consumer may choose a refund, "
                "an exchange or a free repair.",
                fault=fault,
                after_exchange_end=day("after_exchange"),
            ),
            "serious_fault_window": lambda: self.env._(
                "A serious fault on %(fault)s is within the serious-fault window ending "
                "%(serious_end)s: the consumer may choose the remedy of the policy or a "
                "free repair.",
                fault=fault,
                serious_end=day("serious"),
            ),
            "exchange_window": lambda: self.env._(
                "The fault on %(fault)s is within the exchange window ending "
                "%(exchange_end)s: the consumer may choose an exchange or a free repair.",
                fault=fault,
                exchange_end=day("exchange"),
            ),
            "repeat_repair": lambda: self.env._(
                "The same fault has already been repaired %(repairs)s times in the 三包 "
                "period: the consumer may choose an exchange or a free repair.",
                repairs=policy.repeat_repair_count or policy.repeat_any_repair_count,
            ),
            "repair_days": lambda: self.env._(
                "The unit has spent %(days)s days in repair, more than the limit of "
                "%(limit)s days: the consumer may choose an exchange or a free repair.",
                days=history["days_total"],
                limit=policy.repair_days_limit,
            ),
            "sanbao_period": lambda: self.env._(
                "The fault on %(fault)s is within the 三包 period ending %(sanbao_end)s: "
                "free repair.",
                fault=fault,
                sanbao_end=day("sanbao"),
            ),
            "part_period": lambda: self.env._(
                "The part %(part)s is within its own period ending %(part_end)s: free "
                "repair of the part.",
                part=part_line.product_id.display_name or part_line.categ_id.display_name,
                part_end=day("part"),
            ),
            "repair_period": lambda: self.env._(
                "The fault on %(fault)s is within the repair warranty ending "
                "%(repair_end)s: free repair.",
                fault=fault,
                repair_end=day("repair"),
            ),
            "usage_limit": lambda: self.env._(
                "The reading %(usage)s is over the usage limit of the policy, although "
                "time remains: paid repair.",
                usage=ends.get("reading") or 0,
            ),
            "period_expired": lambda: self.env._(
                "Every period of the unit ended before the fault on %(fault)s (三包 period "
                "%(sanbao_end)s): paid repair.",
                fault=fault,
                sanbao_end=day("sanbao"),
            ),
        }
        return sentences[rule]()
