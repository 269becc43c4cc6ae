"""SQLAlchemy models. Importing this package registers every table on `Base.metadata`."""

from asb_core.models.agency import Agency, Principal
from asb_core.models.audit import AuditChainHead, AuditEvent
from asb_core.models.base import Base

__all__ = ["Agency", "AuditChainHead", "AuditEvent", "Base", "Principal"]
