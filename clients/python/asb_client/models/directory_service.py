from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.directory_service_status import DirectoryServiceStatus

if TYPE_CHECKING:
    from ..models.directory_service_attributes_item import DirectoryServiceAttributesItem
    from ..models.directory_service_contacts_item import DirectoryServiceContactsItem
    from ..models.directory_service_organization import DirectoryServiceOrganization
    from ..models.directory_service_referral import DirectoryServiceReferral
    from ..models.directory_service_schedules_item import DirectoryServiceSchedulesItem
    from ..models.directory_service_service_areas_item import DirectoryServiceServiceAreasItem


T = TypeVar("T", bound="DirectoryService")


@_attrs_define
class DirectoryService:
    """A service in the Open Referral UK shape (ORUK 3 names), with how a referral reaches it.

    Attributes:
        id (UUID):
        oruk_id (str): The id the directory gave it.
        name (str):
        description (None | str):
        url (None | str):
        email (None | str):
        status (DirectoryServiceStatus):
        organization (DirectoryServiceOrganization):
        service_areas (list[DirectoryServiceServiceAreasItem]):
        eligibility_description (None | str):
        minimum_age (int | None):
        maximum_age (int | None):
        contacts (list[DirectoryServiceContactsItem]):
        schedules (list[DirectoryServiceSchedulesItem]):
        attributes (list[DirectoryServiceAttributesItem]): The needs it meets, as taxonomy terms.
        needs (list[str]):
        out_of_hours (bool): Opens outside Monday to Friday 09:00-17:00.
        referral (DirectoryServiceReferral):
    """

    id: UUID
    oruk_id: str
    name: str
    description: None | str
    url: None | str
    email: None | str
    status: DirectoryServiceStatus
    organization: DirectoryServiceOrganization
    service_areas: list[DirectoryServiceServiceAreasItem]
    eligibility_description: None | str
    minimum_age: int | None
    maximum_age: int | None
    contacts: list[DirectoryServiceContactsItem]
    schedules: list[DirectoryServiceSchedulesItem]
    attributes: list[DirectoryServiceAttributesItem]
    needs: list[str]
    out_of_hours: bool
    referral: DirectoryServiceReferral

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        oruk_id = self.oruk_id

        name = self.name

        description: None | str
        description = self.description

        url: None | str
        url = self.url

        email: None | str
        email = self.email

        status = self.status.value

        organization = self.organization.to_dict()

        service_areas = []
        for service_areas_item_data in self.service_areas:
            service_areas_item = service_areas_item_data.to_dict()
            service_areas.append(service_areas_item)

        eligibility_description: None | str
        eligibility_description = self.eligibility_description

        minimum_age: int | None
        minimum_age = self.minimum_age

        maximum_age: int | None
        maximum_age = self.maximum_age

        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        schedules = []
        for schedules_item_data in self.schedules:
            schedules_item = schedules_item_data.to_dict()
            schedules.append(schedules_item)

        attributes = []
        for attributes_item_data in self.attributes:
            attributes_item = attributes_item_data.to_dict()
            attributes.append(attributes_item)

        needs = self.needs

        out_of_hours = self.out_of_hours

        referral = self.referral.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "oruk_id": oruk_id,
                "name": name,
                "description": description,
                "url": url,
                "email": email,
                "status": status,
                "organization": organization,
                "service_areas": service_areas,
                "eligibility_description": eligibility_description,
                "minimum_age": minimum_age,
                "maximum_age": maximum_age,
                "contacts": contacts,
                "schedules": schedules,
                "attributes": attributes,
                "needs": needs,
                "out_of_hours": out_of_hours,
                "referral": referral,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.directory_service_attributes_item import DirectoryServiceAttributesItem  # noqa: PLC0415
        from ..models.directory_service_contacts_item import DirectoryServiceContactsItem  # noqa: PLC0415
        from ..models.directory_service_organization import DirectoryServiceOrganization  # noqa: PLC0415
        from ..models.directory_service_referral import DirectoryServiceReferral  # noqa: PLC0415
        from ..models.directory_service_schedules_item import DirectoryServiceSchedulesItem  # noqa: PLC0415
        from ..models.directory_service_service_areas_item import DirectoryServiceServiceAreasItem  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        oruk_id = d.pop("oruk_id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        status = DirectoryServiceStatus(d.pop("status"))

        organization = DirectoryServiceOrganization.from_dict(d.pop("organization"))

        service_areas = []
        _service_areas = d.pop("service_areas")
        for service_areas_item_data in _service_areas:
            service_areas_item = DirectoryServiceServiceAreasItem.from_dict(service_areas_item_data)

            service_areas.append(service_areas_item)

        def _parse_eligibility_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        eligibility_description = _parse_eligibility_description(d.pop("eligibility_description"))

        def _parse_minimum_age(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        minimum_age = _parse_minimum_age(d.pop("minimum_age"))

        def _parse_maximum_age(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        maximum_age = _parse_maximum_age(d.pop("maximum_age"))

        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:
            contacts_item = DirectoryServiceContactsItem.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        schedules = []
        _schedules = d.pop("schedules")
        for schedules_item_data in _schedules:
            schedules_item = DirectoryServiceSchedulesItem.from_dict(schedules_item_data)

            schedules.append(schedules_item)

        attributes = []
        _attributes = d.pop("attributes")
        for attributes_item_data in _attributes:
            attributes_item = DirectoryServiceAttributesItem.from_dict(attributes_item_data)

            attributes.append(attributes_item)

        needs = cast(list[str], d.pop("needs"))

        out_of_hours = d.pop("out_of_hours")

        referral = DirectoryServiceReferral.from_dict(d.pop("referral"))

        directory_service = cls(
            id=id,
            oruk_id=oruk_id,
            name=name,
            description=description,
            url=url,
            email=email,
            status=status,
            organization=organization,
            service_areas=service_areas,
            eligibility_description=eligibility_description,
            minimum_age=minimum_age,
            maximum_age=maximum_age,
            contacts=contacts,
            schedules=schedules,
            attributes=attributes,
            needs=needs,
            out_of_hours=out_of_hours,
            referral=referral,
        )

        return directory_service
