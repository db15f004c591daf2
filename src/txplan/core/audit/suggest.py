"""Suggested rewrites: concrete sentences that fit the diagnosis and, in plan mode, the plan.

The templates are the project's own wording. Each is a model of the form a reviewer accepts;
the clinician individualises it. Measure thresholds follow /work/shared/reference/instruments.md
(each below its caseness cut-off: PHQ-9, PHQ-A, GAD-7 and EPDS ≤ 9, PCL-5 ≤ 30, AUDIT-C and
DAST-10 ≤ 2). An objective names a measure only where one fits the problem's presentation
(``measure_for``); otherwise it counts an observable behaviour. rewrites.py names the client
as the plan does, reads the criterion back from the text, and checks each rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from txplan.core.audit.diagnoses import Presentation
from txplan.core.audit.text import sentence_body

DEFAULT_TIMEFRAME = "within 8 weeks"


@dataclass(frozen=True)
class Context:
    """What the audit knows beyond a statement's own words."""

    presentations: tuple[Presentation, ...] = ()
    timeframe: str = DEFAULT_TIMEFRAME  # a timeframe that fits the plan's review interval
    measures_used: tuple[str, ...] = ()  # instrument ids the plan already uses
    judge_connection: bool = False  # only with a recognised diagnosis
    domains: frozenset[str] = field(default_factory=frozenset)
    # Suggestions only (detection never reads these):
    client: str = "Client"  # how the plan names the client as a subject: "Maria", "The client"
    problem: Presentation | None = None  # the presentation of the statement's own problem
    criterion_measure: str | None = None  # the objective's criterion measure, if it has one


# Which template family a symptom domain (found in the text) points to.
_DOMAIN_FOCUS = (
    ("substance", "alcohol"),
    ("eating", "eating"),
    ("ocd", "ocd"),
    ("trauma", "trauma"),
    ("panic", "panic"),
    ("social", "social"),
    ("grief", "grief"),
    ("bipolar", "bipolar"),
    ("attention", "adhd"),
    ("conduct", "conduct"),
    ("sleep", "insomnia"),
    ("worry", "anxiety"),
    ("anxiety", "anxiety"),
    ("mood", "depression"),
    ("relational", "relational"),
    ("activity", "depression"),
)

_ALIASES = {
    "perinatal": "depression",
    "adjustment_mood": "depression",
    "adjustment_anxiety": "anxiety",
    "adjustment_conduct": "conduct",
    "drugs": "alcohol",
    "nicotine": "alcohol",
    "separation": "separation",
    "family": "family",
    "borderline": "safety",
    "anger": "conduct",
    "phobia": "phobia",
}


def focus(ctx: Context, text_domains: set[str]) -> str:
    """The template family for a statement: its problem's presentation, else the primary
    diagnosis, else what the text is about."""
    if ctx.problem is not None:
        return _ALIASES.get(ctx.problem.key, ctx.problem.key)
    if ctx.presentations:
        key = ctx.presentations[0].key
        return _ALIASES.get(key, key)
    for domain, key in _DOMAIN_FOCUS:
        if domain in text_domains:
            return key
    return "generic"


GOALS = {
    "depression": "Return to work and to the activities the client has dropped, with low mood "
    "no longer keeping the client in bed or at home.",
    "anxiety": "Handle work and family responsibilities without worry taking up hours of the "
    "day or keeping the client awake.",
    "panic": "Drive, shop and use public transport alone without leaving early because of panic.",
    "social": "Speak up at work or in class and go to the social events the client now avoids.",
    "phobia": "Face the feared situation in daily life (for example walking past dogs in the "
    "park) instead of avoiding it.",
    "separation": "Go to school and stay for the whole day, and sleep in the child's own bed.",
    "trauma": "Sleep through most nights and return to the places and activities avoided since "
    "the trauma.",
    "ocd": "Leave the house and finish daily routines on time without hours spent on checking "
    "or washing.",
    "adhd": "Turn in work on time and keep track of appointments, bills and deadlines.",
    "bipolar": "Keep a steady routine of sleep, work and medication that prevents new mood "
    "episodes.",
    "alcohol": "Stay abstinent from alcohol and drugs and keep up with work and family "
    "responsibilities.",
    "insomnia": "Fall asleep and stay asleep on most nights so that the client is alert for "
    "work or school.",
    "eating": "Eat regular meals, including meals with others, without bingeing, purging or "
    "restricting.",
    "conduct": "Follow instructions at home and at school with fewer outbursts, so the child "
    "can stay in class.",
    "grief": "Return to daily routines and to the people and activities set aside since the loss.",
    "adjustment": "Keep up with work, school and home responsibilities through the change.",
    "relational": "Talk through disagreements without yelling or walking out, and spend "
    "regular time together.",
    "family": "Parent and child follow a shared routine for bedtime and homework with fewer "
    "arguments.",
    "safety": "Stay safe without self-harm and return to work or school.",
    "psychosis": "Keep up daily routines, medication and contact with family without "
    "voices or suspicious thoughts keeping the client at home.",
    "gambling": "Stop gambling and keep up with bills, work and family responsibilities.",
    "nightmares": "Sleep through most nights without nightmares and be alert for work or school.",
    "nicotine": "Stop smoking and stay smoke-free through work breaks and evenings.",
    "generic": "Return to the work, school or home routines the symptoms now get in the way of.",
}

