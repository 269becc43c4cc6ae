"""Statements on parties and their restricted identity: a case's parties, one party (locked to
change it), the identities of some parties, the next label of a role, a new party, writing an
identity (with the repeat-caller digests of victims and complainants only), a party changed at
an expected version, and how many victims and complainants a case still has.

The identity values pass through here and into `party_identities` only; nothing here logs them.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.cases import repository as case_repo
from asb_core.parties.lookup_digest import address_digest, phone_digest
from asb_core.parties.models import CALLER_ROLES, Party, PartyIdentity

IDENTITY_FIELDS = ("name", "phone", "email", "address", "date_of_birth")


async def parties_of_case(
    session: AsyncSession, case_id: uuid.UUID, *, include_removed: bool = False
) -> list[Party]:
    """The case's parties in the order they were added (removed ones only when asked)."""
    stmt = select(Party).where(Party.case_id == case_id)
    if not include_removed:
        stmt = stmt.where(Party.removed_at.is_(None))
    stmt = stmt.order_by(Party.created_at, Party.id).execution_options(populate_existing=True)
    return list((await session.execute(stmt)).scalars().all())


async def party_of_case(
    session: AsyncSession, case_id: uuid.UUID, party_id: uuid.UUID, *, lock: bool = False
) -> Party | None:
    """The case's party with this id (removed or not); `lock=True` takes its row lock."""
    return await case_repo.row_of_case(session, Party, case_id, party_id, lock=lock)


async def identities(
    session: AsyncSession, party_ids: list[uuid.UUID]
) -> dict[uuid.UUID, PartyIdentity]:
    """Restricted: the identities of these parties, by party id."""
    if not party_ids:
        return {}
    rows = await session.execute(
        select(PartyIdentity).where(PartyIdentity.party_id.in_(party_ids))
        .execution_options(populate_existing=True)
    )
    return {i.party_id: i for i in rows.scalars()}


async def next_label(session: AsyncSession, case_id: uuid.UUID, role: str) -> str:
    """"Witness 2": the role and one more than the parties that ever held it on the case
    (removed ones too, so a label is never given twice). The caller holds the case lock."""
    count = (
        await session.execute(
            select(func.count()).select_from(Party).where(
                Party.case_id == case_id, Party.role == role)
        )
    ).scalar_one()
    return f"{role.replace('_', ' ').capitalize()} {count + 1}"


async def insert_party(session: AsyncSession, **values: object) -> Party:
    party = Party(id=uuid.uuid4(), version=1, **values)
    session.add(party)
    await session.flush()
    return party


def identity_values(values: dict, role: str, pepper: bytes) -> dict:
    """The columns of a party's identity row from its values (`date_of_birth` a date or None).

    Only a victim's or complainant's phone and address are digested: the repeat-caller lookup
    answers for the people who report ASB, never for whom they report."""
    caller = role in CALLER_ROLES
    return {
        **{f: values.get(f) for f in IDENTITY_FIELDS},
        "phone_digest": phone_digest(pepper, values.get("phone")) if caller else None,
        "address_digest": address_digest(pepper, values.get("address")) if caller else None,
    }


async def save_identity(
    session: AsyncSession, party_id: uuid.UUID, values: dict, role: str, pepper: bytes
) -> None:
    """Write the party's whole identity row (created if it has none)."""
    columns = identity_values(values, role, pepper)
    await session.execute(
        pg_insert(PartyIdentity)
        .values(party_id=party_id, **columns)
        .on_conflict_do_update(index_elements=["party_id"], set_=columns)
    )


async def callers_left(
    session: AsyncSession, case_id: uuid.UUID, *, other_than: uuid.UUID
) -> int:
    """How many victims and complainants, not removed, the case has besides `other_than`."""
    return (
        await session.execute(
            select(func.count()).select_from(Party).where(
                Party.case_id == case_id, Party.id != other_than,
                Party.role.in_(CALLER_ROLES), Party.removed_at.is_(None))
        )
    ).scalar_one()


async def change_party(
    session: AsyncSession, party: Party, *, expected_version: int | None, now: datetime,
    **values: object,
) -> Party:
    """Change the party row and increment its version in one UPDATE; with `expected_version`
    only that version is changed (else 412: another agency changed it first)."""
    await case_repo.bump_row(session, party, party.display_name,
                             expected_version=expected_version, now=now, **values)
    return await reload(session, party.id)


async def reload(session: AsyncSession, party_id: uuid.UUID) -> Party:
    stmt = select(Party).where(Party.id == party_id).execution_options(populate_existing=True)
    return (await session.execute(stmt)).scalar_one()

