"""Interventions against the behaviour: the ASB, Crime and Policing Act 2014 toolkit."""
