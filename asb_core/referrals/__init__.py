"""Referrals of a case's victim to a directory service: suggested services, consent, what is
shared, the states a referral goes through and its handover target."""
