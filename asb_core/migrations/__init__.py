"""Alembic migrations for the casework schema (run with `asb db upgrade`)."""
