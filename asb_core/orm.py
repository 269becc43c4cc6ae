"""Declarative base, naming convention and the column and constraint helpers the models share."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, Identity, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every timestamp is timestamptz; times are stored and compared in UTC.
    type_annotation_map = {datetime: DateTime(timezone=True)}


def utcnow() -> datetime:
    return datetime.now(UTC)


def uuid_pk() -> Mapped[uuid.UUID]:
    return mapped_column(primary_key=True, default=uuid.uuid4)


def identity_pk() -> Mapped[int]:
    """A bigint primary key the database numbers in insert order (GENERATED ALWAYS)."""
    return mapped_column(BigInteger, Identity(always=True), primary_key=True)


def created_at_column() -> Mapped[datetime]:
    return mapped_column(default=utcnow, server_default=func.now())


def case_fk(**kw: Any) -> Mapped[Any]:
    """The case a row belongs to; the row goes with the case."""
    return mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), **kw)


def agency_fk(**kw: Any) -> Mapped[Any]:
    """An agency; nullable exactly when the annotation says `uuid.UUID | None`."""
    return mapped_column(ForeignKey("agencies.id"), **kw)


def sql_in(column: str, values: tuple[str, ...]) -> str:
    """`column IN ('a', 'b')`, for check constraints."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    """A check constraint, named after `column`, that it holds one of `values`."""
    return CheckConstraint(sql_in(column, values), name=column)
