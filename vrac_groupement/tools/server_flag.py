# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Context flags that only server code can raise.

A guard lifted by ``self.env.context.get("some_key")`` can be lifted by anyone:
the web client sends its context with every call, and a person can put any
key in it (``{"vrac_cycle_process": true}``). A :class:`ServerFlag` is raised
with an object that JSON cannot carry, and checked by identity: whatever a
client sends under its name (``true``, a string, a number), the guard holds.
"""


class ServerFlag:
    """A context flag that only server code can raise.

    Usage::

        CYCLE_PROCESS = ServerFlag("vrac_cycle_process")
        CYCLE_PROCESS.on(orders).write(vals)  # server code lifts the guard
        if not CYCLE_PROCESS.is_raised(self.env): ...  # the guard
    """

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<server flag {self.name}>"

    # A copied context (``copy``, ``deepcopy``) keeps the very same flag.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def on(self, records, **context):
        """``records`` with the flag raised (and ``context`` added)."""
        return records.with_context(**{self.name: self}, **context)

    def is_raised(self, env):
        """Whether server code raised the flag in ``env``'s context."""
        return env.context.get(self.name) is self
