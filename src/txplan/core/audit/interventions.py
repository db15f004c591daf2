"""Intervention rules: INT_GENERIC (no named method or target) and INT_NOT_CLINICIAN_ACTION.

An intervention says what the clinician does: a named method ("cognitive restructuring",
"exposure and response prevention", "motivational interviewing") aimed at a named target, at a
frequency. What the client does between sessions belongs beside it, not instead of it.
"""

from __future__ import annotations

import re

from txplan.core.audit import suggest
from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.grammar import predicate
from txplan.core.audit.lex_domains import domains_in
from txplan.core.audit.lex_methods import BROAD_RE, GENERIC_RE, SPECIFIC_RE, TARGET_RE
from txplan.core.audit.text import whole

# Someone on the treatment side, wherever they appear ("Therapist will", "reviewed by the
# clinician", "with the counselor").
CLINICIAN = re.compile(
    r"\b(?:th?er\w{0,2}p\w{0,3}sts?|clin\w{0,3}[ic]\w{0,2}ans?|clinician'?s|counsel+ors?"
    r"|counsel+ers?|providers?|psychologists?|psychotherapists?|social\s+workers?|lcsw|lpc"
    r"|lmft|lmhc|lcpc|lpcc|mft|psychiatrists?|prescribers?|pmhnp|case\s+managers?"
    r"|care\s+coordinators?|this\s+writer|writer|practitioners?|treatment\s+team|clinical\s+team"
    r"|care\s+team|staff|facilitators?|group\s+leaders?|clinician-led|therapist-led"
    r"|therapist-guided|clinician-guided)\b"
)
# A statement whose subject is the client (or family), written any way.
CLIENT_SUBJECT = re.compile(
    r"^\s*(?:the\s+)?(?:client|clients|patient|pt|cl|clent|cleint|clinet|clint|member|consumer"
    r"|child|children|teen|adolescent|youth|student|son|daughter|parents?|caregivers?"
    r"|guardians?|mother|father|mom|dad|mum|family|couple|partners?|spouses?|husband|wife"
    r"|both\s+partners|he|she|they)\b(?:'s)?(?:\s+and\s+(?:her|his|their|the)\s+\w+)?\s+"
    r"(?:will|wil|shall|should|must|can|to|agrees?\s+to|is\s+to|are\s+to|'ll|plans?\s+to"
    r"|\w+s\b)"
)
_NAME_SUBJECT = re.compile(r"^\s*([A-Z][a-z]+)\s+(?:will|shall|to|agrees\s+to)\b")
_FIRST_PERSON = re.compile(
    r"^\s*(?:i|we)(?:'ll|\s+will|\s+shall|\s+am\s+going\s+to"
    r"|\s+plan\s+to)\b"
)
# Verbs only a clinician performs in session; and verbs that are the clinician's only when the
# client is their object ("I will use imagery rescripting with the client").
_CLINICIAN_VERB = re.compile(
    r"(?:teach|provid|deliver|conduct|administ|lead|led|facilitat|guid|coach|model|review"
    r"|assign|introduc|educat|instruct|train|assess|screen|refer|coordinat|consult|monitor"
    r"|offer|help|assist|support|encourag|validat|explor|process|discuss|challeng|reinforc"
    r"|prais|explain|demonstrat|prescrib|adjust|titrat|evaluat|formulat)\w*"
)
_SHARED_VERB = re.compile(
    r"(?:use|utili|apply|implement|practi|develop|creat|build|work|meet|complet|schedul|set"
    r"|role-?play|rehears|chart|scor|measur|giv|present|check|walk|run)\w*"
)
_CLIENT_OBJECT = re.compile(
    r"\b(?:the\s+)?(?:client|patient|child|couple|family|parents?"
    r"|teen|adolescent|youth|partners|him|her|them)\b"
)
# Imperative fragments that describe the client's task ("Attend AA meetings weekly").
_CLIENT_IMPERATIVE = re.compile(
    r"^\s*(?:attend|practi[cs]e|complete|journal|take|exercise|go|walk|read|call|keep|log"
    r"|track|follow|avoid|try|eat|sleep|visit|join|do|engage|participate|write|record|abstain"
    r"|refrain|limit|stop|quit|drink|get|spend|continue)\b"
)
_WITH_CLIENT = re.compile(
    r"\bwith\s+(?:the\s+)?(?:client|patient|child|couple|family|parents?"
    r"|teen|adolescent|him|her|them|youth)\b"
)
# A client's own task that is no more than "come to therapy".
_GENERIC_CLIENT_TASK = re.compile(
    r"\b(?:attend\w*\s+(?:\w+\s+){0,2}(?:therapy|sessions?|counsel+ing|treatment|appointments?)"
    r"|work\w*\s+on|follow\w*\s+(?:\w+\s+)?(?:treatment|recommendations|the\s+plan)"
    r"|compl(?:y|ies|iant)|talk\w*\s+about\s+(?:\w+\s+)?(?:feelings|issues|problems|things)"
    r"|participat\w*\s+in\s+(?:therapy|treatment|sessions)|engag\w*\s+in\s+(?:therapy"
    r"|treatment|sessions)|cop(?:e|es|ing)\s+(?:better|with)|share\w*\s+(?:\w+\s+)?feelings"
    r"|be\s+(?:open|honest)|use\w*\s+(?:\w+\s+)?(?:coping\s+skills|skills|strategies|tools"
    r"|techniques))"
)
# Concrete artefacts or procedures that make a clinician's action specific even when the
# method has no brand name ("a written relapse plan", "a daily behaviour report").
_ARTEFACT = re.compile(
    r"\b(?:logs?|charts?|diar(?:y|ies)|checklists?|hierarch(?:y|ies)|contracts?|worksheets?"
    r"|schedules?|planners?|letters?|formats?|templates?|budgets?|timelines?|calendars?"
    r"|agreements?|house\s+rules|(?:rules|rewards)\s+and\s+consequences|consequences\s+for|routines?"
    r"|structured\s+\w+|step-by-step\s+\w+|scripts?|flashcards?|cue\s+cards?|reminders?"
    r"|scripts?|report\s+cards?|behaviou?r\s+reports?|timers?|written\s+(?:\w+\s+){0,2}plans?"
    r"|action\s+plans?|crisis\s+plans?|coping\s+cards?|experiments?|seating|accommodations"
    r"|classroom\s+(?:supports|modifications)|iep|504\s+plan"
    r"|behaviou?r\s+plans?|(?:consult|collaborat|coordinat|liais)\w*\s+(?:care\s+)?(?:with\s+)?"
    r"(?:the\s+)?(?:\w+'?s?\s+)?(?:teacher|school|psychiatrist|prescriber|mat\s+provider"
    r"|pcp|physician|doctor|paediatrician|pediatrician|dietitian|dietician|employer"
    r"|line\s+manager|occupational\s+health|gp|general\s+practitioner|midwife|health\s+visitor"
    r"|obstetrician|nurse|care\s+coordinator|probation|social\s+worker|case\s+manager"
    r"|psychiatry|pharmacist)"
    r"|refer\w*\s+(?:the\s+client\s+|client\s+)?to\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}"
    r"(?:psychiatr\w*|group|program(?:me)?|evaluation|clinic|dietitian|dietician|iop|php))\b"
)
# "Teach the couple a structured format", "coach the parents in …", "train planner use": a
# clinician teaching something that is not itself a generic category.
_TEACH_OBJECT = re.compile(
    r"\b(?:teach|train|coach|model|rehears|role-?play|instruct|show)\w*\s+(?:the\s+|her\s+"
    r"|his\s+|their\s+)?(?:(?:client|parents?|couple|child|family|partners?|caregivers?|him|her"
    r"|them|mother|father|teen|adolescent|youth)(?:'s)?\s+)?(?:(?:and|in|on)\s+(?:the\s+)?)?"
    r"(?:(?:a|an|the|two|three|four|\d+)\s+)?"
    r"(?!(?:coping|skills?|strategies|strategy|techniques?|tools|ways|how|about|self|healthy"
    r"|positive|new|better|more|appropriate|effective|relaxation|calming|stress|anxiety|anger"
    r"|emotions?|feelings?|communication|social|life|them|to|on|in|with|for|that|what|why|when"
    r"|and|it|this|these|those|some|various|different|basic|general|cbt|dbt|therapy"
    r"|therapeutic|interventions?)\b)[a-z][a-z-]{2,}"
)
_ACRONYM_MODALITY = re.compile(r"\b(?:ACT|EFT|IPT|CPT|PE|MI|BA|ERP|DBT|CBT)\b")


