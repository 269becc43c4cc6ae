"""Registered policy versions, as plain data. Add a version by adding a module and a line here."""

from harm_model.policies import fenland_v1

POLICY_DATA = {
    fenland_v1.POLICY["version"]: fenland_v1.POLICY,
}
