"""INT_DX_MISMATCH: an intervention whose named method belongs to a disorder the plan has no
diagnosis or problem for (ERP on a plan with no obsessive-compulsive presentation).

``METHODS`` is the table: a method's pattern → the presentation families it is indicated for.
``FAMILIES`` says how a plan shows a family: ICD-10-CM code prefixes, words in the diagnoses,
problems, goals, objectives, presenting problem and medical necessity, and the drafting
library's area ids. Only methods that are specific to a few presentations are listed; broad
methods (CBT, DBT skills, mindfulness, motivational interviewing, relaxation, behavioural
activation) fit many and are never judged here.

Indications follow the guidelines the drafting library cites: NICE CG31 (ERP for OCD and body
dysmorphic disorder), VA/DoD 2023 PTSD (CPT, PE, EMDR, written exposure therapy, narrative
exposure; TF-CBT for children), AASM 2021 (CBT-I, sleep restriction, stimulus control), NICE
NG69 (CBT-ED/CBT-E, family therapy for anorexia/bulimia in young people), SAMHSA TIP 63 (MOUD:
buprenorphine, methadone, naltrexone), AACAP and NICE NG87 (parent training, PCIT for disruptive
behaviour), Barlow's panic control treatment (interoceptive exposure), IPSRT for bipolar
disorder, habit reversal / CBIT for tics and body-focused repetitive behaviours.

Severity: warning. The method may be right for a presentation the clinician has not coded
(checking rituals in a depressed client): that needs a judgement, and the fix is to add the
diagnosis or the problem, or to choose the method the plan's presentations call for. A reviewer
asks why a plan for depression delivers ERP, but the plan is not unusable for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from txplan.core.audit.findings import Finding, Severity
from txplan.core.plan import Intervention, Plan


@dataclass(frozen=True)
class Family:
    label: str  # said to a clinician
    codes: tuple[str, ...]  # ICD-10-CM prefixes
    words: str  # regex over the plan's presentation text (lower case)
    areas: tuple[str, ...]  # drafting-library area ids


FAMILIES: dict[str, Family] = {
    "ocd": Family(
        "obsessive-compulsive or related disorder",
        ("F42", "F45.22", "F63.3", "L98.1"),
        r"obsess|compuls|\bocd\b|hoard|body dysmorph|trichotillo|skin[\s-]picking|excoriation"
        r"|checking|intrusive thought|ritual",
        ("ocd",),
    ),
    "health_anxiety": Family(
        "health anxiety",
        ("F45.21", "F45.41"),
        r"health anxiety|illness anxiety",
        ("health_anxiety",),
    ),
    "trauma": Family(
        "trauma- or stressor-related disorder",
        ("F43.0", "F43.1", "F43.8", "F94.1", "Z91.4", "Z62.81", "T74", "T76"),
        r"trauma|ptsd|post-?\s?traumatic|acute stress|assault|abused|nightmare|flashback"
        r"|(?:physical|sexual|emotional|childhood|domestic) abuse",
        ("ptsd", "acute_stress", "nightmares"),
    ),
    "sleep": Family(
        "sleep problem",
        ("F51", "G47"),
        r"insomnia|\bsleep|\bawake|\bwak(?:e|es|ing)\b|nightmare",
        ("insomnia", "nightmares"),
    ),
    "eating": Family(
        "eating disorder",
        ("F50",),
        r"anorexi|bulimi|binge|eating disorder|purg|restrict\w* (?:eating|food|intake)|arfid"
        r"|\bbody image disturb",
        ("anorexia", "bulimia", "binge_eating"),
    ),
    "opioid": Family(
        "opioid use disorder",
        ("F11", "T40.0", "T40.1", "T40.2", "T40.4"),
        r"opioid|opiate|heroin|fentanyl|oxycodone|hydrocodone|percocet",
        ("opioid_use",),
    ),
    "alcohol": Family("alcohol use disorder", ("F10",), r"alcohol|drink", ("alcohol_use",)),
    "child_behaviour": Family(
        "child behaviour or parenting problem",
        ("F90", "F91", "F84", "F94", "Z62", "Z63.8"),
        r"oppositional|defian|tantrum|conduct (?:problem|disorder)|disruptive|adhd|hyperactiv"
        r"|meltdown|noncomplian|autis|parent-child|behaviou?r (?:problem|at home|at school)",
        (
            "child_adhd",
            "odd_conduct",
            "parenting_stress",
            "autism_social",
            "school_refusal",
            "family_conflict",
            "separation_anxiety",
        ),
    ),
    "panic_anxiety": Family(
        "panic or anxiety disorder",
        ("F40", "F41", "F93", "F43.22", "F45.2"),
        r"panic|anxi|phobi|agoraphob|fear|worry",
        (
            "panic",
            "generalized_anxiety",
            "social_anxiety",
            "specific_phobia",
            "separation_anxiety",
            "health_anxiety",
        ),
    ),
    "bipolar": Family(
        "bipolar disorder",
        ("F30", "F31", "F34.0"),
        r"bipolar|mania|manic|hypomani|cyclothym",
        ("bipolar_maintenance",),
    ),
    "psychosis": Family(
        "psychotic disorder",
        ("F20", "F21", "F22", "F23", "F25", "F28", "F29"),
        r"psychos|psychotic|schizo|delusion|hallucinat|voices",
        ("psychosis",),
    ),
    "tics_bfrb": Family(
        "tic disorder or body-focused repetitive behaviour",
        ("F95", "F63.3", "F42.4", "L98.1"),
        r"\btics?\b|tourette|trichotillo|hair[\s-]pulling|skin[\s-]picking|nail[\s-]biting",
        (),
    ),
    "gambling": Family("gambling disorder", ("F63.0", "Z72.6"), r"gambl|betting", ("gambling",)),
}

# Method → the families it is indicated for. The pattern is searched in the intervention's
# text, method and modality (lower case).
METHODS: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (name, pattern, frozenset(families.split()))
    for name, pattern, families in (
        (
            "exposure and response prevention (ERP)",
            r"\berp\b|\bex/rp\b|exposure (?:and|with|&) (?:ritual |response )?prevention"
            r"|response prevention",
            "ocd health_anxiety eating",
        ),
        (
            "cognitive processing therapy (CPT)",
            r"cognitive processing therapy|\bcpt\b(?!\s*(?:code\s*)?#?\s*\d)",
            "trauma",
        ),
        ("prolonged exposure (PE)", r"prolonged exposure", "trauma"),
        ("EMDR", r"\bemdr\b|eye movement desensiti[sz]ation", "trauma"),
        ("written exposure therapy", r"written exposure therapy|\bwet\b protocol", "trauma"),
        ("narrative exposure therapy", r"narrative exposure|\bnet\b protocol", "trauma"),
        ("trauma-focused CBT", r"\btf-?cbt\b|trauma[\s-]focused (?:cbt|cognitive)", "trauma"),
        ("imagery rehearsal therapy", r"imagery rehearsal|image rehearsal", "trauma sleep"),
        (
            "CBT for insomnia (CBT-I)",
            r"\bcbt-?i\b|cbt for insomnia|cognitive behaviou?ral therapy for insomnia"
            r"|sleep restriction"
            r"|stimulus control (?:for|of|to) (?:\w+ ){0,2}(?:sleep|insomnia|bed)",
            "sleep",
        ),
        (
            "enhanced CBT for eating disorders (CBT-E)",
            r"\bcbt-?e\b|enhanced (?:cbt|cognitive behaviou?ral)|cbt-?ed\b",
            "eating",
        ),
        ("family-based treatment (FBT)", r"family[\s-]based treatment|\bfbt\b|maudsley", "eating"),
        (
            "medication for opioid use disorder (MOUD)",
            r"\bmoud\b|medications? for opioid use|buprenorphine|suboxone|methadone",
            "opioid",
        ),
        ("naltrexone", r"naltrexone|vivitrol", "opioid alcohol"),
        ("acamprosate or disulfiram", r"acamprosate|disulfiram|antabuse", "alcohol"),
        (
            "parent-child interaction therapy (PCIT)",
            r"\bpcit\b|parent[\s-]child interaction therapy",
            "child_behaviour",
        ),
        (
            "behavioural parent training",
            r"parent management training|behaviou?ral parent training|\btriple p\b"
            r"|incredible years",
            "child_behaviour",
        ),
        ("interoceptive exposure", r"interoceptive", "panic_anxiety health_anxiety trauma"),
        (
            "interpersonal and social rhythm therapy (IPSRT)",
            r"\bipsrt\b|social rhythm",
            "bipolar",
        ),
        (
            "CBT for psychosis (CBTp)",
            r"\bcbt-?p\b|cbt for psychosis|coordinated specialty",
            "psychosis",
        ),
        (
            "habit reversal training",
            r"habit reversal|\bhrt\b|\bcbit\b|comprehensive behaviou?ral intervention for tics",
            "tics_bfrb ocd",
        ),
        ("Gamblers Anonymous or self-exclusion", r"gamblers anonymous|self-exclusion", "gambling"),
    )
)
_COMPILED = tuple((name, re.compile(p), families) for name, p, families in METHODS)
_FAMILY_WORDS = {key: re.compile(f.words) for key, f in FAMILIES.items()}


def _presentation_text(plan: Plan) -> str:
    parts = [f"{d.code} {d.description}" for d in plan.diagnoses]
    parts += [plan.presenting_problem, *plan.medical_necessity.symptoms]
    parts += [i.description for i in plan.medical_necessity.impairments]
    for problem in plan.problems:
        parts += [problem.title, problem.description, problem.client_words]
        for goal in problem.goals:
            parts += [goal.text, goal.client_words]
            parts += [o.text for o in goal.objectives]
    return " ".join(parts).lower()


def plan_families(plan: Plan) -> set[str]:
    """The presentation families the plan's diagnoses, problems and necessity document."""
    text = _presentation_text(plan)
    codes = [d.code.upper() for d in plan.diagnoses]
    areas = {
        e.origin.library_id.split(".")[0].split("#")[0]
        for e in plan.elements()
        if e.origin is not None and not isinstance(e, Intervention)
    }
    found: set[str] = set()
    for key, family in FAMILIES.items():
        if (
            any(c.startswith(family.codes) for c in codes)
            or areas & set(family.areas)
            or _FAMILY_WORDS[key].search(text)
        ):
            found.add(key)
    return found


def check(plan: Plan) -> list[Finding]:
    interventions = [i for o in plan.objectives() for i in o.interventions]
    if not interventions:
        return []
    families: set[str] | None = None  # computed once, only when a listed method appears
    out: list[Finding] = []
    for intervention in interventions:
        low = intervention.text.lower()
        tags = f"{intervention.method} {intervention.modality}".lower()
        for name, pattern, allowed in _COMPILED:
            match = pattern.search(low)
            if match is None and not pattern.search(tags):
                continue
            if families is None:
                families = plan_families(plan)
            if allowed & families:
                continue
            labels = " or ".join(sorted(FAMILIES[f].label for f in allowed))
            out.append(
                Finding(
                    "INT_DX_MISMATCH",
                    Severity.WARNING,
                    element_id=intervention.id,
                    field="text",
                    span=match.span() if match else None,
                    explanation=(
                        f"This intervention uses {name}, a method for {labels}, but the plan "
                        "has no diagnosis or problem of that kind. A reviewer asks why the "
                        "treatment does not follow from the documented presentation."
                    ),
                    suggestion=(
                        "Add the diagnosis or problem this method treats, or choose a method "
                        "indicated for the plan's diagnoses."
                    ),
                )
            )
            break  # one finding per intervention
    return out
