"""asb_core: the multi-agency ASB casework domain on PostgreSQL.

Entities, services (one transaction each), the access policy, the audit log and the migrations.
It imports `harm_model` for the rules and never imports `asb_api`.
"""
