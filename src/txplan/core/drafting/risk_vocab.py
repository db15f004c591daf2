"""The vocabulary of risk language: word classes, the rule shape, and how patterns are built.

Part of the risk-language detector; see ``risk.py`` for how it decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SELF = "self"
OTHERS = "others"
BOTH = "both"

# Kinds of hit, for the exclusion rules.
EXPLICIT = "explicit"  # names suicide, killing oneself, homicidal ideation
WISH = "wish"  # a wish, want or hope to be dead: never read as an intrusive thought
THOUGHT = "thought"  # a thought or image of dying, of a method or of harming someone
ACT = "act"  # something done: self-injury, an attempt
MEANS = "means"  # access to lethal means
PREP = "prep"  # a preparatory act
THREAT = "threat"  # a threat, a weapon carried, approach behaviour


# --- vocabulary --------------------------------------------------------------------------------
def _alt(words: str) -> str:
    """``"a b|c d"`` → ``(?:a b|c d)``: alternatives separated by ``|`` (regex allowed)."""
    return "(?:" + "|".join(w.strip() for w in words.split("|")) + ")"


def _any(words: str) -> str:
    """Space-separated single words (regex allowed; ``_`` stands for a space) → an alternation."""
    return "(?:" + "|".join(w.replace("_", " ") for w in words.split()) + ")"


_END = r"(?![a-z0-9])"
_W = r"[a-z0-9]+"
_STOP = r"(?= [.;:!?,)]|$)"  # the next token ends the clause


def _gap(n: int) -> str:
    return rf"(?: {_W}){{0,{n}}}"


REFLEXIVE = _any("myself herself himself themselves themself yourself self")
POSS = _any("my her his their your")
SUBJ = _any("i she he they we")
KIN = _any(
    r"wife husband partner spouse boss manager supervisor mother mum mom father dad stepfather"
    r" stepdad stepmother stepmum stepmom parents? sons? daughters? child children kids? baby"
    r" babies infant newborn toddler brothers? sisters? siblings? twin grandmother grandfather"
    r" grandma grandad granddad grandpa nan uncle aunt cousin nephew niece neighbou?rs?"
    r" coworkers? colleagues? teachers? classmates? peers? students? pupils? roommates?"
    r" flatmates? housemates? ex girlfriend boyfriend fianc[a-z]* landlord friends? family"
    r" abuser attacker rapist officers? police priest doctor nurse therapist counsell?or coach"
    r" people men women man woman guy lad boys? girls? customers? clients? patients?"
    r" residents? workers? staff driver strangers? everyone everybody anyone anybody someone"
    r" somebody others in-law law lot person persons victim target rivals? passengers?"
    r" pedestrians? cyclists? tenants? lady teen teenagers? mates? lads carers? caregivers?"
)
# A bare "her" is a person hurt only when the clause goes on without a noun after it.
_AFTER_BARE_HER = _any(
    r"[.;:!?,)] and or but if when with in at on for because so again once one someday"
    r" sometimes then now while until before after to badly too as like that during because"
)
_NOT_PERSON_AFTER = _any(
    r"s down up out off a an the back feelings? self own motivation mood vibe buzz appetite"
    r" energy sleep joy spirits? enthusiasm interest concentration focus libido hopes dreams"
    r" chances career reputation grades case plans pride ego relationship credibility"
    r" confidence performance"
)
# Words that may stand between a determiner and the person ("his ex-partner's new boyfriend"),
# but not prepositions: "shot a wedding video for her cousin" names no one shot.
_MODIFIERS = (
    r"(?: (?!(?:for|with|to|at|of|in|on|from|by|about|and|or|a|an|the|into|onto)(?![a-z0-9]))"
    r"[a-z0-9]+){0,4}"
)
PERSON = (
    r"(?:(?:"
    + _any("her his my their the a an that this those these our two three several some both")
    + rf"{_MODIFIERS} {KIN}"
    rf"|{KIN}|(?:him|them|you)(?! {_NOT_PERSON_AFTER}{_END})"
    rf"|her(?: {_AFTER_BARE_HER}{_END}|$))(?! s{_END}){_END})"
)
BODY = _any(
    r"forearms? arms? wrists? thighs? legs? hips? stomach belly tummy skin chest ankles? body"
    r" throat neck breasts? shins? calves face"
)
BODY_AND_HANDS = rf"(?:{BODY}|hands?|fingers?|knuckles|feet|foot|head)"
PILLS = _any(
    r"pills? tablets? meds medications? medicines? capsules? paracetamol acetaminophen tylenol"
    r" ibuprofen aspirin morphine opioids? oxycodone oxycontin codeine tramadol fentanyl"
    r" methadone insulin painkillers? antidepressants? amitriptyline lithium warfarin benzos?"
    r" diazepam zopiclone quetiapine sertraline prescriptions? sleepers co_?codamol"
    r" citalopram fluoxetine mirtazapine propranolol pregabalin gabapentin olanzapine temazepam"
    r" lorazepam clonazepam alprazolam xanax valium percocet vicodin hydrocodone digoxin"
    r" methotrexate"
)
GUN = _any(
    r"guns? firearms? rifles? pistols? handguns? shotguns? revolvers? glock ammunition ammo"
    r" bullets? ar15 weapons? crossbows?"
)
WEAPON = (
    r"(?:knife|knives|blades?|machetes?|baseball bat|cricket bat|axe|hammer|crowbar|scissors"
    r"|steering lock|knuckle ?duster|screwdriver|crossbow)"
)
HEIGHT = _alt(
    r"bridges?|railings?|ledges?|edge|roofs?|rooftops?|cliffs?|balcon(?:y|ies)|car parks?"
    r"|multi storey|multi story|parking (?:garage|structure|deck)|overpass|viaduct|tower"
    r"|tracks|railway|platform|windows?|top floor|quarry|dam|pier|gorge|drop"
)
# Where standing or looking down is itself a warning sign (not a bed's edge or a platform).
HIGH_PLACE = (
    "(?:"
    + (
        r"bridges?|(?:bridge )?railings?|parapets?|ledges?|roof edge|rooftops?|cliffs?|cliff edge"
        r"|edge of (?:the |a )?(?:roof|cliff|bridge|building|platform|balcony|car park|quarry"
        r"|tower)"
        r"|outside of (?:the |a )?(?:railing|balcony|bridge)|overpass|viaduct|tracks|railway line"
        r"|(?:top|roof) of (?:the |a |his |her )?(?:car park|multi storey|building|tower|block)"
        r"|gorge|drop|roofs?|balcony (?:railing|edge|rail)"
    )
    + ")"
)
THINK = _any(
    r"thoughts? thinks? thinking thought considers? considered considering pictures? pictured"
    r" picturing imagines? imagined imagining fantasi[sz]\w* dreams? dreamt dreaming images?"
    r" urges? impulses? ideas? describes described mentions mentioned talks? talked talking"
    r" wonders? wondered wondering plans? planned planning visions? preoccupied preoccupation"
    r" ruminat\w* racing"
)
THINK_DEATH = _any(
    r"thoughts? thinks? thinking thought pictures? pictured picturing imagines? imagined"
    r" imagining fantasi[sz]\w* dreams? dreamt dreaming images? urges? ideas? wonders? wondered"
    r" wondering preoccupied preoccupation ruminat\w* racing obsessed fixated dwell\w*"
)
WANT = _alt(
    r"wants?|wanted|wanting|wish|wishes|wished|wishing|hopes?|hoped|hoping|prays?|prayed"
    r"|praying|would like|longs?|longing|would rather|d rather|would prefer"
)
_VIOLENT = _any(
    r"kill kills killing killed murder\w* hurt hurts hurting harm harms harming harmed stab\w*"
    r" shoot shoots shooting shot strangl\w* chok\w* throttl\w* smother\w* suffocat\w* drown\w*"
    r" poison\w* attack\w* assault\w* beat beats beating batter\w* punch\w* hit hits hitting"
    r" slap\w* kick\w* shake shakes shaking shook maim\w* tortur\w* rape\w* bludgeon\w* knifed"
    r" slash\w* headbutt\w* bash\w* thump\w* injur\w* end ends smash\w* whack\w* stamp\w*"
    r" bit bites biting scratch\w* spat_at spits_at"
)


@dataclass(frozen=True)
class Rule:
    category: str
    kind: str
    target: str
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None = None  # must also occur somewhere in the text


# A death in the text: "join him" and "be with her again" then mean dying.
_DEATH_CONTEXT = re.compile(
    r"(?<![a-z0-9])(?:died|dead|death|late|passed|passing|deceased|heaven|grave|funeral"
    r"|widow\w*|bereave\w*|lost (?:her|his|their|my) (?:\w+ )?(?:husband|wife|partner|son"
    r"|daughter|child|mother|father|mum|dad|baby))(?![a-z0-9])"
)


def _rules(category: str, kind: str, target: str, *patterns: str) -> list[Rule]:
    return [
        Rule(category, kind, target, re.compile(r"(?<![a-z0-9])(?:" + p + ")" + _END))
        for p in patterns
    ]