# A leading phrase of time or place before the subject: "Between sessions, the client will …".
_LEAD_IN = re.compile(
    r"^\s*(?:(?:between|outside(?:\s+of)?|after|before)\s+(?:the\s+|each\s+|our\s+)?"
    r"(?:sessions?|appointments?|visits?)|(?:each|every)\s+(?:week|day|evening|morning|night)"
    r"|at\s+home|(?:for|as)\s+homework|in\s+the\s+(?:coming|next)\s+week)\s*[,:]?\s*"
)


def _is_client_only(text: str, low: str) -> bool:
    """Whether the statement describes only what the client (or family) does."""
    if CLINICIAN.search(low) or _HISTORY.match(low):
        return False
    lead = _LEAD_IN.match(low)
    if lead:
        text, low = text[lead.end() :], low[lead.end() :]
    if _FIRST_PERSON.match(low):
        pred = predicate(low)
        if _CLINICIAN_VERB.fullmatch(pred.word):
            return False
        return not (_SHARED_VERB.fullmatch(pred.word) and _CLIENT_OBJECT.search(low, pred.start))
    if CLIENT_SUBJECT.match(low):
        return True
    name = _NAME_SUBJECT.match(text)
    if name and not (SPECIFIC_RE.match(low) or BROAD_RE.match(low) or GENERIC_RE.match(low)):
        return True
    return bool(_CLIENT_IMPERATIVE.match(low) and not _WITH_CLIENT.search(low))


