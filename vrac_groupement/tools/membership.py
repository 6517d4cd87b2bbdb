# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What "member" means, in one place.

A household is a member when its membership is paid, free, or invoiced and
awaiting payment. Two questions use this one definition:

- "Is this household a member today?" (the groups' counts, the till):
  Odoo's computed ``res.partner.membership_state`` is in `MEMBER_STATES`;
  :func:`is_member_today` also trusts the end date first, since the state is
  refreshed only every night. The till reads the answer from the server
  (``res.partner.vrac_is_member_today``, loaded with the point of sale's
  partners), it keeps no copy of these states.
- "Was this household a member on date D?" (the funders' indicators): a free
  member, or a dated, not cancelled ``membership.membership_line`` covering D
  whose ``state`` is in `MEMBER_STATES` (a line is never "free": a free
  membership is the partner's ``free_member`` flag).
"""

MEMBER_STATES = ("paid", "free", "invoiced")


def is_member_today(state, stop, today):
    """Whether a household with membership ``state`` ending on ``stop`` (a
    date or False) is a member on ``today``."""
    if state not in MEMBER_STATES:
        return False
    return state == "free" or not stop or stop >= today