# Measurable objectives; {tf} is the timeframe.
OBJECTIVES = {
    "depression": "Client will do at least 3 planned valued activities a week, recorded in an "
    "activity log, {tf}.",
    "anxiety": "Client will spend less than 1 hour a day worrying, recorded in a worry log, {tf}.",
    "panic": "Client will have 1 or fewer panic attacks per week, recorded in a panic log, {tf}.",
    "social": "Client will start at least one conversation with a coworker or classmate on 4 "
    "of 5 weekdays {tf}.",
    "phobia": "Client will stay in the feared situation for 10 minutes with SUDS at 30 or "
    "below {tf}.",
    "separation": "Child will separate from the parent at school drop-off with no more than 5 "
    "minutes of distress on 4 of 5 mornings {tf}.",
    "trauma": "Client will go to 3 of the places or activities avoided since the trauma each "
    "week, recorded in an avoidance log, {tf}.",
    "ocd": "Client will spend less than 1 hour a day on checking or washing, recorded in a "
    "self-monitoring log, {tf}.",
    "adhd": "Client will turn in at least 90% of assignments or work tasks on time, as recorded "
    "in a planner, {tf}.",
    "bipolar": "Client will keep a bedtime within the same 1-hour window on 6 of 7 nights, "
    "recorded on a mood and sleep chart, {tf}.",
    "alcohol": "Client will be abstinent on at least 27 of 30 days, recorded in a daily use "
    "log, {tf}.",
    "insomnia": "Client will fall asleep within 30 minutes on at least 5 of 7 nights, recorded "
    "in a sleep diary, {tf}.",
    "eating": "Client will eat three meals and two snacks on 6 of 7 days, recorded in a food "
    "log, {tf}.",
    "conduct": "Child's outbursts will decrease to 2 or fewer per week on the home behaviour "
    "chart {tf}.",
    "grief": "Client will take part in two activities a week that were set aside since the "
    "loss, recorded in an activity log, {tf}.",
    "adjustment": "Client will complete the two most pressing tasks caused by the change (for "
    "example housing forms, a new work schedule) {tf}.",
    "relational": "Arguments that escalate to shouting will drop to 1 or fewer per week, per "
    "each partner's log, {tf}.",
    "family": "Parent will praise the child's compliance at least 5 times a day, recorded on a "
    "tracking sheet, {tf}.",
    "safety": "Client will use one step of the written safety plan whenever urges to self-harm "
    "rise, recorded on a diary card, with no self-harm {tf}.",
    "psychosis": "Client will take prescribed medication on at least 6 of 7 days and keep one "
    "planned daily activity on 5 of 7 days, recorded in a daily log, {tf}.",
    "gambling": "Client will have no gambling days in at least 4 of 5 weeks, recorded in a "
    "daily log, {tf}.",
    "nightmares": "Client will have 1 or fewer nightmares a week, recorded in a sleep diary, {tf}.",
    "nicotine": "Client will smoke no cigarettes on at least 27 of 30 days, recorded in a daily "
    "log, {tf}.",
    "generic": "Client will complete one planned daily activity (a walk, a chore or a call to a "
    "friend) on at least 5 of 7 days, recorded in a daily log, {tf}.",
}

# Measure targets: instrument id → (name, highest score that meets it, consecutive times).
# Below the caseness cut-off (PHQ-9, PHQ-A, GAD-7 ≥10; EPDS ≥10 sensitive; PCL-5 31–33;
# AUDIT-C ≥3 for women; DAST-10 ≥3), twice in a row for the change measures.
MEASURE_TARGETS: dict[str, tuple[str, int, int]] = {
    "phq9": ("PHQ-9", 9, 2),
    "phq_a": ("PHQ-A", 9, 2),
    "gad7": ("GAD-7", 9, 2),
    "pcl5": ("PCL-5", 30, 2),
    "epds": ("EPDS", 9, 2),
    "audit_c": ("AUDIT-C", 2, 1),
    "dast10": ("DAST-10", 2, 1),
}
_TIMES = {
    1: "",
    2: " on two consecutive administrations",
    3: " on three consecutive administrations",
}


