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
from txplan.core.audit.lex_domains import PEOPLE, RISK, SHARED, core_domains_in, domains_in
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
    r"|through|to|with|openly)|speak\w*|spoke|keep(?:s|ing)?\b(?!\s+(?:\w+\s+){0,3}going)(?!\s+(?:\w+\s+)?in\s+check)"
    r"|kept|hold\w*\s+(?:down|on|a\s+job|onto)"
    r"|finish\w*|complet\w*|turn\w*\s+in|hand\w*\s+in|stay\w*\s+(?:sober|off|in|at|seated|there"
    r"|with|clean|out|overnight|on|for|until|through|away|abstinent)|remain\w*\s+(?:sober|free"
    r"|abstinent|in|at|employed|clean|out|on|housed)|maintain\w*\s+(?:employment|sobriety"
    r"|abstinence|a\s+healthy\s+weight|weight|attendance|grades|a\s+job|his\s+job|her\s+job"
    r"|housing|custody|a\s+(?:steady|regular|consistent)\s+(?:routine|schedule|sleep))"
    r"|follow\w*|(?:take|taking|took)\w*\s+(?:care|part|the\s+bus|the\s+train|(?:\S+\s+){0,2}(?:medication"
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
    r"|through|with)|mark\w*\s+the|sort\w*|pay\w*(?!\s+(?:\w+\s+)?attention)|arriv\w*|show\w*\s+up|participat\w*"
    r"|engag\w*\s+in|do(?:es|ing)?\s+(?:more\s+)?(?:\w+\s+){0,2}(?:activities|chores|tasks|homework)"
    r"|volunteer\w*|answer\w*|coach\w*|study\w*|pass\w*\s+(?:classes|courses"
    r"|exams|tests|the|all|his|her)|graduat\w*|apply\w*\s+for|work\w*\s+(?:full|part|shifts?"
    r"|days|\d|regular|again|without|a\s+full)|invit\w*|call\w*|text\w*|hug\w*|share\w*\s+"
    r"(?:meals|decisions|time|a)|host\w*|exercis\w*|swim\w*|put\w*\s+(?:the\s+)?\w+\s+to\s+bed"
    r"|speak\w*\s+up|tolerat\w*\s+(?:being|crowds|the)|present\w*\s+(?:at|in|to)"
    # Behaviours named through verbs of amount or protection: "increase daily activity to a
    # paced level", "carry naloxone", "accept practical help", "decline unreasonable requests".
    r"|(?:increas|rais|build|expand|pac)\w*\s+(?:(?:her|his|their|my|the|daily|weekly)\s+)?"
    r"(?:physical\s+|daily\s+|social\s+)?(?:activity|activities|exercise|steps|walking"
    r"|outings|contact\s+with|time\s+(?:spent|outside|with))"
    r"|carr(?:y|ies|ying)\s+(?!(?:the\s+)?(?:shame|guilt|burden|weight|pain|hurt|grief)\b)"
    r"(?:a|an|the|her|his|their|my|naloxone)\b|lock\w*\s+(?:\w+\s+)?away|remov\w*\s+(?:the\s+)?(?:lethal|means"
    r"|pills|medicines|firearms?|guns?|weapons?)|block\w*|self-exclu\w*|exclud\w*\s+"
    r"|accept\w*\s+(?:\w+\s+)?(?:help|offers?|a\s+no\b|no\s+for|feedback|invitations?)"
    r"|declin\w*|refus\w*|turn\w*\s+down|say\w*\s+no\b|ask\w*\s+(?:for|her|his|their"
    r"|the|a)|state\w*\s+(?:her|his|their|my)?\s*(?:needs|views|wishes|limits)"
    r"|(?:rest|base)\w*\s+(?:(?:her|his|their|my)\s+)?self-?(?:worth|esteem|evaluation)\s+on"
    r"|(?:use|using|uses)\s+(?:the\s+|a\s+|her\s+|his\s+|their\s+|my\s+)?(?:written\s+)?"
    r"(?:safety|crisis)\s+plan|drop\w*\s+(?:\w+\s+){0,2}(?:safety\s+behaviou?rs|rituals|checking"
    r"|avoidance|reassurance)|(?:stop|quit|cut|reduc|decreas|limit)\w*\s+(?:\w+\s+)?"
    r"(?:(?:her|his|their|my)\s+)?" + _BEHAVIOURS + r")"
)

