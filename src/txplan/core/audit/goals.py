"""Goal rules: GOAL_VAGUE (no functional outcome) and GOAL_DISCONNECTED (off-diagnosis).

A goal is functional when it says what the client's life will look like: a concrete activity,
role or behaviour ("return to work", "sleep through the night", "stop drinking", "eat with the
family"). Feelings and symptom labels alone ("feel better", "reduce anxiety", "improve
relationships", "address trauma") name no outcome anyone could see.
"""

from __future__ import annotations

import re

from txplan.core.audit import suggest
from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.grammar import predicate
from txplan.core.audit.lex_domains import SHARED, core_domains_in, domains_in
from txplan.core.audit.text import whole

_BEHAVIOURS = (
    r"(?:the\s+)?(?:time\s+spent|drinking|drink|alcohol|using|use|smoking|vaping|cannabis|weed"
    r"|marijuana|drugs?|opioids?|purging|bingeing|binging|binge|binges|eating|checking|washing"
    r"|rituals|relying|naps|napping|self-harm|cutting|hitting|yelling|shouting|fighting|arguing"
    r"|arguments|fights|tantrums|outbursts|skipping|calling\s+in\s+sick|avoiding|gambling"
    r"|vomiting|restricting|counting|missing|absences|missed|lying|stealing|screaming|throwing"
    r"|leaving|late\s+fees|conflict|reassurance|seeking|isolating|staying\s+in\s+bed|biting"
    r"|picking|pulling|spending)"
)

# Concrete, observable life outcomes: any one of these makes a goal functional.
CONCRETE = re.compile(
    r"\b(?:return\w*|retrun\w*|resum\w*|re-?engag\w*|go(?:es|ing)?\s+(?:to|back|out|into|on"
    r"|through|past|for|in)|went\s+(?:to|back)|get\w*\s+(?:back|out\s+of\s+bed|up\b|ready"
    r"|dressed|to\s+(?:work|school|class)|through\s+(?:the|a|each|her|his)\s+(?:day|work|school"
    r"|shift|week))|attend\w*|driv\w*|drove|rid(?:e|es|ing)\b|fly\b|flying|travel\w*"
    r"|fall\w*\s+asleep|(?<!better\s)(?<!good\s)(?<!improved\s)(?<!quality\s)(?<!healthy\s)"
    r"(?<!improve\s)(?<!restful\s)sleep(?:s|ing)?\b(?!\s+(?:better|quality|hygiene|habits"
    r"|patterns|issues|problems|difficult))|wak(?:e|es|ing)\s+up|eat(?:s|ing)?\b(?!\s+disorder)|ate\b|cook\w*"
    r"|shower\w*|dress\w*|bath\w*|clean(?:s|ing)?\b|spend\w*|spent|play\w*|talk\w*\s+(?:about"
    r"|through|to|with|openly)|speak\w*|spoke|keep\w*|kept|hold\w*\s+(?:down|on|a\s+job|onto)"
    r"|finish\w*|complet\w*|turn\w*\s+in|hand\w*\s+in|stay\w*\s+(?:sober|off|in|at|seated|there"
    r"|with|clean|out|overnight|on|for|until|through|away|abstinent)|remain\w*\s+(?:sober|free"
    r"|abstinent|in|at|employed|clean|out|on|housed)|maintain\w*\s+(?:employment|sobriety"
    r"|abstinence|a\s+healthy\s+weight|weight|attendance|grades|a\s+job|his\s+job|her\s+job"
    r"|housing|custody|a\s+(?:steady|regular|consistent)\s+(?:routine|schedule|sleep))"
    r"|follow\w*|take\w*\s+(?:care|part|the\s+bus|the\s+train|(?:\S+\s+){0,2}(?:medication"
    r"|medications|meds|medicine|pills))|care\w*\s+for|caring\s+for|parent\w*\s+(?:consistently"
    r"|effectively|calmly|his|her|their|without)|live\w*\s+(?:independently|on\s+(?:her|his"
    r"|their)\s+own|alone|with)|leav\w*|left\s+(?:the|home|for)|visit\w*|touch\w*|walk\w*"
    r"|run\b|runs\b|running|shop\w*|order\w*|make\w*\s+(?:\w+\s+)?(?:phone\s+calls|calls"
    r"|friends|a\s+friend|decisions|meals|dinner|plans|it\s+to)|start\w*\s+(?:conversations?"
    r"|a\s+(?:job|new)|school|work|classes)|join\w*|enjoy\w*\s+(?:time|activities|meals"
    r"|outings|his|her|their|family|the)|see\w*\s+(?:friends|family|her|his|their)"
    r"|sociali[sz]\w*|date\b|dating|(?:stop\w*|quit\w*|cut\w*(?:\s+(?:down|back))?(?:\s+on)?"
    r"|reduc\w*|decreas\w*|limit\w*|lessen\w*|end)\s+"
    + _BEHAVIOURS
    + r"|abstain\w*|lose\w*\s+(?:\d+|weight|\w+\s+(?:pounds|kg|lbs))|gain\w*\s+(?:weight|\d)"
    r"|restor\w*\s+(?:a\s+)?(?:healthy\s+)?weight|handl\w*\s+(?:work|school|deadlines|tasks"
    r"|chores|responsibilities|duties|exams|the\s+(?:move|new))|settl\w*\s+into|sit\w*\s+(?:in"
    r"|through|with)|mark\w*\s+the|sort\w*|pay\w*|arriv\w*|show\w*\s+up|participat\w*"
    r"|engag\w*\s+in|volunteer\w*|answer\w*|coach\w*|study\w*|pass\w*\s+(?:classes|courses"
    r"|exams|tests|the|all|his|her)|graduat\w*|apply\w*\s+for|work\w*\s+(?:full|part|shifts?"
    r"|days|\d|regular|again|without|a\s+full)|invit\w*|call\w*|text\w*|hug\w*|share\w*\s+"
    r"(?:meals|decisions|time|a)|host\w*|exercis\w*|swim\w*|put\w*\s+(?:the\s+)?\w+\s+to\s+bed"
    r"|speak\w*\s+up|tolerat\w*\s+(?:being|crowds|the)|present\w*\s+(?:at|in|to))"
)

