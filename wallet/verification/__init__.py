"""Verification: one result with many checks, in one vocabulary across every credential format."""
