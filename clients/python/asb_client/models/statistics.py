from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.statistics_period import StatisticsPeriod
    from ..models.statistics_suppression import StatisticsSuppression
    from ..models.statistics_tables import StatisticsTables


T = TypeVar("T", bound="Statistics")


@_attrs_define
class Statistics:
    """
    Attributes:
        generated_at (datetime.datetime):
        period (StatisticsPeriod):
        suppression (StatisticsSuppression):
        tables (StatisticsTables):
    """

    generated_at: datetime.datetime
    period: StatisticsPeriod
    suppression: StatisticsSuppression
    tables: StatisticsTables

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        period = self.period.to_dict()

        suppression = self.suppression.to_dict()

        tables = self.tables.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "generated_at": generated_at,
                "period": period,
                "suppression": suppression,
                "tables": tables,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statistics_period import StatisticsPeriod  # noqa: PLC0415
        from ..models.statistics_suppression import StatisticsSuppression  # noqa: PLC0415
        from ..models.statistics_tables import StatisticsTables  # noqa: PLC0415

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        period = StatisticsPeriod.from_dict(d.pop("period"))

        suppression = StatisticsSuppression.from_dict(d.pop("suppression"))

        tables = StatisticsTables.from_dict(d.pop("tables"))

        statistics = cls(
            generated_at=generated_at,
            period=period,
            suppression=suppression,
            tables=tables,
        )

        return statistics