# Feelings, states and symptom labels: a goal built only from these has no functional outcome.
VAGUE = re.compile(
    r"\b(?:feel\w*(?:\s+(?:better|good|happ\w*|calm\w*|safe\w*|less|more|ok|okay))?|be(?:come)?\s+(?:more|less|happ\w*|better|calm\w*|healthier|in\s+control"
    r"|stable|ok|okay|whole|at\s+peace|confident|positive|organi[sz]ed|responsible|independent"
    r"|a\s+(?:better|healthier|happier|more))|happ(?:y|ier|iness)|improv\w*|enhanc\w*"
    r"|increas\w*|decreas\w*|reduc\w*|lessen\w*|lower\w*|manag(?!ers?\b)\w*|cop(?:e|es|ing)\b|deal\w*"
    r"|adress\w*|address\w*|work\w*\s+(?:on|through|towards?)|process\w*|heal\w*|insight"
    r"|understand\w*|overcom\w*|achiev\w*|attain\w*|stabili[sz]\w*|strengthen\w*|build\w*"
    r"|self-?esteem|self-?confidence|self-?worth|confidence|gain\w*\s+(?:control|insight"
    r"|awareness|confidence|understanding|perspective)|control|healthier|better|(?<!reasonable\s)adjust\w*"
    r"|let\s+go|move\s+on|closure|peace|positive|balance|quality\s+of\s+life|emotional\w*"
    r"|well-?being|wellness|explor\w*|accept\w*|grow\w*|develop\w*|regain\w*|resolv\w*|adapt\w*"
    r"|find\w*\s+(?:closure|peace|meaning|balance)|get\s+(?:better|well|over|past)"
    r"|symptoms?|issues?|dynamics|relationships?|communication|outlook|bond|less|more|choices"
    # Phrasings clinicians use for an inner change with no outcome: "get a handle on",
    # "come to terms with", "reclaim a sense of self", "break free from", "honour her grief".
    r"|get\w*\s+(?:a\s+handle|a\s+grip|(?:\w+\s+){1,3}(?:under\s+control|in\s+check"
    r"|back\s+on\s+track))|under\s+control|in\s+check|on\s+track|come\s+to\s+terms"
    r"|sense\s+of\s+\w+|reclaim\w*|rediscover\w*|reconnect\w*\s+with\s+(?:her|him|them|my|one)"
    r"sel\w*|break\w*\s+free|cultivat\w*|honou?r\w*|nurtur\w*|empower\w*|navigat\w*"
    r"|foster\w*|self-?(?:compassion|awareness|love|acceptance|care|discovery|image)"
    r"|(?:love|forgive|accept)\s+(?:her|him|them|my|your)sel\w*|underlying|journey|insight"
    r"|resilien\w*|mental\s+health|functioning|who\s+(?:she|he|they|i)\s+(?:is|are|am)"
    r"|shame|guilt|resentment|zest|lifestyle|new\s+normal|grip)"
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
        "relax",
        "reclaim",
        "rediscover",
        "reconnect",
        "cultivate",
        "honour",
        "honor",
        "nurture",
        "empower",
        "navigate",
        "embrace",
        "heal",
        "release",
        "value",
        "trust",
    ]
)


# Life projects, purchases and achievements: worthwhile, but no diagnosis's symptom domain.
# (A goal with the diagnosis's own words, "run a 5K to lift her mood", is connected first.)
ASPIRATION = re.compile(
    r"\b(?:buy|buys|buying|bought|purchas\w*|remodel\w*|renovat\w*|redecorat\w*|win|wins"
    r"|winning|won|save\w*\s+(?:up|enough|money|for)|pay\w*\s+off|learn\w*\s+(?:to\s+(?:speak"
    r"|play|paint|sing|code|ski|surf|knit|dance|sail)|a\s+(?:new\s+|foreign\s+)?(?:language"
    r"|instrument)|(?:french|spanish|german|italian|japanese|mandarin|arabic|guitar|piano"
    r"|violin|drums))|get\w*\s+(?:a\s+|an\s+|her\s+|his\s+|their\s+|my\s+)?(?:new\s+)?"
    r"(?:tattoo|promotion|raise|degree|diploma|driving\s+licen[cs]e|driver'?s\s+licen[cs]e"
    r"|licen[cs]e|car|dog|puppy|boat|mortgage)|(?:half\s+)?marathon|triathlon|tournament"
    r"|championship|plan\w*\s+(?:a|the|her|his|their|my)\s+(?:\w+\s+)?wedding|write\s+a\s+"
    r"(?:novel|book|memoir)|start\w*\s+(?:a|her|his|their|my)\s+(?:own\s+)?business"
    r"|pass\w*\s+(?:the\s+|her\s+|his\s+)?(?:bar|driving|driver'?s|licensing|board)\s+"
    r"(?:exam|test)|make\s+the\s+(?:\w+\s+){0,2}team)\b"
)