# Standard clinical actions that documentation guides and planners present as specific even
# though they are not a therapy "method": a referral for medication evaluation, monitoring
# adherence with the prescriber, giving a named or described assessment instrument, a functional
# assessment, psychoeducation that says what it explains, assigned reading, ruling out other
# causes, and building the alliance through named relational skills.
_CARE_ACTION = re.compile(
    r"\brefer\w*\b[^.;]{0,60}?\b(?:to|for)\b[^.;]{0,40}?\b(?:physician|doctor|pcp|gp"
    r"|prescri\w*|psychiatri\w*|medical|nurse\s+practitioner|aprn|primary\s+care|medication"
    r"|psychotropic|pharmacotherapy|neurolog\w*|testing|evaluation|support\s+group|group"
    r"|program\w*|dietitian|dietician|specialist|detox\w*|inpatient|higher\s+level|vocational"
    r"|sleep\s+(?:medicine|study|specialist)|mat\b|moud|self-help|al-anon|aa\b|na\b)"
    r"|\b(?:monitor|track|review|assess|evaluat|check)\w*\b[^.;]{0,50}?\b(?:medications?|meds"
    r"|adherence|compliance|side\s+effects|dosage|prescri\w*|effectiveness)"
    r"|\b(?:give|giv|administer|use|arrange|conduct|obtain|request|complete|perform|repeat"
    r"|re-?administer)\w*\b[^.;]{0,60}?\b(?:questionnaires?|scales?|measures?|inventor(?:y|ies)"
    r"|instruments?|checklists?|testing|tests?|screen(?:ing|er)?s?|(?:functional|psychological"
    r"|psychiatric|diagnostic|risk|suicide|lethality|substance|biopsychosocial|behaviou?ral"
    r"|neuropsychological|medical|cognitive)\s+(?:assessment|analysis|evaluation|testing|screen\w*))"
    r"|\b(?:explain|educat|psychoeducat|teach|inform|describ|clarif|normaliz|normalis)\w*\b"
    r"[^.;]{0,30}?\b(?:how|why|that|about|the\s+(?:cycle|role|link|connection|nature|model"
    r"|effects?|symptoms?|course|function))\b"
    r"|\bassign\w*\b[^.;]{0,50}?\b(?:read\w*|chapters?|workbooks?|books?|bibliotherapy"
    r"|worksheets?|homework|exercises?|handouts?|videos?)"
    r"|\brul(?:e|es|ed|ing)\s+out\b"
    r"|\b\d+(?:\.\d+)?\s*(?:mg|mcg|milligrams?)\b"
    r"|\b(?:take|obtain|gather|complete)\w*\s+(?:a\s+|the\s+)?(?:\w+\s+){0,2}history\b"
    r"|\b(?:arrange|conduct|obtain|request|complete|perform|coordinat)\w*\b[^.;]{0,60}?"
    r"\b(?:evaluation|assessment|testing)\b"
    r"|\b(?:build|establish|develop|strengthen|foster)\w*\s+(?:\w+\s+){0,3}(?:rapport|alliance"
    r"|trust)\b[^.;]{0,40}?\b(?:through|by|using|with)\b[^.;]{0,40}?\b(?:listening|empathy"
    r"|empathic|warmth|positive\s+regard|validation|eye\s+contact|acceptance|reflect\w*)"
)
# Taking a history is a clinician's act even when written as an imperative ("Take a developmental
# history and review the parents' concerns").
_HISTORY = re.compile(r"^\s*(?:take|obtain|gather)\s+(?:a\s+|the\s+)?(?:\w+\s+){0,3}history\b")
# A statement that is only a modality's name ("DBT.", "EMDR"): a method with no target, no
# frequency and no action; documentation guides cite it as generic.
_BARE = re.compile(r"^\s*[\w./&+-]+(?:\s+[\w./&+-]+){0,2}\s*[.!]?\s*$")


