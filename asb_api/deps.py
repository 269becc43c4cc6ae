"""Named dependency types for handlers: `actor: ActorDep`, `db_session: DbSession`."""

from __future__ import annotations

from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor

ActorDep = NamedDependency[Actor]
DbSession = NamedDependency[AsyncSession]