# Feelings, states and symptom labels: a goal built only from these has no functional outcome.
VAGUE = re.compile(
    r"\b(?:feel\w*(?:\s+(?:better|good|happ\w*|calm\w*|safe\w*|less|more|ok|okay))?|be(?:come)?\s+(?:more|less|happ\w*|better|calm\w*|healthier|in\s+control"
    r"|stable|ok|okay|whole|at\s+peace|confident|positive|organi[sz]ed|responsible|independent"
    r"|a\s+(?:better|healthier|happier|more))|happ(?:y|ier|iness)|improv\w*|enhanc\w*"
    r"|increas\w*|decreas\w*|reduc\w*|lessen\w*|lower\w*|manag\w*|cop(?:e|es|ing)\b|deal\w*"
    r"|adress\w*|address\w*|work\w*\s+(?:on|through|towards?)|process\w*|heal\w*|insight"
    r"|understand\w*|overcom\w*|achiev\w*|attain\w*|stabili[sz]\w*|strengthen\w*|build\w*"
    r"|self-?esteem|self-?confidence|self-?worth|confidence|gain\w*\s+(?:control|insight"
    r"|awareness|confidence|understanding|perspective)|control|healthier|better|adjust\w*"
    r"|let\s+go|move\s+on|closure|peace|positive|balance|quality\s+of\s+life|emotional\w*"
    r"|well-?being|wellness|explor\w*|accept\w*|grow\w*|develop\w*|regain\w*|resolv\w*|adapt\w*"
    r"|find\w*\s+(?:closure|peace|meaning|balance)|get\s+(?:better|well|over|past)"
    r"|symptoms?|issues?|dynamics|relationships?|communication|outlook|bond|less|more|choices)"
)
_VAGUE_MAIN = frozenset(
    [
        "feel",
        "be",
        "become",
        "have",
        "improve",
        "increase",
        "decrease",
        "reduce",
        "lessen",
        "lower",
        "manage",
        "cope",
        "deal",
        "address",
        "adress",
        "work",
        "process",
        "heal",
        "gain",
        "develop",
        "explore",
        "understand",
        "overcome",
        "achieve",
        "attain",
        "stabilize",
        "stabilise",
        "strengthen",
        "enhance",
        "build",
        "find",
        "regain",
        "let",
        "move",
        "accept",
        "embrace",
        "experience",
        "grow",
        "foster",
        "promote",
        "boost",
        "establish",
        "control",
        "adjust",
        "better",
        "learn",
        "resolve",
        "maintain",
        "obtain",
        "know",
        "recognize",
        "realize",
        "live",
        "adapt",
    ]
)


def is_functional(low: str) -> tuple[bool, tuple[int, int] | None]:
    """Whether a goal names a functional outcome, and the span of the vague wording if not."""
    if CONCRETE.search(low):
        return True, None
    vague = VAGUE.search(low)
    pred = predicate(low)
    main = pred.word.rstrip("sd") if pred.word.endswith(("ed", "es")) else pred.word
    if vague or main in _VAGUE_MAIN or pred.word in _VAGUE_MAIN:
        return False, vague.span() if vague else None
    return bool(pred.word), None


def judge(text: str, low: str, ctx: suggest.Context, element_id: str | None) -> list[Finding]:
    findings: list[Finding] = []
    functional, span = is_functional(low)
    judge_connection = ctx.judge_connection and bool(ctx.presentations)
    found = domains_in(low) if (judge_connection or not functional) else set()
    key = suggest.focus(ctx, found)
    if not functional:
        phrase = f"“{text[span[0] : span[1]]}”" if span else "This goal"
        findings.append(
            Finding(
                code="GOAL_VAGUE",
                severity=Severity.ERROR,
                element_id=element_id,
                field="text",
                span=span or whole(text),
                explanation=(
                    f"{phrase} names a feeling or a symptom label, not a functional outcome: it "
                    "does not say what the client will be able to do in daily life (work, school, "
                    "home, relationships), so neither you nor a reviewer can tell when it is met."
                ),
                suggestion=suggest.goal_for(key),
            )
        )
    if judge_connection:
        disconnected = _disconnected(low, found, ctx, functional)
        if disconnected is not None:
            labels = " / ".join(sorted({p.label for p in ctx.presentations}))
            findings.append(
                Finding(
                    code="GOAL_DISCONNECTED",
                    severity=Severity.ERROR,
                    element_id=element_id,
                    field="text",
                    span=disconnected,
                    explanation=(
                        f"This goal does not target any symptom or impairment of the diagnosis "
                        f"({labels}). A reviewer checks that every goal follows from the "
                        "diagnosis: tie it to the symptoms that bring the client to treatment, "
                        "or add the diagnosis that it does address."
                    ),
                    suggestion=suggest.goal_for(key),
                )
            )
    return findings


def _disconnected(
    low: str, found: set[str], ctx: suggest.Context, functional: bool
) -> tuple[int, int] | None:
    """The span of the off-diagnosis wording when the goal is disconnected, else None."""
    if found & ctx.domains:
        return None
    core = {k: v for k, v in core_domains_in(low).items() if k not in ctx.domains}
    if core:
        return min(core.values())
    if found & set(SHARED):
        return None
    if not functional:
        return None  # a vague goal with no topic at all: GOAL_VAGUE already says it
    return whole(low)