_CONNECTING = frozenset(SHARED) | frozenset(PEOPLE)

# A symptom goal with an end state anyone can check: a standardized measure, a severity band, a
# score, or a frequency ("depressive symptoms in the mild range", "PHQ-9 below 10", "from severe
# to moderate on the GAD-7", "panic attacks to one or fewer a month"). Reviewers accept these.
END_STATE = re.compile(
    r"\b(?:phq|gad-?\s?7|pcl|bdi|bai|beck|hamd?|ham-[ad]|madrs|epds|edinburgh|y-?bocs|cy-?bocs"
    r"|ede-?q|isi\b|insomnia\s+severity|audit-?c?\b|dast|k-?10|kessler|pss|ors\b|asrs|vanderbilt"
    r"|scared\b|rcads|cdi\b|masc\b|sdq\b|oci-?r|pdss|lsas|spin\b|dass|cgi\b|gaf\b|whodas"
    r"|c-?ssrs|standardi[sz]ed\s+(?:measure|scale|instrument)"
    # resolution or remission of the diagnosis's symptoms is itself an end state
    r"|(?:resol\w*|eliminat\w*|remit\w*|free\s+of|free\s+from)\s+(?:the\s+)?(?:\w+'s\s+)?"
    r"(?:\w+\s+){0,3}(?:symptoms|episodes|attacks)|(?:mild|minimal|subclinical|sub-clinical"
    r"|non-?clinical|normal|normative|low|moderate)\s+(?:range|level|levels|severity|band|score)"
    r"|(?:to|into|within|in)\s+(?:the\s+)?(?:mild|minimal|subclinical|sub-clinical|non-?clinical"
    r"|normal|remission)\b|remission|(?:below|under|beneath)\s+(?:the\s+)?(?:clinical|diagnostic"
    r"|caseness)\s+(?:threshold|cut-?off|range|level)|from\s+(?:the\s+)?(?:severe|moderately"
    r"\s+severe|moderate|mild|high)\b[^.;]{0,40}?\bto\s+(?:the\s+)?(?:moderate|mild|minimal|low"
    r"|subclinical|normal)|no\s+longer\s+meet\w*\s+(?:the\s+)?(?:diagnostic\s+)?criteria"
    r"|(?:score|scores|rating|ratings|total)\s+(?:of\s+)?(?:\d|below|under|at\s+or|or\s+lower"
    r"|less)|\d+\s*(?:%|percent|points?)\b|\d+\s*/\s*10\b|\d+\s+or\s+(?:fewer|less|lower|below)"
    r"|\bno\s+(?:more\s+|further\s+)?(?:\w+\s+)?(?:episodes|attacks|incidents|instances"
    r"|hospitali[sz]ations|relapses)\b"
    r"|(?:no|zero|one|two|three|\d+)\s+(?:or\s+fewer\s+)?(?:\w+\s+){0,2}(?:per|a|each|every)"
    r"\s+(?:day|week|month))"
)
# A symptom goal that names the functional domain it protects ("manage anxiety to a degree that
# does not impair occupational and social functioning", "so that it no longer interferes with
# school"). The link word and a domain must both be there: "improve relationships" alone is not.
_PROTECT_LINK = re.compile(
    r"\b(?:(?:does|do|will|would)\s*(?:not|n't)\s+(?:significantly\s+)?(?:impair|interfere"
    r"|disrupt|prevent|limit|keep|stop|get\s+in\s+the\s+way|affect|hinder|impede)"
    r"|no\s+longer\s+(?:significantly\s+)?(?:impair|interfer|disrupt|prevent|limit|keep"
    r"|stop|get\w*\s+in\s+the\s+way|affect|hinder|impede|dominat|control)\w*"
    r"|without\s+(?:significant\s+)?(?:impair|interfer|disrupt|limit|affect)\w*"
    r"|with\s+(?:improved|better|restored|full|normal|stable)\s+(?:\w+\s+){0,2}(?:functioning"
    r"|function|performance|attendance)"
    r"|(?:so|such)\s+that|so\s+(?:she|he|they|the\s+client|client|i)\s+can|in\s+order\s+to"
    r"|to\s+(?:allow|enable|support|permit)|allowing|enabling|to\s+(?:a|the)\s+(?:degree|level"
    r"|point|extent)|(?:able|ability)\s+to\s+(?:function|work|attend|parent|care|perform)"
    r"|(?:functioning|function|performance)\s+(?:at|in)\s+(?:work|school|home)"
    r"|(?:ability|able)\s+to\s+(?:handle|manage|cope\s+with|tolerate|face)\b[^.;]{0,40}?\b(?:in|at"
    r"|during)\b)"
)
_DOMAIN = re.compile(
    r"\b(?:occupational|vocational|work|job|employment|career|school|academic|class\w*|college"
    r"|studies|social\w*|relationships?|marriage|marital|family|parent\w*|friend\w*|peers?"
    r"|self-?care|hygiene|daily\s+(?:life|living|activities|routines?|functioning|tasks"
    r"|responsibilities)|activities\s+of\s+daily\s+living|adls?|household|home|chores"
    r"|independent\s+living|sleep)\b"
)