def _names_method(text: str, low: str) -> bool:
    if _BARE.match(low) and not TARGET_RE.search(low):
        return False
    if (
        SPECIFIC_RE.search(low)
        or _ARTEFACT.search(low)
        or _TEACH_OBJECT.search(low)
        or _CARE_ACTION.search(low)
    ):
        return True
    broad = BROAD_RE.search(low) or _ACRONYM_MODALITY.search(text)
    return bool(broad and TARGET_RE.search(low))


def judge(text: str, low: str, ctx: suggest.Context, element_id: str | None) -> list[Finding]:
    findings: list[Finding] = []
    client_only = _is_client_only(text, low)
    named = _names_method(text, low)
    generic = (
        (not named and _GENERIC_CLIENT_TASK.search(low) is not None) if client_only else not named
    )
    if generic:
        m = GENERIC_RE.search(low) or BROAD_RE.search(low)
        span = m.span() if m else whole(text)
        what = f"“{text[span[0] : span[1]]}”" if m else "This intervention"
        findings.append(
            Finding(
                code="INT_GENERIC",
                severity=Severity.ERROR,
                element_id=element_id,
                field="text",
                span=span,
                explanation=(
                    f"{what} names no specific method or target: it could be written for any "
                    "client and does not tell a reviewer (or a covering clinician) what will "
                    "actually be done in session. Name the technique, what it is aimed at and how "
                    "often."
                ),
                suggestion=suggest.intervention_for(_focus(ctx, low)),
            )
        )
    if client_only:
        findings.append(
            Finding(
                code="INT_NOT_CLINICIAN_ACTION",
                severity=Severity.WARNING,
                element_id=element_id,
                field="text",
                span=whole(text),
                explanation=(
                    "This describes only what the client (or family) does. An intervention is "
                    "what the clinician provides; keep the client's part as the between-session "
                    "task and name the clinician's method beside it."
                ),
                suggestion=suggest.beside_client_task(text, ctx),
            )
        )
    return findings


def _focus(ctx: suggest.Context, low: str) -> str:
    # Only computed when there is a finding to suggest a rewrite for.
    return suggest.focus(ctx, set() if ctx.presentations else domains_in(low))
