"""Load a synthetic region at scale for the benchmarks: cases, members, parties, assessments,
diary entries with their incidents, the folded escalation state, flags, targets and the timeline.

Defaults: 1,000,000 cases over 10 areas and 30 agencies, 5,000,000 diary entries, a few "heavy"
cases with 10,000 entries each, the rest skewed (log-normal; most cases have a handful, some
hundreds). Deterministic from `--seed` and `--now` (the moment the region is "as of").

Fast: rows are generated in Python (`random.Random(seed)`) in batches and streamed with asyncpg's
binary COPY (`copy_records_to_table`) while the next batch is generated in a thread; plain
secondary indexes are dropped for the load and rebuilt after it; triggers (the webhook outbox,
foreign-key checks) are off for the loading session (`session_replication_role = replica`), which
is safe because every row is consistent by construction. Finally VACUUM ANALYZE.

Consistent with what the services expect: `cases.version`, `risk_level` = the assessment's level
raised by critical incidents (with a `level_change` event), one membership per member agency,
the victim party, each diary entry's incident, `case_escalation_states` folded by
`harm_model.fold` over the case's real incidents, the open flags that state raises (with their
follow-up targets), level targets with plausible states, `case_events` for the timeline (case
opened, assessment, one per diary entry, flags, level change, closed) and the reference
counters. No audit rows: seeded history has none (new writes start each case's chain).

Usage (a dedicated database; `--recreate` drops and creates it, then migrates):

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/asb_bench \\
        .venv/bin/python bench/seed_scale.py --recreate [--cases 1000000 --entries 5000000]

Writes a `bench_seed` table (seed parameters, the agency whose caseworker the query benchmark
uses, the heavy case ids) for `bench/queries.py` and `bench/ingest.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import math
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402

import harm_model as hm  # noqa: E402

POLICY = hm.DEFAULT_POLICY_VERSION
DEFAULT_NOW = "2026-11-25T00:00:00+00:00"
YEARS = 5

# (slug, weight): how the region's cases split between its ten areas (skewed, as real districts).
AREAS = [
    ("fenland", 0.16), ("cambridge", 0.14), ("peterborough", 0.12), ("huntingdonshire", 0.11),
    ("east-cambs", 0.10), ("south-cambs", 0.09), ("kings-lynn", 0.08), ("breckland", 0.08),
    ("north-herts", 0.065), ("bedford", 0.055),
]
# The council of this area is a member of about 1/30 of all cases: its caseworker is the one the
# query benchmark uses, and the heavy cases are its cases.
BENCH_AREA = 8
POLICE = [("cambs-police", range(0, 6)), ("norfolk-police", range(6, 8)),
          ("herts-police", range(8, 9)), ("beds-police", range(9, 10))]
VICTIM_SERVICES = [("victim-support-north", range(0, 5)), ("victim-support-south", range(5, 10)),
                   ("mediation-east", range(0, 10))]
HEALTH = [("nhs-cambs-mh", range(0, 6)), ("nhs-norfolk-mh", range(6, 8)),
          ("nhs-beds-mh", range(8, 10))]

CATEGORY_WEIGHTS = {
    "litter": 4, "fly_tipping": 4, "abandoned_vehicle": 2, "graffiti": 3, "noise": 30,
    "rowdy_behaviour": 15, "animal_nuisance": 5, "vehicle_nuisance": 6, "drug_or_alcohol": 6,
    "verbal_abuse": 8, "intimidation": 5, "harassment": 5, "threats": 2.5,
    "criminal_damage": 3, "offensive_graffiti": 1, "assault": 0.6, "arson": 0.1, "weapon": 0.3,
}
STRANDS = ["race", "race", "race", "disability", "religion", "sexual_orientation", "transgender"]
WHAT = [
    "Loud music from next door until 3am.", "Group shouting in the car park.",
    "Rubbish dumped by the garden wall.", "Dog barking all evening.",
    "Motorbikes revving on the estate.", "Shouted abuse at me on the stairs.",
    "Stood outside my window staring.", "Eggs thrown at the front door.",
    "Car scratched overnight.", "Graffiti on the fence.", "Threatened me in the street.",
    "Banging on the wall for an hour.", "Drug dealing at the bus stop.",
    "Followed me to the shop.", "Fireworks pushed through the letterbox.",
]
LOCATIONS = [None, None, "Outside the flat", "Stairwell", "Car park", "Rear garden", "High Street"]
TABLES = [
    "cases", "case_members", "parties", "party_identities", "assessments", "diary_entries",
    "incidents", "case_escalation_states", "escalation_flags", "targets", "case_events",
]
COLUMNS = {
    "cases": ["id", "reference", "area", "status", "risk_level", "lead_agency_id",
              "created_by_agency_id", "created_by_principal_id", "summary", "outcome", "version",
              "opened_at", "closed_at", "updated_at"],
    "case_members": ["id", "case_id", "agency_id", "since", "invited_by_agency_id",
                     "consent_basis", "legal_basis"],
    "parties": ["id", "case_id", "role", "display_name", "description", "consent_state",
                "consent_recorded_at", "consent_legal_basis", "created_by_agency_id",
                "created_at"],
    "party_identities": ["party_id", "name", "phone", "email", "address", "date_of_birth"],
    "assessments": ["id", "case_id", "answers", "policy_version", "score", "computed_level",
                    "level", "reasons", "judgement", "assessed_at", "assessed_by_agency_id",
                    "assessed_by_principal_id"],
    "diary_entries": ["id", "case_id", "started_at", "duration_minutes", "location",
                      "what_happened", "responsible", "witnesses", "effect_on_victim",
                      "reported_to", "reported_reference", "category", "nsir_type", "severity",
                      "hostility_perceived", "hostility_perceived_by", "hostility_asked",
                      "victim_feels_targeted", "source_system", "amends", "author_agency_id",
                      "recorded_at", "acknowledged_at", "acknowledgement_reference"],
    "incidents": ["id", "case_id", "diary_entry_id", "source", "occurred_at", "reported_at",
                  "category", "nsir_type", "severity", "hostility_strands",
                  "hostility_perceived_by", "hostility_asked", "victim_feels_targeted",
                  "reported_by_agency_id", "same_as"],
    "case_escalation_states": ["case_id", "policy_version", "state", "incidents", "updated_at"],
    "escalation_flags": ["id", "case_id", "rule_id", "source", "evidence", "raised_at",
                         "cleared_at", "text", "follow_up_target_id"],
    "targets": ["id", "case_id", "kind", "level", "recurring", "started_at", "due_at", "state",
                "met_at", "met_by_agency_id", "late_reason", "closed_at", "created_at",
                "owner_agency_id"],
    "case_events": ["case_id", "at", "kind", "entity_id", "agency", "summary"],
}
LEVEL_ORDER = {"standard": 0, "medium": 1, "high": 2}
FOLLOW_UP_ALIASES = {"case_review_threshold_decision": "case_review_decision"}
LEVEL_TARGET_KINDS = ("first_contact", "multi_agency", "victim_update", "case_review")


# --- progress ---------------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, label: str, total: int, unit: str) -> None:
        self.label, self.total, self.unit = label, max(total, 1), unit
        self.done, self.start, self.last = 0, time.monotonic(), 0.0

    def update(self, n: int, force: bool = False) -> None:
        self.done += n
        now = time.monotonic()
        if not force and now - self.last < 0.5 and self.done < self.total:
            return
        self.last = now
        frac = min(self.done / self.total, 1.0)
        rate = self.done / max(now - self.start, 1e-9)
        eta = (self.total - self.done) / rate if rate > 0 else 0
        bar = "#" * int(frac * 30)
        sys.stderr.write(
            f"\r{self.label} [{bar:<30}] {frac * 100:5.1f}% {self.done:,}/{self.total:,} "
            f"{self.unit} {rate:,.0f}/s eta {eta:4.0f}s "
        )
        sys.stderr.flush()

    def close(self) -> None:
        self.update(0, force=True)
        sys.stderr.write("\n")
        sys.stderr.flush()


# --- the region -------------------------------------------------------------------------------


@dataclass
class Agency:
    id: uuid.UUID
    slug: str
    name: str
    kind: str
    areas: list[str]


@dataclass
class Region:
    agencies: list[Agency]
    councils: list[Agency]
    housing: list[Agency]
    police: list[Agency]  # by area index
    victim: list[list[Agency]]  # by area index
    health: list[Agency]  # by area index
    bench_agency: Agency


def make_region(rng: random.Random) -> Region:
    def new(slug: str, name: str, kind: str, areas: list[str]) -> Agency:
        return Agency(uuid.UUID(int=rng.getrandbits(128), version=4), slug, name, kind, areas)

    names = [a for a, _ in AREAS]
    councils = [new(f"{a}-council", f"{a.replace('-', ' ').title()} Council", "council", [a])
                for a in names]
    housing = [new(f"{a}-homes", f"{a.replace('-', ' ').title()} Homes", "housing_provider", [a])
               for a in names]
    police_by_area: list[Agency] = [None] * len(names)  # type: ignore[list-item]
    victim_by_area: list[list[Agency]] = [[] for _ in names]
    health_by_area: list[Agency] = [None] * len(names)  # type: ignore[list-item]
    others: list[Agency] = []
    for slug, idx in POLICE:
        a = new(slug, slug.replace("-", " ").title(), "police", [names[i] for i in idx])
        others.append(a)
        for i in idx:
            police_by_area[i] = a
    for slug, idx in VICTIM_SERVICES:
        a = new(slug, slug.replace("-", " ").title(), "victim_service", [names[i] for i in idx])
        others.append(a)
        for i in idx:
            victim_by_area[i].append(a)
    for slug, idx in HEALTH:
        a = new(slug, slug.upper(), "health", [names[i] for i in idx])
        others.append(a)
        for i in idx:
            health_by_area[i] = a
    agencies = councils + housing + others
    assert len(agencies) == 30, len(agencies)
    return Region(agencies, councils, housing, police_by_area, victim_by_area, health_by_area,
                  councils[BENCH_AREA])


def assessment_pool(rng: random.Random) -> dict[str, list[tuple[str, str, int, str, str]]]:
    """Real harm_model results for random answer sets, by level: (answers, reasons) JSON."""
    pool: dict[str, list] = {"standard": [], "medium": [], "high": []}
    policy = hm.get_policy()
    ids = [q.id for q in policy.questions if q.id not in ("hostility_perceived", "frequency")]
    while min(len(v) for v in pool.values()) < 40:
        answers: dict = {}
        p = rng.choice((0.1, 0.25, 0.45, 0.6))
        for qid in ids:
            r = rng.random()
            answers[qid] = None if r < 0.15 else (r < 0.15 + p * 0.85)
        if rng.random() < 0.05:
            answers["hostility_perceived"] = [rng.choice(STRANDS)]
        else:
            answers["hostility_perceived"] = []
        answers["frequency"] = rng.choice(("daily", "weekly", "monthly", "less_often"))
        for crit in ("immediate_danger", "threats_or_violence", "self_harm_risk"):
            if answers.get(crit) and rng.random() < 0.85:
                answers[crit] = False
        result = hm.assess(answers)
        d = result.to_dict()
        level = result.level.value
        if len(pool[level]) < 40:
            pool[level].append((json.dumps(d["answers"]), result.computed_level.value,
                                result.score, json.dumps(d["reasons"]), level))
    return pool


def category_table() -> list[hm.Category]:
    table: list[hm.Category] = []
    total = sum(CATEGORY_WEIGHTS.values())
    for cid, w in CATEGORY_WEIGHTS.items():
        table += [hm.CATEGORIES[cid]] * round(w / total * 1000)
    return table


def spec_delta(spec: hm.TargetSpec) -> timedelta:
    if spec.unit == "hours":
        return timedelta(hours=spec.amount)
    if spec.unit == "days":
        return timedelta(days=spec.amount)
    # Working days: about 7 calendar days per 5 (bank holidays ignored in the seed).
    return timedelta(days=math.ceil(spec.amount * 7 / 5))


SPECS = {lvl: {s.kind: s for s in hm.target_specs(lvl)} for lvl in LEVEL_ORDER}
DELTAS = {lvl: {k: spec_delta(s) for k, s in specs.items()} for lvl, specs in SPECS.items()}


# --- the plan: which case gets how many entries ----------------------------------------------


def entry_counts(rng: random.Random, cases: int, entries: int, heavy: int,
                 heavy_entries: int) -> list[int]:
    heavy = min(heavy, cases, entries // max(heavy_entries, 1))
    counts = [0] * cases
    rest_cases = cases - heavy
    rest = entries - heavy * heavy_entries
    for i in range(heavy):
        counts[i] = heavy_entries
    if rest_cases <= 0:
        return counts
    mean = rest / rest_cases
    sigma = 1.1
    mu = math.log(max(mean, 0.01)) - sigma * sigma / 2
    lognorm = rng.lognormvariate
    for i in range(heavy, cases):
        counts[i] = min(int(lognorm(mu, sigma) + 0.5), 2000)
    diff = rest - sum(counts[heavy:])
    randrange = rng.randrange
    while diff > 0:
        counts[randrange(heavy, cases)] += 1
        diff -= 1
    while diff < 0:
        i = randrange(heavy, cases)
        if counts[i] > 0:
            counts[i] -= 1
            diff += 1
    return counts


# --- generation of one batch of cases ----------------------------------------------------------


@dataclass
class Batch:
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in TABLES})
    entries: int = 0


class Generator:
    def __init__(self, args: argparse.Namespace, region: Region) -> None:
        self.rng = random.Random(args.seed)
        self.now: datetime = args.now
        self.region = region
        self.pool = assessment_pool(self.rng)
        self.cats = category_table()
        self.counts = entry_counts(self.rng, args.cases, args.entries, args.heavy,
                                   args.heavy_entries)
        self.n_heavy = sum(1 for c in self.counts[: args.heavy] if c == args.heavy_entries)
        self.heavy_ids: list[str] = []
        self.ref_counter: dict[int, int] = {}
        self.area_cum = []
        acc = 0.0
        for _, w in AREAS:
            acc += w
            self.area_cum.append(acc)
        self.empty_state_json = json.dumps(hm.empty_state(POLICY).to_json())
        self.event_summaries = {
            (c.id, h): json.dumps({"category": c.id, "severity": c.severity, "amends": None,
                                   "hostility": h})
            for c in hm.CATEGORIES.values() for h in (False, True)
        }

    def uid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128))

    def batch(self, start: int, stop: int) -> Batch:
        b = Batch()
        for i in range(start, stop):
            self.case(i, b)
        return b

    def case(self, i: int, b: Batch) -> None:  # noqa: C901 (one case, written out plainly)
        rng, rnd, now, region = self.rng, self.rng.random, self.now, self.region
        uid = self.uid
        rows = b.rows
        n_entries = self.counts[i]
        heavy = i < self.n_heavy
        area_i = BENCH_AREA if heavy else bisect.bisect_left(self.area_cum, rnd() * 0.999999)
        area = AREAS[area_i][0]
        council, homes, police = region.councils[area_i], region.housing[area_i], \
            region.police[area_i]
        # Lead agency and the others sharing the case.
        r = rnd()
        lead = council if heavy or r < 0.45 else homes if r < 0.80 else police
        members = [lead]
        for agency, p in ((council, 0.15), (homes, 0.15), (police, 0.30)):
            if agency is not lead and rnd() < p:
                members.append(agency)
        if rnd() < 0.10:
            members.append(rng.choice(region.victim[area_i]))
        if rnd() < 0.03:
            members.append(region.health[area_i])
        # Times and status.
        span = YEARS * 365 * 86400
        if heavy:
            opened = now - timedelta(days=4 * 365, seconds=rng.randrange(86400))
        else:
            opened = now - timedelta(seconds=int(rnd() * span))
        age_days = (now - opened).total_seconds() / 86400
        closed_at = None
        if not heavy and rnd() < (0.85 if age_days > 180 else 0.3 * age_days / 180):
            closed_at = min(opened + timedelta(days=rng.expovariate(1 / 120), hours=1), now)
        status = "closed" if closed_at else ("open", "active", "active", "review")[
            rng.randrange(4)]
        end = closed_at or now
        # Assessment level (real harm_model results).
        r = rnd()
        level = "high" if r < 0.08 else "medium" if r < 0.32 else "standard"
        answers, computed, score, reasons, _ = self.pool[level][rng.randrange(40)]
        case_id = self.uid()
        year = opened.year
        self.ref_counter[year] = self.ref_counter.get(year, 0) + 1
        reference = f"ASB-{year}-{self.ref_counter[year]:06d}"
        if heavy:
            self.heavy_ids.append(str(case_id))
        ev = rows["case_events"]
        ev.append((case_id, opened, "case_opened", case_id, lead.slug,
                   json.dumps({"reference": reference, "level": level})))
        # Members, the victim party, the first assessment.
        for m in members:
            since = opened if m is lead else min(opened + timedelta(days=rnd() * 20), end)
            consent = rnd() < 0.7
            rows["case_members"].append((
                self.uid(), case_id, m.id, since, None if m is lead else lead.id,
                "consent" if consent else "legal_basis",
                None if consent else "Crime and Disorder Act 1998 s115"))
            if m is not lead:
                ev.append((case_id, since, "member_added", m.id, lead.slug,
                           json.dumps({"agency": m.slug,
                                       "basis": "consent" if consent else "legal_basis"})))
        party_id = self.uid()
        consent_state = "given" if rnd() < 0.8 else "not_asked"
        rows["parties"].append((party_id, case_id, "victim", "Victim 1", None, consent_state,
                                opened, None, lead.id, opened))
        rows["party_identities"].append((party_id, f"Resident {i}", None, None, None, None))
        assessment_id = self.uid()
        rows["assessments"].append((assessment_id, case_id, answers, POLICY, score, computed,
                                    level, reasons, None, opened, lead.id, None))
        ev.append((case_id, opened, "assessment", assessment_id, lead.slug,
                   json.dumps({"level": level, "computed_level": computed, "score": score,
                               "judged": False})))
        # Diary entries, their incidents, the fold.
        state = hm.empty_state(POLICY)
        last_recorded = opened
        if n_entries:
            span_s = max((end - opened).total_seconds() - 3600, 60.0)
            offsets = sorted(rnd() * span_s for _ in range(n_entries))
            cats, fold, Incident = self.cats, hm.fold, hm.Incident
            de, inc, summaries = rows["diary_entries"], rows["incidents"], self.event_summaries
            n_members = len(members)
            for off in offsets:
                started = opened + timedelta(seconds=off)
                recorded = started + timedelta(seconds=rnd() * 36 * 3600)
                if recorded > end:
                    recorded = end
                if recorded < started:
                    recorded = started
                cat = cats[int(rnd() * len(cats))]
                hostile = rnd() < 0.02
                strands = [rng.choice(STRANDS)] if hostile else []
                by = "victim" if hostile else None
                asked = hostile or rnd() < 0.1
                vft = True if rnd() < 0.15 else (None if rnd() < 0.7 else False)
                author = members[int(rnd() * n_members)] if n_members > 1 else lead
                eid = uid()
                de.append((eid, case_id, started, None, LOCATIONS[int(rnd() * 7)],
                           WHAT[int(rnd() * 15)], None, None, None, None, None, cat.id,
                           cat.nsir, cat.severity, strands, by, asked, vft, None, None,
                           author.id, recorded, recorded, f"ACK-{eid.hex[:12].upper()}"))
                inc.append((uid(), case_id, eid, "diary_entry", started, recorded, cat.id,
                            cat.nsir, cat.severity, strands, by, asked, vft, author.id, None))
                ev.append((case_id, recorded, "diary_entry", eid, author.slug,
                           summaries[(cat.id, hostile)]))
                state = fold(state, Incident(
                    str(eid), started, recorded, cat.id, frozenset(strands), asked, vft,
                    author.slug))
                last_recorded = recorded
            b.entries += n_entries
        # Flags the state raises (as of the case's end), their follow-ups, level raised.
        case_level, version = level, 1 + rng.randrange(3)
        updated = max(last_recorded, opened)
        targets = rows["targets"]
        if n_entries:
            for flag in hm.flags(state, end):
                raised = flag.raised_at or end
                target_id = None
                spec = flag.follow_up
                if spec is not None and spec.kind not in LEVEL_TARGET_KINDS:
                    target_id = uid()
                    due = hm.due_at(spec, raised)
                    met = status == "closed" or due < now - timedelta(days=7)
                    targets.append((
                        target_id, case_id, FOLLOW_UP_ALIASES.get(spec.kind, spec.kind), None,
                        False, raised, due, "met" if met else "due",
                        raised + (due - raised) / 2 if met else None, lead.id if met else None,
                        None, None, raised, lead.id))
                flag_id = uid()
                rows["escalation_flags"].append((
                    flag_id, case_id, flag.rule_id, "incidents", list(flag.evidence), raised,
                    None, flag.text, target_id))
                ev.append((case_id, raised, "flag_raised", flag_id, lead.slug, json.dumps(
                    {"rule_id": flag.rule_id, "evidence": list(flag.evidence),
                     "text": flag.text})))
                if flag.raises_to is not None and \
                        LEVEL_ORDER[flag.raises_to.value] > LEVEL_ORDER[case_level]:
                    ev.append((case_id, raised, "level_change", None, lead.slug, json.dumps(
                        {"from": case_level, "to": flag.raises_to.value,
                         "reason": "critical incident"})))
                    case_level = flag.raises_to.value
                    version += 1
        rows["case_escalation_states"].append((
            case_id, POLICY,
            json.dumps(state.to_json()) if n_entries else self.empty_state_json,
            n_entries, updated))
        # Level targets: met when the case is closed; on open cases the one-off targets are
        # mostly met and the recurring ones run from their latest start (some past due).
        deltas = DELTAS[case_level]
        for kind in LEVEL_TARGET_KINDS:
            d = deltas[kind]
            recurring = kind in ("victim_update", "case_review")
            if recurring:
                start = last_recorded if kind == "victim_update" else opened
                if kind == "case_review":
                    periods = int((end - opened) / d)
                    start = opened + d * max(periods - (1 if rnd() < 0.3 else 0), 0)
            else:
                start = opened
            due = start + d
            if closed_at is not None:
                met_at = min(start + d * rnd(), closed_at)
                state_s, late = "met", None
            elif not recurring and rnd() < 0.93 and due < now:
                met_at = start + d * (rnd() * 1.2)
                state_s, late = "met", "out of hours backlog" if met_at > due else None
            else:
                met_at, late = None, None
                state_s = "breached" if due < now and rnd() < 0.5 else "due"
            targets.append((
                uid(), case_id, kind, case_level, recurring, start, due, state_s, met_at,
                lead.id if met_at else None, late, None, start, lead.id))
        if closed_at is not None:
            version += 2
            ev.append((case_id, closed_at, "case_closed", case_id, lead.slug,
                       json.dumps({"outcome": "resolved"})))
            updated = closed_at
        rows["cases"].append((
            case_id, reference, area, status, case_level, lead.id, lead.id, None, None,
            "resolved" if closed_at else None, version, opened, closed_at, updated))


# --- the database -----------------------------------------------------------------------------


def plain_url(url: str) -> str:
    parts = urlsplit(url)
    scheme = "postgresql" if parts.scheme.startswith("postgres") else parts.scheme
    return urlunsplit((scheme, parts.netloc, parts.path, parts.query, parts.fragment))


async def recreate_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name in ("postgres", "template0", "template1", "test"):
        raise SystemExit(f"refusing to recreate database {name!r}: name a dedicated one")
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, parts.fragment))
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    print(f"database {name} recreated", file=sys.stderr)


async def drop_plain_indexes(conn: asyncpg.Connection) -> list[str]:
    """Drop indexes not backing a constraint on the loaded tables; return their definitions."""
    rows = await conn.fetch(
        """
        SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        """,
        TABLES,
    )
    for r in rows:
        await conn.execute(f"DROP INDEX {r['name']}")
    return [r["def"] for r in rows]


async def load(args: argparse.Namespace) -> None:
    url = plain_url(args.url)
    if args.recreate:
        await recreate_database(url)
    from asb_core.embedded_pg import to_asyncpg_url
    from asb_core.migrate import upgrade_async

    await upgrade_async(to_asyncpg_url(url))
    conn = await asyncpg.connect(url)
    t_start = time.monotonic()
    try:
        if await conn.fetchval("SELECT EXISTS (SELECT 1 FROM cases)"):
            raise SystemExit("the database already has cases: use --recreate (or a fresh one)")
        await conn.execute("SET session_replication_role = replica")
        await conn.execute("SET synchronous_commit = off")
        await conn.execute("SET maintenance_work_mem = '1GB'")
        rng = random.Random(args.seed)
        region = make_region(rng)
        existing = {r["slug"] for r in await conn.fetch("SELECT slug FROM agencies")}
        await conn.copy_records_to_table(
            "agencies", columns=["id", "slug", "name", "kind", "areas", "created_at"],
            records=[(a.id, a.slug, a.name, a.kind, a.areas, args.now - timedelta(days=YEARS * 366))
                     for a in region.agencies if a.slug not in existing])
        index_defs = await drop_plain_indexes(conn)
        print(f"dropped {len(index_defs)} secondary indexes for the load", file=sys.stderr)

        gen = Generator(args, region)
        progress = Progress("cases  ", args.cases, "cases")
        loop = asyncio.get_running_loop()
        step = args.batch
        bounds = [(s, min(s + step, args.cases)) for s in range(0, args.cases, step)]
        rows_total = dict.fromkeys(TABLES, 0)
        pending = loop.run_in_executor(None, gen.batch, *bounds[0]) if bounds else None
        for k in range(len(bounds)):
            batch = await pending
            if k + 1 < len(bounds):  # generate the next batch while this one streams
                pending = loop.run_in_executor(None, gen.batch, *bounds[k + 1])
            async with conn.transaction():
                for table in TABLES:
                    records = batch.rows[table]
                    if records:
                        await conn.copy_records_to_table(table, records=records,
                                                         columns=COLUMNS[table])
                        rows_total[table] += len(records)
            progress.update(bounds[k][1] - bounds[k][0])
        progress.close()
        t_rows = time.monotonic() - t_start
        for year, last in sorted(gen.ref_counter.items()):
            await conn.execute(
                "INSERT INTO case_reference_counters (year, last) VALUES ($1, $2) "
                "ON CONFLICT (year) DO UPDATE SET last = GREATEST("
                "case_reference_counters.last, EXCLUDED.last)", year, last)

        ip = Progress("indexes", len(index_defs), "indexes")
        for d in index_defs:
            await conn.execute(d)
            ip.update(1, force=True)
        ip.close()
        vp = Progress("vacuum ", len(TABLES), "tables")
        for table in TABLES:
            await conn.execute(f"VACUUM (ANALYZE) {table}")
            vp.update(1, force=True)
        vp.close()
        bench = region.bench_agency
        member_cases = await conn.fetchval(
            "SELECT count(*) FROM case_members WHERE agency_id = $1", bench.id)
        elapsed = time.monotonic() - t_start
        info = {
            "seed": args.seed, "now": args.now.isoformat(), "cases": args.cases,
            "entries": args.entries, "rows": rows_total, "bench_agency": bench.slug,
            "bench_agency_cases": member_cases, "heavy_case_ids": gen.heavy_ids,
            "heavy_entries": args.heavy_entries, "load_seconds": round(elapsed, 1),
            "rows_seconds": round(t_rows, 1),
        }
        await conn.execute("SET session_replication_role = origin")
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS bench_seed (key text PRIMARY KEY, value jsonb NOT NULL)")
        await conn.execute(
            "INSERT INTO bench_seed VALUES ('info', $1) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", json.dumps(info))
        size = await conn.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
    finally:
        await conn.close()
    print(f"\nseeded {args.cases:,} cases, {args.entries:,} diary entries "
          f"(seed {args.seed}, as of {args.now.isoformat()})")
    for table, n in rows_total.items():
        print(f"  {table:<24} {n:>12,} rows")
    print(f"  agency {bench.slug}: member of {member_cases:,} cases "
          f"(1/{args.cases / max(member_cases, 1):.1f})")
    print(f"  heavy cases ({args.heavy_entries:,} entries each): {', '.join(gen.heavy_ids)}")
    print(f"rows generated and copied in {t_rows:.0f} s; indexes and VACUUM ANALYZE in "
          f"{elapsed - t_rows:.0f} s; total {elapsed:.0f} s; database size {size}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--entries", type=int, default=5_000_000)
    parser.add_argument("--heavy", type=int, default=5, help="cases with --heavy-entries each")
    parser.add_argument("--heavy-entries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--now", type=datetime.fromisoformat, default=DEFAULT_NOW,
                        help="the moment the region is as of (ISO 8601 with offset)")
    parser.add_argument("--batch", type=int, default=5000, help="cases per COPY batch")
    parser.add_argument("--recreate", action="store_true",
                        help="drop and create the database in DATABASE_URL first")
    parser.add_argument("--url", default=os.environ.get("DATABASE_URL"),
                        help="PostgreSQL URL (default DATABASE_URL)")
    args = parser.parse_args()
    if not args.url:
        raise SystemExit("set DATABASE_URL (or --url) to a dedicated database")
    if isinstance(args.now, str):
        args.now = datetime.fromisoformat(args.now)
    args.now = args.now.astimezone(UTC)
    asyncio.run(load(args))


if __name__ == "__main__":
    main()