# A standardized measure named in a goal ties it to a clinical target (a PHQ-9 goal under a
# depression diagnosis); the plan's OBJ_MEASURE_MISMATCH and PLAN_NO_MEASURE rules judge fit.
_INSTRUMENT = re.compile(
    r"\b(?:phq|gad-?\s?7|pcl|bdi|bai|beck|epds|y-?bocs|ede-?q|audit-?c|dast|k-?10|kessler|pss"
    r"|asrs|vanderbilt|isi\b)"
)


def end_state(low: str) -> bool:
    """Whether a goal names an end state anyone can check (a measure, band, score or count)."""
    return END_STATE.search(low) is not None


def protects_domain(low: str) -> bool:
    """Whether a goal names the functional domain it protects, with a linking phrase."""
    link = _PROTECT_LINK.search(low)
    return bool(link and _DOMAIN.search(low, link.start()))


def is_functional(low: str) -> tuple[bool, tuple[int, int] | None]:
    """Whether a goal names an outcome one can check, and the span of the vague wording if not.

    Functional wording (an activity or role) is the best; a symptom goal with a measurable end
    state, or one naming the functional domain it protects, is acceptable to reviewers and so
    is not vague (``GOAL_SYMPTOM_FOCUSED`` then offers functional wording as advice).
    """
    if CONCRETE.search(low) or end_state(low) or protects_domain(low):
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
                    f"{phrase} names a feeling, an unspecified improvement or a process, so "
                    "neither you nor a reviewer can tell what success looks like. Say what the "
                    "client will be able to do (work, school, home, relationships), or give the "
                    'symptom\'s end state on a measure ("PHQ-9 below 10", "in the mild range").'
                ),
                suggestion=suggest.goal_for(key),
            )
        )
    elif not CONCRETE.search(low) and not protects_domain(low):
        # Acceptable to reviewers (a symptom end state), but a goal that says what daily life
        # will look like guides sessions better: advice, never an error.
        findings.append(
            Finding(
                code="GOAL_SYMPTOM_FOCUSED",
                severity=Severity.INFO,
                element_id=element_id,
                field="text",
                span=whole(text),
                explanation=(
                    "A symptom goal with a measurable end state is acceptable. Naming what the "
                    "change will let the client do (return to work, attend school, parent "
                    "calmly) ties it to daily life and makes the plan easier to use in sessions."
                ),
                suggestion=None,
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
    if found & ctx.domains or RISK.search(low) or _INSTRUMENT.search(low):
        return None
    core = {k: v for k, v in core_domains_in(low).items() if k not in ctx.domains}
    if core:
        return min(core.values())
    aspiration = ASPIRATION.search(low)
    if aspiration:
        # A personal project or purchase is not treatment, even when it mentions work or home.
        return aspiration.span()
    # A goal naming no symptom domain at all is not thereby off-diagnosis: published plans
    # state goals in the client's words ("speak up with my ideas at meetings") and reviewers
    # accept them when the problem above ties them to the diagnosis. Only another disorder's
    # domain or a life project (above), or a goal that names only other symptom domains
    # ("stop checking the door locks" under insomnia), is cited as disconnected.
    if not functional or found & _CONNECTING:
        return None
    return whole(low) if found else None
