"""Does a draft say only what its request says? Invented quotes, people, activities and roles.

A drafted statement is library text with slots filled from the request. What the library wrote
itself (its fixed words: "Clinician will set up a daily report card with {client}'s teacher")
is the method, not a claim about this client. Everything else must come from the request:

- a quoted phrase must appear in the request (or be fixed library wording, such as an example
  belief "'I am not good enough'");
- a person or an activity word (``specifics.ROLE_WORDS``, ``specifics.ACTIVITY_WORDS``) must
  appear in the request, in the library's fixed wording of that entry, or in the neutral role
  words the area implies (a parent in parent training);
- the person written into a role slot (``{person}``) must have a role that fits the area
  (``specifics.area_roles``), or be the neutral words for the clinician to fill in.

Used by the tests and by ``bench/eval_draft.py``; nothing here changes a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from txplan.core.drafting.filling import intervention_template
from txplan.core.drafting.library import InterventionEntry, Library, load_library
from txplan.core.drafting.request import DraftRequest
from txplan.core.drafting.slots import SLOT, aim_clause
from txplan.core.drafting.specifics import (
    PERSON_TO_NAME,
    ROLE_NEUTRAL,
    ROLE_WORDS,
    area_roles,
    invented_words,
)
from txplan.core.plan import Plan

_DOUBLE = re.compile(r"[\"“]([^\"“”]{2,300})[\"”]")
# A single-quoted phrase: the quote marks stand apart from letters ("client's" is no quote).
_SINGLE = re.compile(r"(?<![A-Za-z])['‘]([^'‘’]{2,300}?)['’](?![A-Za-z])")


@dataclass
class Invention:
    element_id: str
    kind: str  # quote, person, activity, role
    text: str  # what was invented
    statement: str

    def __str__(self) -> str:
        return f"{self.kind} {self.text!r} in {self.element_id}: {self.statement}"


@dataclass
class TruthReport:
    inventions: list[Invention] = field(default_factory=list)

    def of(self, kind: str) -> list[Invention]:
        return [i for i in self.inventions if i.kind == kind]


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"'s\b|s'(?=\s|$)", "", text)
    return " ".join(re.findall(r"[a-z0-9'-]+", text))


def request_text(request: DraftRequest) -> str:
    parts = [request.presenting_problem, request.client_words or "", request.client_name or ""]
    parts += [i.description for i in request.impairments]
    parts += list(request.strengths)
    return "\n".join(parts)


def quotes(text: str) -> list[str]:
    return [m[1] for m in _DOUBLE.finditer(text)] + [m[1] for m in _SINGLE.finditer(text)]


def _template(library: Library, library_id: str) -> str | None:
    entry_id = library_id.partition("#")[0]
    entry = (
        library.goals.get(entry_id)
        or library.objectives.get(entry_id)
        or library.interventions.get(entry_id)
    )
    if entry is None:
        return None
    if isinstance(entry, InterventionEntry):
        return intervention_template(entry)
    return entry.text


def _fixed(template: str) -> str:
    """The library's own words of a template: slots removed."""
    return SLOT.sub(" ", template)


def _slot_pattern(template: str) -> re.Pattern[str]:
    out, last, names = [], 0, []
    for match in SLOT.finditer(template):
        out.append(re.escape(template[last : match.start()]))
        name = match[1]
        if name in names:
            out.append(f"(?P={name})")
        else:
            names.append(name)
            out.append(f"(?P<{name}>.+?)")
        last = match.end()
    out.append(re.escape(template[last:]))
    # The filler upper-cases a first letter, and may add a labelled tail after the sentence.
    return re.compile("".join(out) + r"(?:\s.*)?", re.IGNORECASE | re.DOTALL)


def person_fills(template: str, text: str) -> list[str]:
    """What the drafter wrote into ``{person}`` in ``text`` (empty when it cannot tell)."""
    if "{person}" not in template:
        return []
    variants = [aim_clause(template, "", "{client}")]
    if "{client_phrase}" in template:
        variants.append(aim_clause(template, "PHRASE", "{client}").replace('"PHRASE"', '"{q}"'))
    for variant in variants:
        match = _slot_pattern(variant).fullmatch(text)
        if match and "person" in match.groupdict():
            return [match["person"]]
    return []


def _role_ok(fill: str, area_id: str) -> bool:
    roles = area_roles(area_id)
    if fill in (PERSON_TO_NAME, ROLE_NEUTRAL.get(roles)):
        return True
    words = [w for w in re.findall(r"[a-z-]+", fill.lower()) if w in ROLE_WORDS]
    return bool(words) and all(ROLE_WORDS[w] in roles for w in words)


def check(plan: Plan, request: DraftRequest, library: Library | None = None) -> TruthReport:
    """Everything in ``plan``'s statements that the request does not support."""
    library = library or load_library()
    said = request_text(request)
    said_norm = _norm(said)
    said_words = set(said_norm.split())
    report = TruthReport()
    for problem in plan.problems:
        area_id = problem.origin.library_id if problem.origin else ""
        area = library.areas.get(area_id)
        definitions = " ".join(area.definitions) if area else ""
        elements: list[tuple[str, str, str]] = [(problem.id, problem.description, definitions)]
        elements.append((problem.id, problem.client_words, ""))
        for goal in problem.goals:
            elements.append((goal.id, goal.text, _lib(library, goal.origin)))
            elements.append((goal.id, goal.client_words, ""))
            for objective in goal.objectives:
                elements.append((objective.id, objective.text, _lib(library, objective.origin)))
                for intervention in objective.interventions:
                    elements.append(
                        (intervention.id, intervention.text, _lib(library, intervention.origin))
                    )
        neutral = ROLE_NEUTRAL.get(area_roles(area_id), "")
        for element_id, text, template in elements:
            if not text:
                continue
            fixed = _norm(_fixed(template))
            for quote in quotes(text):
                q = _norm(quote)
                if q and q not in said_norm and q not in fixed:
                    report.inventions.append(Invention(element_id, "quote", quote, text))
            allowed = said_words | set(fixed.split()) | set(_norm(neutral).split())
            for word in sorted(invented_words(text)):
                if word in allowed or _stem(word) in {_stem(w) for w in allowed}:
                    continue
                kind = "person" if word in ROLE_WORDS else "activity"
                report.inventions.append(Invention(element_id, kind, word, text))
            for fill in person_fills(template, text) if template else []:
                if not _role_ok(fill, area_id):
                    report.inventions.append(Invention(element_id, "role", fill, text))
    return report


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _lib(library: Library, origin: object) -> str:
    library_id = getattr(origin, "library_id", "") or ""
    return _template(library, library_id) or ""
