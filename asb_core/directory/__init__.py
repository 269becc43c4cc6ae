"""The service directory: organisations and their services in the Open Referral UK shape
(organization, service, service_area, eligibility, contact, schedule, taxonomy), imported from a
council's existing directory (`asb directory import`) and searched by area, need and opening."""
