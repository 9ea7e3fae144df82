# Copyright 2026 aftersales_service authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shape of every batched cron of the addon, in one place."""


def process_batch(model, domain, batch_size, process):
    """Process the first ``batch_size`` records of ``model`` matching ``domain`` (oldest
    id first) with ``process(records)`` and report the progress to Odoo's cron runner, which
    calls the cron again while some remain (``ir.cron._notify_progress``). ``process`` must
    take the records out of ``domain``, or the next call finds them again."""
    records = model.search(domain, limit=batch_size, order="id")
    process(records)
    remaining = model.search_count(domain) if len(records) == batch_size else 0
    model.env["ir.cron"]._notify_progress(done=len(records), remaining=remaining)
    return records
