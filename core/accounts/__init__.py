"""Accounts: users, external identities, OAuth clients, refresh tokens, and the token service."""
