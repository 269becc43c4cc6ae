"""Keyed digests of phone numbers and addresses, so a repeat caller can be recognised without
searching (or indexing) the restricted identity itself.

A phone number has too few possibilities for a plain hash to hide it, so the digest is an
HMAC-SHA256 under a per-deployment pepper kept in `deployment_secrets` (created by the migration).
Normalisation makes "07700 900123", "+44 7700 900123" and "07700900123" the same number, and an
address the same whatever its case, punctuation and spacing.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_pepper: bytes | None = None


def normalise_phone(value: str | None) -> str | None:
    if not value:
        return None
    digits = re.sub(r"\D", "", value)
    if digits.startswith("44") and len(digits) >= 11:
        digits = "0" + digits[2:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    return digits if len(digits) >= 6 else None


def normalise_address(value: str | None) -> str | None:
    if not value:
        return None
    words = re.sub(r"[^0-9a-z]+", " ", value.casefold()).split()
    return " ".join(words) if words else None


def digest(pepper: bytes, normalised: str | None, kind: str) -> str | None:
    if normalised is None:
        return None
    return hmac.new(pepper, f"{kind}:{normalised}".encode(), hashlib.sha256).hexdigest()


def phone_digest(pepper: bytes, phone: str | None) -> str | None:
    return digest(pepper, normalise_phone(phone), "phone")


def address_digest(pepper: bytes, address: str | None) -> str | None:
    return digest(pepper, normalise_address(address), "address")


async def load_pepper(session: AsyncSession) -> bytes:
    """The deployment's pepper; it never changes, so each process reads it once."""
    global _pepper
    if _pepper is None:
        value = (
            await session.execute(
                text("SELECT value FROM deployment_secrets WHERE name = 'lookup_pepper'")
            )
        ).scalar_one()
        _pepper = bytes.fromhex(value)
    return _pepper
