"""Per-deployment secrets kept in the database (the repeat-caller lookup pepper)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asb_core.orm import Base


class DeploymentSecret(Base):
    __tablename__ = "deployment_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

    def __repr__(self) -> str:
        return f"<DeploymentSecret {self.name}>"
