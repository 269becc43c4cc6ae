"""Policy ``fenland-harm-v1`` as plain data.

The question ids are stable and part of the API. Points, thresholds, targets and escalation
parameters are this area's policy: a new version is a new module like this one, registered in
``harm_model.policies``; the engine does not change.
"""

from harm_model.categories import LADDER

POLICY = {
    "version": "fenland-harm-v1",
    "title": "Fenland harm-based risk assessment, version 1",
    "thresholds": {"medium": 12, "high": 22},
    # Order matters: it is the stable tie-break for the call handler's "ask next" list.
    "questions": [
        {
            "id": "immediate_danger",
            "group": "critical",
            "text": "Is anyone in immediate danger now?",
            "answer_type": "boolean",
            "critical": True,
        },
        {
            "id": "threats_or_violence",
            "group": "critical",
            "text": "Has violence been used, or threatened, or a weapon been involved?",
            "answer_type": "boolean",
            "critical": True,
        },
        {
            "id": "self_harm_risk",
            "group": "critical",
            "text": "Has the ASB led the victim to think about self-harm or suicide?",
            "answer_type": "boolean",
            "critical": True,
        },
        {
            "id": "hostility_perceived",
            "group": "hostility",
            "text": (
                "Does the victim, or anyone else, think the behaviour is motivated by hostility "
                "towards a disability, race, religion, sexual orientation, transgender identity "
                "or another personal characteristic? Which?"
            ),
            "answer_type": "strands",
        },
        {
            "id": "disability_or_illness",
            "group": "vulnerability",
            "text": (
                "Is the victim or a household member disabled, or living with a long-term "
                "physical or mental illness?"
            ),
            "points": 3,
        },
        {
            "id": "age_vulnerable",
            "group": "vulnerability",
            "text": "Is the victim elderly or a child?",
            "points": 2,
        },
        {
            "id": "isolated",
            "group": "vulnerability",
            "text": "Does the victim live alone or have little support from family or friends?",
            "points": 2,
        },
        {
            "id": "financial_hardship",
            "group": "vulnerability",
            "text": ("Does money limit the victim's options (cannot move, cannot replace things)?"),
            "points": 1,
        },
        {
            "id": "self_perceived_vulnerable",
            "group": "vulnerability",
            "text": "Does the victim feel vulnerable?",
            "points": 2,
        },
        {
            "id": "carer_or_dependants",
            "group": "vulnerability",
            "text": "Does the victim care for someone or have dependants?",
            "points": 1,
        },
        {
            "id": "physical_health_affected",
            "group": "impact",
            "text": "Has the victim's physical health been affected?",
            "points": 3,
        },
        {
            "id": "mental_health_affected",
            "group": "impact",
            "text": "Has the victim's mental health been affected (anxiety, depression, stress)?",
            "points": 3,
        },
        {
            "id": "sleep_affected",
            "group": "impact",
            "text": "Has the victim's sleep been affected?",
            "points": 2,
        },
        {
            "id": "daily_life_affected",
            "group": "impact",
            "text": (
                "Has daily life been affected (work, school, going out, using their home or "
                "garden)?"
            ),
            "points": 2,
        },
        {
            "id": "feels_unsafe_at_home",
            "group": "impact",
            "text": "Does the victim feel unsafe at home?",
            "points": 3,
        },
        {
            "id": "considering_moving",
            "group": "impact",
            "text": "Is the victim considering moving because of the ASB?",
            "points": 2,
        },
        {
            "id": "children_affected",
            "group": "impact",
            "text": "Are children affected?",
            "points": 2,
        },
        {
            "id": "fear_of_reprisal",
            "group": "impact",
            "text": "Is the victim afraid of retaliation for reporting?",
            "points": 2,
        },
        {
            "id": "repeat",
            "group": "pattern",
            "text": (
                "Has there been more than one incident in the last 12 months, or does the victim "
                "see themselves as a repeat victim?"
            ),
            "points": 3,
        },
        {
            "id": "frequency",
            "group": "pattern",
            "text": "How often does it happen?",
            "answer_type": "frequency",
            "points": {"daily": 3, "weekly": 2, "monthly": 1, "less_often": 0},
        },
        {
            "id": "escalating",
            "group": "pattern",
            "text": "Is it getting worse?",
            "points": 3,
        },
        {
            "id": "feels_targeted",
            "group": "pattern",
            "text": (
                "Does the victim feel personally targeted, rather than it being general nuisance?"
            ),
            "points": 3,
        },
        {
            "id": "property_damage",
            "group": "pattern",
            "text": "Has property been damaged?",
            "points": 2,
        },
        {
            "id": "reported_elsewhere",
            "group": "pattern",
            "text": "Has it already been reported to another agency?",
            "points": 1,
        },
    ],
    "hostility": {
        "question": "hostility_perceived",
        "strands": [
            "disability",
            "race",
            "religion",
            "sexual_orientation",
            "transgender",
            "other",
        ],
        # Any strand: hate flag and at least this level.
        "min_level": "medium",
        # A strand together with a yes to any of these: this level.
        "with_pattern": ["feels_targeted", "repeat"],
        "with_pattern_level": "high",
    },
    "screen": [
        "immediate_danger",
        "threats_or_violence",
        "repeat",
        "feels_targeted",
        "hostility_perceived",
        "disability_or_illness",
        "reported_elsewhere",
    ],
    # Answers the hostility + offence rule reads from an assessment (behaviour that can be a crime).
    "offence_questions": ["threats_or_violence", "property_damage"],
    "targets": {
        "high": [
            {
                "kind": "first_contact",
                "amount": 1,
                "unit": "hours",
                "text": "First contact with the victim within 1 hour",
            },
            {
                "kind": "multi_agency",
                "amount": 4,
                "unit": "hours",
                "text": "Multi-agency action started within 4 hours, shared with a partner",
            },
            {
                "kind": "victim_update",
                "amount": 7,
                "unit": "days",
                "recurring": True,
                "text": "Victim kept updated every 7 days",
            },
            {
                "kind": "case_review",
                "amount": 14,
                "unit": "days",
                "recurring": True,
                "text": "Case reviewed every 14 days",
            },
        ],
        "medium": [
            {
                "kind": "first_contact",
                "amount": 24,
                "unit": "hours",
                "text": "First contact with the victim within 24 hours",
            },
            {
                "kind": "multi_agency",
                "amount": 24,
                "unit": "hours",
                "text": "Joint multi-agency approach within 24 hours",
            },
            {
                "kind": "victim_update",
                "amount": 14,
                "unit": "days",
                "recurring": True,
                "text": "Victim kept updated every 14 days",
            },
            {
                "kind": "case_review",
                "amount": 28,
                "unit": "days",
                "recurring": True,
                "text": "Case reviewed every 28 days",
            },
        ],
        "standard": [
            {
                "kind": "first_contact",
                "amount": 5,
                "unit": "working_days",
                "text": "First contact with the victim within 5 working days",
            },
            {
                "kind": "multi_agency",
                "amount": 5,
                "unit": "working_days",
                "text": "Referral for advice within 5 working days",
            },
            {
                "kind": "victim_update",
                "amount": 28,
                "unit": "days",
                "recurring": True,
                "text": "Victim kept updated every 28 days",
            },
            {
                "kind": "case_review",
                "amount": 56,
                "unit": "days",
                "recurring": True,
                "text": "Case reviewed every 56 days",
            },
        ],
    },
    "escalation": {
        # Flags list at most this many evidence incidents (the most recent ones).
        "max_evidence": 10,
        "hate-perceived": {
            "follow_up": {
                "kind": "hate_review",
                "amount": 24,
                "unit": "hours",
                "text": "Officer's hate review within 24 hours",
            },
        },
        "hate-crime": {
            "follow_up": {
                "kind": "share_with_police",
                "amount": 24,
                "unit": "hours",
                "text": "Share the case with a police agency within 24 hours",
            },
        },
        "hate-screen": {"min_severity": 3},
        "severity-rise": {
            "window_days": 30,
            "min_severity": 3,
            "follow_up": {
                "kind": "reassessment",
                "amount": 24,
                "unit": "hours",
                "text": "Reassess the victim within 24 hours",
            },
        },
        "critical-incident": {
            "raises_to": "high",
            "follow_up": {
                "kind": "first_contact",
                "amount": 1,
                "unit": "hours",
                "level": "high",
                "text": "Level high at once: first contact within 1 hour",
            },
        },
        "repeat-victim": {"window_months": 12, "min_incidents": 2},
        "case-review-eligible": {
            "window_months": 6,
            "min_complaints": 3,
            "complaint_within_months": 1,
            "hate_variant": True,
            "hate_min_incidents": 1,
            # Once an application is logged (not started by the flag itself).
            "application_targets": [
                {
                    "kind": "case_review_acknowledge",
                    "amount": 2,
                    "unit": "working_days",
                    "text": "Acknowledge the case review application within 2 working days",
                },
                {
                    "kind": "case_review_threshold_decision",
                    "amount": 15,
                    "unit": "working_days",
                    "text": "Decide whether the case review threshold is met (15 working days)",
                },
            ],
            # Once the threshold is decided met: hold the review and send its outcome.
            "outcome_targets": [
                {
                    "kind": "case_review_outcome",
                    "amount": 25,
                    "unit": "working_days",
                    "text": "Hold the review and send the applicant its outcome within 25 "
                            "working days of deciding the threshold is met",
                },
            ],
        },
    },
    "categories": LADDER,
    # Referral needs (harm_model.referrals): the vocabulary a service directory's taxonomy uses,
    # the rules from answers, flags, level and behaviour to needs, and the handover target.
    "referrals": {
        "needs": [
            {"id": "victim_advocate", "label": "Victim advocate (victims' champion)"},
            {"id": "mediation", "label": "Mediation"},
            {"id": "victim_support", "label": "Victim support / emotional support"},
            {"id": "housing_options", "label": "Housing options"},
            {"id": "mental_health", "label": "Mental health support"},
            {"id": "noise_nuisance", "label": "Noise nuisance (environmental health)"},
            {"id": "hate_crime_advocacy", "label": "Hate crime advocacy"},
            {"id": "substance_misuse", "label": "Drug and alcohol services"},
            {"id": "debt_advice", "label": "Debt and money advice"},
            {"id": "disability_support", "label": "Disability support / adult social care"},
            {"id": "befriending", "label": "Befriending and community support"},
            {"id": "domestic_abuse", "label": "Domestic abuse support (IDVA)"},
        ],
        "rules": [
            {"id": "self-harm", "need": "mental_health", "when": {"answer": "self_harm_risk"},
             "priority": 0, "urgent": True,
             "text": "The victim has thought about self-harm or suicide: urgent mental health "
                     "support"},
            {"id": "high-risk-advocate", "need": "victim_advocate", "when": {"level": "high"},
             "priority": 0,
             "text": "Every high-risk victim is offered an advocate"},
            {"id": "standard-neighbour-dispute", "need": "mediation",
             "when": {"category": ["noise", "rowdy_behaviour", "animal_nuisance"],
                      "level": "standard"},
             "priority": 1,
             "text": "Standard level with noise or a neighbour dispute: mediation first"},
            {"id": "hostility", "need": "hate_crime_advocacy", "when": {"strands": True},
             "priority": 5,
             "text": "Hostility was perceived: hate crime advocacy (a third-party reporting "
                     "centre)"},
            {"id": "hate-flag", "need": "hate_crime_advocacy", "when": {"flag": "hate-perceived"},
             "priority": 5, "text": "The case carries a hate incident flag"},
            {"id": "mental-health", "need": "mental_health",
             "when": {"answer": "mental_health_affected"}, "priority": 10,
             "text": "The victim's mental health is affected (anxiety, depression, stress)"},
            {"id": "noise", "need": "noise_nuisance", "when": {"category": ["noise"]},
             "priority": 20, "text": "Noise reported: the council's noise nuisance service"},
            {"id": "unsafe-at-home", "need": "housing_options",
             "when": {"answer": "feels_unsafe_at_home"}, "priority": 25,
             "text": "The victim feels unsafe at home: housing options"},
            {"id": "considering-moving", "need": "housing_options",
             "when": {"answer": "considering_moving"}, "priority": 30,
             "text": "The victim is considering moving: housing options"},
            {"id": "disability", "need": "disability_support",
             "when": {"answer": "disability_or_illness"}, "priority": 30,
             "text": "Disability or long-term illness in the household: disability support"},
            {"id": "age", "need": "disability_support", "when": {"answer": "age_vulnerable"},
             "priority": 35, "text": "The victim is elderly or a child: adult social care"},
            {"id": "money", "need": "debt_advice", "when": {"answer": "financial_hardship"},
             "priority": 40, "text": "Money limits the victim's options: debt and money advice"},
            {"id": "substances", "need": "substance_misuse",
             "when": {"category": ["drug_or_alcohol"]}, "priority": 45,
             "text": "Drug or alcohol related behaviour: drug and alcohol services (for the "
                     "perpetrator)"},
            {"id": "isolated", "need": "befriending", "when": {"answer": "isolated"},
             "priority": 50, "text": "The victim lives alone or has little support"},
            {"id": "every-victim", "need": "victim_support", "when": {"always": True},
             "priority": 90, "text": "Every victim is offered victim support"},
        ],
        # The receiving service should accept (or decline) a referral within this long.
        "handover": {
            "high": {"amount": 2, "unit": "working_days",
                     "text": "Referral accepted within 2 working days"},
            "medium": {"amount": 5, "unit": "working_days",
                       "text": "Referral accepted within 5 working days"},
            "standard": {"amount": 5, "unit": "working_days",
                         "text": "Referral accepted within 5 working days"},
        },
        # A directory service id every high-risk victim is offered first (an area sets it).
        "high_risk_offer": {"service_id": None, "need": "victim_advocate"},
    },
}