def _measure_template(measure: str) -> str:
    name, threshold, times = MEASURE_TARGETS[measure]
    return f"Client will score {threshold} or lower on the {name}{_TIMES[times]} {{tf}}."


# Measure-based objectives when the plan already uses (or the diagnosis calls for) a measure.
MEASURE_OBJECTIVES = {measure: _measure_template(measure) for measure in MEASURE_TARGETS}
# Measures that serve a diagnosis calling for another (adolescents: PHQ-A for PHQ-9).
SERVES = {"phq9": ("phq9", "phq_a"), "epds": ("epds", "phq9"), "audit_c": ("audit_c",)}

# Named skills that replace "coping skills" and the like.
SKILLS = {
    "depression": "scheduling one valued activity",
    "anxiety": "a 15-minute worry postponement",
    "panic": "slow diaphragmatic breathing",
    "social": "a planned conversation opener",
    "phobia": "a step on the exposure hierarchy",
    "separation": "a brave-ladder step",
    "trauma": "the 5-4-3-2-1 grounding exercise",
    "ocd": "delaying the ritual for 15 minutes",
    "adhd": "the planner check at the start of each day",
    "bipolar": "the mood and sleep chart",
    "alcohol": "urge surfing and one drink-refusal line",
    "insomnia": "leaving the bed after 20 minutes awake (stimulus control)",
    "eating": "a mechanical eating plan",
    "conduct": "the turtle technique",
    "grief": "a scheduled remembering time",
    "adjustment": "the five problem-solving steps",
    "relational": "the speaker-listener technique",
    "family": "labelled praise",
    "safety": "a step of the written safety plan",
    "psychosis": "a reality-testing question from the coping card",
    "gambling": "the urge-delay plan (wait 30 minutes and call a support person)",
    "nightmares": "rehearsing the rewritten dream script",
    "nicotine": "one written craving plan (delay, drink water, walk)",
    "generic": "paced breathing (6 breaths a minute)",
}

INTERVENTIONS = {
    "depression": "Clinician will use behavioural activation to schedule three valued "
    "activities per week, reviewing the activity log in each weekly session.",
    "anxiety": "Clinician will teach worry postponement and cognitive restructuring of "
    "catastrophic predictions, reviewing a worry log in weekly sessions.",
    "panic": "Clinician will conduct interoceptive and in vivo exposure along a graded "
    "hierarchy in weekly sessions.",
    "social": "Clinician will run graded social exposures (starting conversations, speaking in "
    "meetings) in weekly sessions, with practice assignments between sessions.",
    "phobia": "Clinician will conduct graded in vivo exposure to the feared situation in "
    "weekly sessions, using a fear hierarchy.",
    "separation": "Clinician will guide graded separation exposures with child and parent, "
    "from short drop-offs to full school days, weekly.",
    "trauma": "Clinician will deliver Cognitive Processing Therapy in 12 weekly sessions, "
    "targeting stuck points about the trauma.",
    "ocd": "Clinician will conduct exposure and response prevention for the client's checking "
    "rituals along a graded hierarchy, weekly.",
    "adhd": "Clinician will teach planner use and task breakdown in weekly CBT-for-ADHD "
    "sessions, reviewing the planner each session.",
    "bipolar": "Clinician will use interpersonal and social rhythm therapy to stabilise sleep "
    "and daily routines, reviewing a mood chart weekly.",
    "alcohol": "Clinician will use motivational interviewing and build a written relapse "
    "prevention plan covering high-risk situations and cravings, weekly.",
    "insomnia": "Clinician will deliver CBT-I (stimulus control and sleep restriction), "
    "reviewing the sleep diary in 6 weekly sessions.",
    "eating": "Clinician will provide CBT-E, starting with regular eating and weekly "
    "in-session weighing.",
    "conduct": "Clinician will coach the parents in behavioural parent training (labelled "
    "praise, consistent time-outs) in weekly sessions.",
    "grief": "Clinician will use restoration-focused behavioural activation to reintroduce "
    "two activities per week set aside since the loss.",
    "adjustment": "Clinician will teach problem-solving therapy steps and apply them to the "
    "client's two most pressing stressors, biweekly.",
    "relational": "Clinician will teach the couple the speaker-listener technique and rehearse "
    "it on a low-conflict topic in each weekly session.",
    "family": "Clinician will teach the parents labelled praise and planned ignoring, "
    "rehearsing them in role-plays during biweekly sessions.",
    "safety": "Clinician will complete a Stanley-Brown safety plan with the client and review "
    "it at every session.",
    "psychosis": "Clinician will deliver CBT for psychosis, testing the client's suspicious "
    "beliefs against evidence with a thought record, and coordinate with the prescriber "
    "monthly.",
    "gambling": "Clinician will use motivational interviewing and CBT for gambling to build a "
    "written relapse prevention plan (money limits, self-exclusion), weekly.",
    "nightmares": "Clinician will deliver imagery rehearsal therapy for the recurring "
    "nightmares, reviewing a sleep diary in each weekly session.",
    "nicotine": "Clinician will use motivational interviewing to set a quit date and build a "
    "written craving plan, coordinating nicotine replacement with the prescriber, weekly.",
    "generic": "Clinician will use problem-solving therapy to target the client's most "
    "impairing daily difficulty, reviewing a daily activity log in each weekly session.",
}


