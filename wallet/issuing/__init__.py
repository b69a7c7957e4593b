"""Hosted issuing: institutions without signing infrastructure define achievements and issue them through
Passerelle, signed with their own service-held key, revocable through published status lists."""