# Suggestions as the plan writes them ---------------------------------------------------------

_ROLE_WORDS_TEXT = (
    "client clients clinician therapist counselor counsellor patient parent parents child "
    "children mother father mom dad mum family couple partner partners she he they we i it "
    "this that the staff provider writer student teen member team psychiatrist prescriber "
    "each both between within by after before over every during at in on once when if "
    "attend practice practise complete use identify"
)
_ROLE_WORDS = frozenset(_ROLE_WORDS_TEXT.split())
_PROPER_SUBJECT = re.compile(r"^([A-Z][a-z]+)\s+(?:will|shall|agrees|can|is|has)\b")


def _fill(template: str, tf: str) -> str:
    """A template with its timeframe; with none (the objective's date field carries it) the
    sentence closes cleanly."""
    text = template.format(tf=tf)
    text = re.sub(r"\s*,?\s*\.$", ".", text.strip())
    return re.sub(r"\s{2,}", " ", re.sub(r",\s*,", ",", text))


def goal_for(key: str) -> str:
    return GOALS.get(key, GOALS["generic"])


def presentation_of(ctx: Context) -> Presentation | None:
    if ctx.problem is not None:
        return ctx.problem
    return ctx.presentations[0] if ctx.presentations else None


def measure_for(ctx: Context) -> str | None:
    """The instrument an objective suggestion should name: one that fits the problem's
    presentation (its own criterion's measure, one the plan already uses, or the one the
    diagnosis calls for), else None (then the suggestion counts a behaviour instead)."""
    presentation = presentation_of(ctx)
    if presentation is None or presentation.measure is None:
        return None
    fits = SERVES.get(presentation.measure, (presentation.measure,))
    for measure in (ctx.criterion_measure, *ctx.measures_used):
        if measure in fits and measure in MEASURE_OBJECTIVES:
            return measure
    return presentation.measure if presentation.measure in MEASURE_OBJECTIVES else None


def objective_for(key: str, ctx: Context) -> str:
    """A measurable objective for the problem: its presentation's measure where one fits, else
    a behaviour count for the presentation."""
    measure = measure_for(ctx)
    template = MEASURE_OBJECTIVES[measure] if measure else OBJECTIVES.get(key)
    return _fill(template or OBJECTIVES["generic"], ctx.timeframe)


def skill_for(key: str) -> str:
    return SKILLS.get(key, SKILLS["generic"])


# Words left dangling before a generic object once a named skill replaces it ("3 coping
# strategies" → "the 5-4-3-2-1 grounding exercise", not "3 the 5-4-3-2-1 …").
_DANGLING = re.compile(
    r"(?:\b(?:a|an|the|some|any|his|her|their|my|your|healthy|new|positive|helpful|different"
    r"|\d+|one|two|three|four|five|several|few)\s+)+$",
    re.IGNORECASE,
)


def with_skill(text: str, span: tuple[int, int], skill: str) -> str:
    """The objective with its generic object (``span``) replaced by a named skill."""
    before = _DANGLING.sub("", text[: span[0]])
    return before + skill + text[span[1] :]


def intervention_for(key: str) -> str:
    return INTERVENTIONS.get(key, INTERVENTIONS["generic"])


def beside_client_task(task: str, ctx: Context) -> str:
    """An intervention for a statement that only says what the client does: the clinician's
    part first, the client's task kept as the between-session part."""
    task = sentence_body(task)
    first = task.split(" ", 1)[0]
    keep = first == "I" or (
        _PROPER_SUBJECT.match(task) is not None and first.lower() not in _ROLE_WORDS
    )
    if not keep:
        task = task[:1].lower() + task[1:]
    return (
        "Clinician will teach and rehearse this in weekly sessions and review the client's "
        f"practice log at each session; between sessions: {task}."
    )
