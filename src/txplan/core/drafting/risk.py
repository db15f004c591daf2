"""Risk language in a presenting problem: risk to self and risk of harm to others.

``detect(text)`` is a pure function (no library, no clock, no I/O) shared by the drafter, which
adds a safety problem for what it finds, and by the audit, which flags risk that a plan leaves
unaddressed. Its API is small and stable::

    risk = detect("Denies suicidal intent, but wishes she could sleep and not wake up.")
    risk.self_harm, risk.others, risk.any   # bool
    risk.phrases                            # the matched words (normalised), live hits only
    risk.hits                               # one Hit per live phrase: category, kind, target
    risk.set_aside                          # phrases found but not counted, each with a reason
    risk.categories                         # e.g. ("passive_death_wish",)

How it decides
--------------
1. **Lexicons of patterns, not sentences.** Each entry is a regular expression over the
   normalised tokens (``signals.tokenise``: lower case, contractions spelt out, words joined by
   single spaces, punctuation as its own token). Entries are grouped by *category* (what a
   reviewer would call it: passive death wish, active ideation, method, means, preparatory act,
   self-harm, attempt, harm to others) and carry a *kind* that the exclusions below look at.
   Self risk includes death wishes worded without "suicide" ("would not mind if she didn't wake
   up", "wishes she could stop existing"), methods and places ("jumping from the car park",
   "stepping in front of a train"), means (firearms, rope, hoarded or someone else's tablets,
   "lethal"), preparatory acts (goodbye letters, a sudden will, giving treasured things away,
   searching for doses or methods, rehearsal) and self-injury described by act and body part.
   Risk to others is a violence verb with a *person* as its object ("thoughts of stabbing his
   brother", "urges to shake the baby"), threats, homicidal ideation, and weapons with a threat.
2. **Denials** use the drafter's negation rules (``signals.negation_cue``): "denies SI/HI", "no
   thoughts of wanting to be dead", "firearms: none". A denial reaches across a list but not past
   a new clause ("denies SI, wishes she were dead" still counts the wish), and a denial of intent
   or plan never cancels a death wish stated beside it: they are separate phrases.
3. **Figures of speech** never count: an idiom pattern that overlaps the phrase sets it aside
   ("my feet are killing me", "kill for a coffee", "dead serious", "the death of me", "dying to
   see", "career suicide", "suicide sprints", "beats himself up", "cut herself off", "hang out").
4. **Ego-dystonic intrusive thoughts** (OCD, perinatal intrusions): a *thought* of harm (not a
   wish, a plan, an act, means or a preparatory act) is set aside when its sentence frames it as
   unwanted and feared ("horrified by", "what if", "fears she might", "no wish to harm", "by
   mistake", "OCD"), unless the same sentence says the person might act or wants to.
5. **Fear of death is not a wish for it** (panic, health anxiety, phobia): "afraid of dying",
   "worries she will die young".
6. **Another person's death or act** ("her brother died by suicide", "a friend killed himself",
   "her ex threatened to kill her") is not the client's risk.
7. **Remote history with nothing current**: when the text says nothing is current ("none since",
   "denies current ideation", "no thoughts of death now"), hits in sentences dated to the remote
   past ("at 16", "in 1989", "20 years ago", "at university", "in her twenties") are set aside.
   A history with no such statement still counts ("history of overdose in 2021").

Safety first: where a reading is uncertain the phrase counts. The cost of an extra safety
problem the clinician deletes is small; the cost of a missed one is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from txplan.core.drafting import signals

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


# --- risk to self ------------------------------------------------------------------------------
_SELF_RULES: list[Rule] = [
    Rule(
        "passive_death_wish",
        WISH,
        SELF,
        re.compile(
            rf"(?<![a-z0-9])(?:join|joining|be with|reunited? with) (?:him|her|them|the others"
            rf"|{POSS}(?: {_W}){{1,3}})(?: (?:in heaven|on the other side|again|soon))?{_STOP}"
        ),
        needs=_DEATH_CONTEXT,
    ),
    *_rules(
        "active_ideation",
        EXPLICIT,
        SELF,
        r"suicid\w*",
        r"si",
        r"s i",
        r"psi|asi|si\+|\+ ?si",
        r"kms",
        r"unalive\w*",
        r"ctb",
        r"sewerslide",
        rf"kill\w* {REFLEXIVE}",
        rf"(?:end|ends|ended|ending|take|takes|took|taking|taken) {POSS} (?:own )?li(?:fe|ves)",
        r"(?:end|ends|ending|ended) it(?: all)?(?! with| off| between| there| early| for| on a"
        r"| amicably| now with)",
        r"(?:end|ends|ending|ended) (?:everything|things)(?! with| between| off| at| for)",
        rf"(?:finish|finishing) (?:it all|{REFLEXIVE})",
        rf"to finish things{_STOP}",
        rf"(?:{r'die|dies|died|dying|death|dead'}) by {POSS} own hands?",
        rf"(?:do|doing|does|did) something (?:stupid|drastic|silly|to {REFLEXIVE}|about it)",
        r"dark thoughts",
        r"(?:not|never) (?:going to |gonna |plan\w* to |expect\w* to )?(?:be|make it|see|live)"
        r" (?:here |around |alive )?(?:much longer|for long|long|by|next|any ?more|tomorrow"
        r"|to see|past|till|until|at christmas|soon|\d+|eighteen|18|another)",
        r"not long now|see you never|won t see me again|will not see me again|last time you (?:will"
        r"|ll) see me",
        r"(?:can not|could not) do (?:this|it|life) any ?more(?: goodbye)?",
        r"goodbye (?:everyone|everybody|world|all|forever)",
        r"if (?:i m|i am|she is|he is|i|she|he) (?:not|no longer) (?:here|around|alive) (?:tomorrow"
        r"|in the morning|next week|by|when)",
        rf"(?:take|taking|took|takes|remov\w*) {REFLEXIVE} out of (?:the picture|the equation"
        r"|this world|the world|everyone s way|the way)",
        r"(?:go|going|gonna|went) through with it",
        r"(?:easy|only) way out",
        r"no way out(?! of (?:the|a|this|that|her|his) (?:contract|deal|lease|job|meeting))",
        r"(?:plans?|planning|planned|method|ways?|how) (?:to|of) (?:die|dying|kill|end)\w*",
        r"russian roulette",
        rf"(?:blow|blew|blowing) {POSS} brains out",
        rf"bullet (?:in|through) {POSS} (?:head|brain)",
        rf"(?:{SUBJ}|{REFLEXIVE}) (?:\w+ ){{0,5}}(?:must|should|has to|needs to|ought to"
        r"|deserves? to) (?:just )?(?:die|be dead|starve|suffer|be punished)",
        rf"(?:took|taking|takes|take) (?:\w+ ){{0,4}}{PILLS} (?:\w+ ){{0,4}}to see what (?:happens"
        r"|would happen|it does)",
        r"(?:choking|blackout|pass out|passing out|fainting) (?:game|challenge)",
        r"(?:photos?|pictures?|videos?) of (?:her|his|my|their) (?:\w+ )?(?:cuts|scars|wounds"
        r"|burns|blood)",
        rf"(?:kill|killing|hurt|hurting|harm|harming)\w* (?:\w+ ){{0,4}}(?:and|then) (?:then )?"
        rf"{REFLEXIVE}",
        r"(?:end it|die|dead|go) (?:\w+ ){0,2}(?:for both of us|both of us|together)",
        r"(?:will not|not) be (?:a )?(?:problem|burden) (?:for |to )?(?:\w+ )?(?:much longer"
        r"|for long|any ?more)",
    ),
    *_rules(
        "passive_death_wish",
        WISH,
        SELF,
        rf"{WANT}(?: (?!(?:him|them|{KIN})(?![a-z0-9]))[a-z0-9]+){{0,3}} (?:to )?(?:die|be dead"
        r"|dead|not be alive|not exist|stop existing"
        r"|cease to exist|not be here|disappear forever|go to sleep forever|sleep forever"
        r"|never wake|not wake|to not wake|not to wake|would not wake|did not wake"
        r"|could not wake|will not wake|does not wake|be with god|go to heaven|be in heaven"
        r")\w*",
        rf"{WANT}{_gap(4)} (?:had )?never (?:been )?born",
        rf"{WANT}{_gap(4)} (?:could|would) (?:just )?(?:disappear|vanish|stop existing|not exist"
        r"|fade away|evaporate|be gone|not be here|sleep forever|stop being)",
        rf"{WANT}(?: (?!(?:not|avoid\w*|afraid|scared|worr\w*|never|about|of|on|in|with|learn"
        rf"|study|read|talk|write|know)(?![a-z0-9]))[a-z0-9]+){{0,4}} (?:crash\w*"
        r"|death)(?! of| about)",
        rf"{WANT}{_gap(6)} (?:hit (?:me|her|him)|hits (?:me|her|him)|would crash"
        r"|run (?:me|her|him) over|runs (?:me|her|him) over|knock\w* (?:me|her|him) down"
        r"|would take (?:me|her|him)|takes? (?:me|her|him)|kill (?:me|her|him)|get cancer"
        r"|got cancer|not survive)",
        rf"{WANT}{_gap(4)} (?:everything|it all|all of this|life|the world) (?:would |to |will "
        r"|could )?(?:just )?(?:all )?(?:end|stop|be over|go away)",
        rf"{WANT}{_gap(2)} it (?:would |to |will |could )?(?:all )?(?:just )?(?:end|be over)"
        r"(?: for good| forever| permanently)?(?= [.;:!?,)]|$)",
        r"better off (?:dead|gone)",
        r"better dead",
        r"better off (?:not existing|not here|not alive|not around|not being (?:here|alive"
        r"|around))",
        r"(?:not to|to not|never to) wake(?: up)?(?! the| her| his| them| anyone| him| everyone)",
        r"(?:stay|staying) asleep (?:forever|for ever|for good|and never)|sleep and stay asleep",
        rf"{WANT}{_gap(4)} (?:the |her |his |my )?(?:cancer|illness|disease|tumou?r|heart)"
        r" (?:would |to |will )?(?:hurry|take|finish|get on with it|win)",
        r"god (?:\w+ ){0,3}(?:take|took|takes|taking) (?:me|her|him|them)",
        r"the point (?:of|in) (?:living|life|going on|carrying on|being alive|being here"
        r"|anything any ?more|staying alive)",
        r"(?:given|gave|giving|give) up on (?:life|living|herself|himself|myself|everything)",
        r"let (?:nature take its course|(?:her|him|my|them)self go|(?:herself|himself|myself) die)",
        r"want\w* out(?= of (?:life|this life|this world|it all|everything)| [.;:!?,)]|$)",
        r"check\w* out (?:early|for good|of (?:life|this world|it all))",
        r"(?:fade|fades|fading|slip|slips|slipping) away",
        r"(?:lowkey|highkey|ngl|fr|tbh) (?:\w+ ){0,2}(?:want|wanna) (?:to )?(?:die|disappear"
        r"|be dead)",
        r"(?:wanna|gonna) (?:die|be dead|disappear|end it|kms|unalive)",
        r"better off without (?:me|us)",
        rf"(?:world|everyone|everybody|they|family|kids|children|people|{KIN})"
        r" (?:would|will|d|is|are|s|were|might)"
        r" (?:all )?(?:be |cope |manage |do |get on )?(?:better|happier|fine|easier|relieved"
        r"|lighter"
        r"|ok|okay)(?: off)? (?:without"
        r" (?:me|her|him|them|us)|if)",
        rf"(?:better|happier|easier|relieved|glad|lighter)(?: off)? (?:if|when) {SUBJ}{_gap(2)}"
        r" (?:was|were|died|did not|was not|were not|had never|never|disappeared|not|gone"
        r"|dead)",
        r"death wish",
        r"(?:no|nothing|little) (?:reason|point|purpose|one|left)? ?(?:to|in|for)"
        r" (?:live|living|go on|going on|being alive|be alive|stay alive|keep going)",
        r"nothing (?:left )?to live for",
        r"(?:life|living|it) (?:is|s|was|feels|seems) (?:not|no longer|hardly|barely) worth"
        r" (?:living|it)",
        r"not worth living",
        r"(?:life|living) (?:\w+ ){0,2}(?:not|no longer|hardly|barely|never) (?:\w+ )?worth"
        r" (?:living|it)",
        r"life (?:is|s|feels|seems) (?:pointless|meaningless|over)",
        r"what is the point (?:of|in) (?:living|life|going on|being alive|carrying on|anything)",
        r"(?:tired|sick|done|finished) (?:of|with) (?:life|living|being alive|existing|it all"
        r"|this life|this world|everything|everyone)",
        r"(?:can not|could not) be bothered (?:to live|living|with life|being alive|to be alive)"
        r"|lived (?:long enough|too long)|been here too long"
        r"|(?:not|never|no one would|nobody would|no one will|nobody will) miss (?:her|him|me)"
        r"|(?:not|never) care (?:\w+ ){0,2}what happens to (?:her|him|me|myself|herself|himself)"
        r"|(?:be|being) with (?:jesus|god|the lord)|better off (?:not|never) (?:being )?born"
        r"|might as well be dead|(?:better off )?six feet under|punished by death"
        r"|deserv\w* (?:death|to be dead|to be punished)"
        r"|(?:not|no longer) deserve\w* to (?:live|be alive|exist)",
        r"(?:drawing|draws|drew|drawings?|pictures?|sketch\w*) of (?:herself|himself|myself"
        r"|themselves) (?:hanging|dead|dying|jumping|bleeding|in a coffin)",
        r"(?:can not|could not|cannot) (?:go on|carry on|keep going)(?! (?:the|a|an|holiday"
        r"|vacation|trips?|dates?|rides?|stage|tour|with (?:the|her|his)))",
        r"(?:not|no longer|never) (?:really )?want\w* to (?:live|be alive|exist|wake up"
        r"|be here any ?more|be here any longer|be around any ?more|go on|keep living|carry on)"
        r"(?! with| in| at| near| there| alone| on| by| abroad)",
        rf"(?:not|no longer|never) (?:really )?want\w* to be (?:here|around|alive)"
        rf"(?:{_STOP}| any| anymore)",
        rf"(?:not|never) (?:really |even )?(?:mind|care|be bothered|bothered)\w* (?:if|whether)"
        rf"{_gap(5)} (?:died|dies|die|lived|lives|live|dead|gone|did not wake|does not wake"
        r"|never woke|not wake|not exist|did not exist|was not here|were not here|not around"
        r"|got hit|was hit|hit|crash\w*|did not survive|killed|took|takes|wake up|wake|woke up)",
        r"(?:not|never) (?:really |even )?(?:mind|care)\w* (?:\w+ ){0,3}(?:dying|being dead"
        r"|not waking up)",
        r"(?:live|lives|lived|living) or (?:die|dies|died|dying)",
        r"welcom\w* (?:death|dying|the end|not waking|never waking)",
        rf"(?:ready|prepared) (?:to|for) (?:die|death|go|the end|leave this world)(?:{_STOP}"
        r"| and| now| soon| whenever| when god| any time)",
        r"(?:sleep|sleeps|slept|asleep) and (?:just )?(?:not|never) wake",
        r"(?:sleep|asleep|rest|disappear|vanish|gone|go away) (?:\w+ )?(?:forever|for ever"
        r"|for good|permanently)",
        r"(?:not|never) (?:to )?wake up (?:again|ever|in the morning|one morning)",
        r"leave this (?:world|earth|life)",
        r"permanent solution",
        r"(?:stop|stopped|stops) existing",
        r"cease to exist",
        rf"if {SUBJ} ([a-z]+) , {SUBJ} \1",
        r"(?:burden|burdens) (?:to|on|for) (?:everyone|everybody|her|his|their|my|others|the)",
        r"(?:feels?|felt|feeling|is|am|being) (?:like )?(?:a|such a|nothing but a) burden",
        r"point (?:of|in) (?:me|her|him|my|his) (?:being here|being alive|living|existing"
        r"|going on|life)",
        r"(?:go|going|be) (?:to|in) heaven",
        r"(?:hates?|hated) being alive",
        r"(?:wants?|wanted|wish\w*) (?:to )?(?:be )?(?:dead|gone)",
        rf"(?:no one|nobody|anyone|everyone|people) would (?:even )?(?:miss|notice|care)"
        rf"(?: \w+){{0,2}} (?:if|when) {SUBJ}",
        rf"(?:miss|notice|care)\w* if {SUBJ} (?:was|were|died|disappeared|gone|not here)",
        r"item 9 (?:scored |score |was |of |at |positive |endorsed )?(?:[123]|positive)",
    ),
    *_rules(
        "thoughts_of_death",
        THOUGHT,
        SELF,
        rf"{THINK_DEATH} (?:\w+ )?(?:about|of|with|on) (?:death|dying|being dead|not being (?:here"
        rf"|alive|around)|not existing|not waking up|{POSS} (?:own )?(?:death|funeral))",
        rf"{THINK} (?:about|of) how {SUBJ} (?:would|could|might) die",
        rf"(?:imagin|pictur)\w* {REFLEXIVE} (?:dying|dead|in a coffin|at {POSS} funeral)",
        rf"(?:playlist|music|songs?|hymns?|readings?|plans?|planning|arrang\w*) (?:\w+ ){{0,2}}for"
        rf" {POSS} (?:own )?funeral|{POSS} own funeral",
        r"morbid (?:thoughts|preoccupation|ideas)",
        r"(?:keeps|kept|constantly|often|repeatedly|always|a lot|lot) (?:talk\w* |talks )?about"
        r" (?:death|dying|being dead|not being (?:here|around|alive)|wanting to die)",
        rf"if {SUBJ}{_gap(2)} (?:died|did not wake|were to die|was killed|never woke up"
        r"|did not survive|were dead|was dead)",
    ),
    # Methods and places named as something the client thinks of, plans, visits or does.
    *_rules(
        "method",
        THOUGHT,
        SELF,
        rf"(?:hang|hangs|hanged|hanging|drown|drowns|drowned|drowning|suffocat\w*|strangl\w*"
        rf"|poison\w*|gas|gassing|shoot|shooting|shot|stab|stabbing|starve|electrocut\w*"
        rf"|throw\w*|threw) {REFLEXIVE}(?! (?:into|at) (?:\w+ )?(?:work|study|it|things|projects?"
        r"|training|exercise|her|his))",
        rf"(?:set|sets|setting) {REFLEXIVE} (?:on fire|alight|ablaze)|self immolat\w*",
        rf"(?:jump|jumps|jumped|jumping|leap|leaps|leapt|leaping|fall\w*|step\w* off)"
        rf" (?:off|from|out of|out|in front of|under|onto|into)(?: the| a| an| {POSS})?"
        rf"{_gap(3)} {HEIGHT}",
        rf"{HEIGHT}(?: {_W}){{0,8}} (?:would|could|will|might|to) (?:jump|leap|fall|step off)",
        r"(?:jump|jumps|jumped|jumping|step|steps|stepped|stepping|walk|walks|walked|walking"
        r"|lie|lying|lay|fall\w*|throw\w* \w+) (?:out )?(?:in front of|under|onto|into)"
        r" (?:a |an |the )?(?:\w+ ){0,2}(?:train|trains|tracks|bus|lorry|truck|traffic|car"
        r"|cars|road|river|sea|lake|canal|water|ocean|tube|metro)",
        r"(?:in front of|under) (?:a|an|the) (?:\w+ ){0,1}(?:train|bus|lorry|truck|car|tube)",
        r"(?:driv\w*|drove|crash\w*|swerv\w*|steer\w*) (?:\w+ ){0,3}(?:into|off) (?:a |an |the )?"
        r"(?:\w+ ){0,2}(?:traffic|oncoming|bridge|cliff|wall|tree|lorry|truck|road|river|sea"
        r"|barrier|motorway|highway|embankment|pier|quarry)",
        r"(?:if|hop\w*|wish\w*|pray\w*) (?:\w+ ){0,4}(?:hit|killed|run over) by (?:a|an|the)"
        r" (?:\w+ ){0,1}(?:bus|car|train|truck|lorry)",
        rf"{THINK} (?:\w+ ){{0,2}}(?:crashing|crash|wrapping|steering|driving|swerving)"
        r" (?:\w+ ){0,2}(?:car|van|truck|bike|motorbike|lorry)(?! (?:to|for) work)",
        r"(?:if|that) (?:a|the) (?:bus|car|train|truck|lorry) (?:hit|hits|would hit|killed|kills)"
        r" (?:me|her|him)|(?:a|the) (?:bus|car|train|truck|lorry) would (?:hit|kill) (?:me|her"
        r"|him)",
        r"look like an accident",
        r"exhaust (?:fumes|pipe)|car exhaust|running the (?:car|engine)(?: \w+){0,5} garage"
        r"|carbon monoxide (?:to|attempt|in the car)|(?:bought|buying|burn\w*"
        r"|lit) (?:\w+ )?charcoal"
        r"|charcoal (?:in|and) (?:\w+ ){0,3}(?:tent|car|room|bathroom)|helium (?:tank|canister"
        r"|and a bag)|hose ?pipe (?:to|from|into) (?:the )?(?:exhaust|car)|(?:plastic )?bag over"
        rf" {POSS} head",
        rf"(?:rope|belt|cord|cable|scarf|string|shoelace|lead|ligature|tie|bag)"
        rf" (?:\w+ ){{0,3}}(?:around|round) {POSS} (?:neck|throat|head)",
        r"nooses?|ligatures?",
        rf"(?:cut|slit|slash)\w* {POSS} (?:throat|wrists?)",
        r"(?:jump|jumps|jumped|jumping) (?:off|from|out)(?: of)?(?: the| a)?(?: \w+){0,2}"
        r" (?:window|roof|bridge|balcony|building|block|flat|tower|car park|cliff)",
        r"(?:going|went|goes|go|gone|climb\w*|got) (?:up )?(?:onto|on to|up to|up on|to the roof"
        r" of) (?:the )?(?:roof|car park|multi storey|building|block|tower)(?! garden| terrace"
        r"| bar)",
        rf"(?:stood|stand|stands|standing|sat|sits|sitting|climb\w*|lean\w*|perch\w*|balanc\w*)"
        rf" (?:\w+ ){{0,3}}(?:on|at|over|onto|outside|off|beyond|by|near)(?: of)? (?:the|a|an)"
        rf" (?:\w+ ){{0,2}}{HIGH_PLACE}(?! club| game| player| night| lesson)",
        rf"(?:look|looks|looked|looking|stare\w*|gaz\w*|peer\w*) (?:\w+ ){{0,2}}(?:down|over)"
        rf" (?:at |from |into |over )?(?:the |a )?(?:\w+ ){{0,2}}(?:{HIGH_PLACE}|(?:water|river"
        r"|traffic|road|ground|tracks|street) below)",
        rf"(?:walks?|walked|walking|drives?|drove|driving|goes|went|go|visits?|visited|visiting"
        rf"|steps?|stepped) (?:\w+ ){{0,2}}(?:to|onto|on to|out onto|out on) (?:it|(?:the|a)"
        rf"(?: {_W}){{0,2}} (?:bridge|cliffs?|railway|tracks|viaduct|overpass|car park|roof"
        rf"|rooftop|quarry|edge|ledge))(?! to work| on the way| for work| every day for work"
        r"| club| game| night| lesson| garden| terrace| bar| party)",
        r"(?:edge|yellow line) of the platform",
        r"(?:walk\w*|ran|runs|running) (?:across|along|on|onto|down) the (?:motorway|highway"
        r"|dual carriageway|hard shoulder)",
        rf"{HEIGHT}(?: \S+){{0,8}} (?:looking|looks|looked|staring|stares|stared|gazing|peering)"
        r" down|(?:looking|looks|looked|staring|stares|stared) down (?:\S+ ){0,6}(?:balcony|roof"
        r"|bridge|ledge|cliff|car park|window|floor)",
        rf"(?:gun|pistol|rifle|shotgun|revolver) (?:\w+ ){{0,3}}(?:to|against|in) {POSS}"
        r" (?:own )?(?:head|temple|chest|mouth)",
        rf"(?:pour\w*|douse\w*|doused) (?:\w+ ){{0,2}}(?:petrol|gasoline|lighter fluid|fuel)"
        rf"(?: (?:over|on) {REFLEXIVE})?|(?:petrol|gasoline) (?:over|on) {REFLEXIVE}",
        r"hose (?:\w+ ){0,4}garage|garage (?:\w+ ){0,4}hose",
        r"(?:want\w*|wish\w*|tried|trying|hoping|hoped) to get (?:hit|run over|killed)",
        rf"how (?:many|much) (?:\w+ ){{0,3}}(?:{PILLS} )?(?:\w+ ){{0,3}}(?:it would take|would it"
        r" take|it takes|to die|would kill|to kill|is lethal|to overdose|before (?:she|he|you)"
        r" die)",
        r"(?:walk\w*|wander\w*|lie|lies|lying|lay|sat|sits|sitting|stand\w*|stood) (?:\w+ ){0,2}"
        r"(?:on|along"
        r"|across) (?:the )?(?:railway|train|rail) (?:line|lines|tracks)",
        r"in front of (?:the )?(?:oncoming )?traffic|(?:step\w*|walk\w*|jump\w*|throw\w* \w+)"
        r" (?:out )?into (?:the )?(?:oncoming )?traffic",
        r"(?:climb\w*) (?:\w+ ){0,1}(?:out of|onto|over) (?:the|a) (?:\w+ )?(?:window|balcony"
        r"|railing|ledge|roof|parapet)",
        rf"(?:stopp?\w*|refus\w*|not|quit\w*) (?:taking )?(?:{POSS} )?(?:\w+ )?(?:{PILLS}|dialysis"
        r"|treatment|chemo\w*|food|eating)(?: \S+){0,8} (?:no point|what is the point|wants? to die"
        r"|ready to go|ready to die|let nature|given up|speed (?:things|it) up|be with)",
        r"how (?:high|far|long) (?:the )?(?:drop|fall|bridge|building|it takes to die)",
        r"(?:take|took|taking|takes|swallow\w*|ingest\w*|drink|drank|drinking) (?:\w+ ){0,3}"
        r"(?:overdose|bleach|poison|antifreeze|weedkiller|handful)",
        rf"(?:omit\w*|skip\w*|leav\w* out|left out|withh[oe]ld\w*|stopp?\w* taking|not taking)"
        rf" (?:\w+ ){{0,2}}{PILLS}(?: \w+){{0,6}} (?:on purpose|deliberately|intentionally"
        r"|to see what happens|so (?:she|he|i|they) (?:would|will|could|might) die)",
        r"(?:missing|missed|skipping|skipped|stopped|refusing|refused|omitting|leaving out)"
        r" (?:\w+ ){0,3}(?:on purpose|deliberately|intentionally)",
        r"into (?:the path of|(?:a|the) \w+ s path)",
        r"(?:safer|better|happier) (?:off )?in heaven",
        rf"plan\w* to (?:take|swallow) (?:\w+ ){{0,3}}{PILLS}",
        r"how (?:much|many) (?:\w+ ){0,6}(?:would be|is|are|would) (?:dangerous|lethal|fatal"
        r"|enough to)",
        rf"(?:has|have|keeps|kept|got|stored) (?:\d{{2,}}|dozens of|boxes of|bottles of|packets of)"
        rf" (?:\w+ )?{PILLS}",
        r"(?:on purpose|deliberately|intentionally) (?:\w+ ){0,4}(?:crash\w*|omit\w*|skip\w*"
        r"|overdos\w*|not taking|stopp?\w* taking|left out|leaving out)",
        r"(?:voices?|commands?|command hallucinations?) (?:\w+ ){0,8}(?:to|must|should)"
        r" (?:kill|hurt|harm|cut|jump|die|end|hang|drown|stab|burn|stop eating|starve"
        r"|not eat|set fire)",
        r"(?:drive|drives|driving|drove) (?:\w+ ){0,3}(?:recklessly|dangerously|at very high"
        r" speed|at high speed|without a seatbelt|drunk on purpose)",
        r"(?:refus\w*|stopped|stopping) (?:\w+ ){0,2}(?:eating and drinking|food and (?:fluids"
        r"|drink|water)|to eat or drink|fluids)",
    ),
    *_rules(
        "self_harm",
        ACT,
        SELF,
        r"self ?(?:harm|injur|mutilat|inflict|destruct|punish|cutting)\w*",
        r"nssi|dsh|sib|sh|sh ing|sh ed",
        rf"(?:cut|cuts|cutting|burn|burns|burnt|burned|burning|hit|hits|hitting|punch\w*|slap\w*"
        rf"|scratch\w*|bit|bite|bites|biting|stab|stabs|stabbing|stabbed|pinch\w*|carv\w*"
        rf"|slash\w*|hurt|hurts|hurting|harm|harms|harming|harmed|injur\w*|mutilat\w*|bruis\w*"
        rf"|choke\w*|choking|strangl\w*|whip\w*|flog\w*|scald\w*|punish\w*|starv\w*) {REFLEXIVE}",
        rf"(?:cut|cuts|cutting|burn|burns|burnt|burned|burning|scratch\w*|carv\w*|slash\w*"
        rf"|scor\w*|dig|digs|digging|stab\w*|gouge\w*|scrap\w*|scald\w*|bit|bite|bites|biting)"
        rf" (?:\w+ ){{0,3}}(?:into |on |in |at )?(?:{POSS} |the )?(?:\w+ )?{BODY}",
        rf"(?:cuts|cut marks|scars|scarring|wounds|burns|marks|lacerations|scratches|bruises)"
        rf" (?:\w+ ){{0,2}}(?:on|to|across|along|over) (?:{POSS} |the |both )?(?:\w+ )?{BODY}",
        r"(?:fresh|new|healing|old|recent|deep|superficial|self inflicted|parallel|linear)"
        r" (?:cuts|wounds|scars|burns|lacerations|scratches)",
        r"(?:hides|hide|hiding|hid|covers|covering|cover|conceal\w*) (?:\w+ ){0,2}(?:arms|wrists"
        r"|legs|thighs|cuts|scars|marks|wounds|burns|injuries)",
        rf"(?:bang\w*|hit\w*|bash\w*|knock\w*|slam\w*|smash\w*) {POSS} (?:own )?(?:head|fists?"
        r"|hands?) (?:\w+ )?(?:on|against|into|off|through)",
        r"head ?bang\w*",
        r"(?:punch\w*|hit\w*|kick\w*|smash\w*) (?:the )?(?:walls?|doors?|radiators?|mirrors?"
        r"|windows?|bricks?)",
        r"until (?:it|they|she|he|her \w+|his \w+|the \w+|skin|knuckles)? ?"
        r"(?:bleed|bleeds|bled|bleeding|blister\w*|bruis\w*|split|splits|break|broke|raw|scar)",
        r"(?:razor|razors|blades?|sharpener|box cutter|stanley knife|craft knife|compass|lighter"
        r"|cigarettes?|scalpel|glass|needles?|pins?) (?:\w+ ){0,3}(?:to cut|on (?:her|his|my)"
        r" \w+|against (?:her|his|my) \w+|into (?:her|his|my) \w+|under (?:her|his|my) \w+)",
        r"(?:sharpener|razor|craft|pencil sharpener) blades?|razor blades?",
        r"(?:self ?harm|cutting|sh) kit|kit of (?:\w+ ){0,2}blades",
        r"to feel something|as (?:a )?punishment|to punish (?:herself|himself|myself|themselves)",
        r"(?:so|so that) (?:they|it|the (?:cuts|wounds)) (?:won t|will not|do not|don t|can not"
        r"|does not) heal|(?:reopen\w*|picks? open|picking open) (?:\w+ ){0,2}(?:wounds|cuts"
        r"|scabs|scars)",
        rf"(?:rub\w*|scrap\w*|sand\w*) (?:\w+ ){{0,2}}(?:{POSS} )?(?:\w+ )?{BODY} raw",
        rf"(?:hold|holds|held|holding|press\w*|pour\w*) (?:ice|a lighter|a flame|a hot \w+"
        rf"|cigarettes?|boiling water|hot water) (?:\w+ ){{0,3}}(?:against|on|to|over|onto)"
        rf" (?:{POSS} )?{BODY_AND_HANDS}",
        r"(?:deliberate\w*|on purpose|intentional\w*) (?:\w+ ){0,2}(?:burn|cut|hit|scratch"
        r"|scald|injur|hurt|harm|bang|punch|bit|bite|break|broke)\w*",
        r"cutting (?:again|restarted|resumed|started|began|episodes?|behaviou?rs?|increased"
        r"|returned|urges?|to cope|when|since|has|is|was)",
        r"(?:restarted|resumed|started|began|relapsed into|returned to|urges? to|history of"
        r"|hx of) (?:\w+ ){0,2}(?:cutting|burning (?:herself|himself))",
        r"(?:drank|drinks|drinking|drink|swallow\w*|ingest\w*) (?:\w+ ){0,2}(?:cleaning fluid"
        r"|cleaner|detergent|disinfectant|laundry pods?|hand sanitis\w*|hand sanitiz\w*)",
        r"(?:swallow\w*|ingest\w*) (?:\w+ ){0,2}(?:batteries|glass|blades|razors?|pins|needles"
        r"|objects|bleach|coins|magnets|screws|nails)",
        rf"(?:break|broke|broken|fractur\w*) {POSS} own",
        rf"(?:tied|ties|tying|tie) (?:\w+ ){{0,3}}(?:tight|tightly) (?:around|round) {POSS}",
    ),
    *_rules(
        "attempt",
        ACT,
        SELF,
        r"overdos\w*",
        r"od|o d|od d|ods",
        r"(?:suicide|suicidal|overdose|od) attempts?",
        r"(?:recent|prior|previous|last|first|second|third|multiple|serious|near lethal|aborted"
        r"|interrupted|failed|medically serious|past) (?:suicide )?(?:attempts?)",
        r"(?:to the point of|until) (?:bleeding|scarring|injury|wounds)",
        r"(?:recent|remote|prior|previous) sa|sa (?:\w+ ){0,2}(?:od|overdose|by|via|x \d|with"
        r"|using)",
        r"(?:an|the|his|her|this|that) attempt (?:with|by|using|involving|on (?:her|his) life)",
        r"attempt\w* (?:to )?(?:suicide|kill|end|take (?:her|his|their|my) (?:own )?life|hang"
        r"|drown|overdose|jump|die)",
        r"(?:tried|tries|trying|try|attempted) to (?:kill|end|take|hang|drown|strangle"
        r"|suffocate|overdose|jump|walk into|drive|crash|shoot|cut|stab|harm|hurt|poison|gas"
        rf"|put|throw|die|choke|electrocute|starve|set)(?! {PERSON})",
        rf"(?:took|take|taking|takes|swallowed|swallowing|swallow|downed|ingested) (?:\w+ ){{0,3}}"
        rf"(?:all|a whole|the whole|an entire|a bottle|a box|a packet|a strip|a handful"
        rf"|handful|fistful|lots|loads|a lot|[1-9][0-9]+(?! mg| milligrams?| mcg| micrograms?"
        rf"| units| ml)|extra)"
        rf" (?:of )?(?:\w+ ){{0,3}}{PILLS}",
        rf"(?:handful|fistful|bottle|packet|box|strip|stash) of (?:\w+ ){{0,3}}{PILLS}",
        r"(?:took|take|taking|takes|swallowed|used) (?:\w+ ){0,4}to (?:finish things|die|end it"
        r"|not wake up|be dead|make it stop|sleep forever)",
        r"(?:disappointed|angry|upset|sorry|regrets?) (?:that )?(?:it|she|he|they|i)"
        r" (?:did not work|survived|woke up|is alive|lived)",
        r"(?:survived|woke up) (?:\w+ ){0,3}(?:attempt|overdose)",
    ),
    *_rules(
        "access_to_means",
        MEANS,
        SELF,
        GUN,
        r"lethal\w*",
        rf"(?:stockpil\w*|hoard\w*|stash\w*|squirrel\w* away|saving up|saved up|saving (?:her"
        rf"|his|my) (?:\w+ )?(?:pills|tablets|meds))(?: {_W}){{0,4}} {PILLS}",
        rf"{PILLS} (?:\S+ ){{0,10}}(?:stockpil\w*|hoard\w*|stash\w*|saved up|saving up"
        r"|squirrell?ed|keeping (?:them|it)(?! in| with| safe| locked)|saving (?:them|it)"
        r"|holding on to (?:them|it)|hanging on to (?:them|it)|hiding (?:them|it)|hid (?:them|it)"
        r"|hides (?:them|it))",
        rf"(?:months?|weeks?)(?: s)? supply|(?:large|big|huge) (?:supply|amount|quantity|stock"
        rf"|stash) of (?:\w+ ){{0,2}}{PILLS}|enough (?:\w+ )?{PILLS} to",
        rf"(?:keeps?|kept|keeping|has|have|had|took|takes|taking|saved|saving|hid|hides|hidden"
        rf"|stores?|stored|held on to|holding on to|still) (?:\w+ ){{0,2}}(?:late|dead|deceased"
        rf"|old|leftover|left over|unused|expired|spare|someone else s"
        rf"|{KIN} s) (?:\w+ ){{0,3}}{PILLS}",
        rf"(?:late|dead|deceased|leftover|left over|unused|old) (?:\w+ ){{0,3}}{PILLS}",
        rf"access (?:\w+ ){{0,2}}to (?:\w+ ){{0,2}}(?:{PILLS}|drugs|poison|controlled drugs|{GUN}"
        rf"|{WEAPON}|heights?|means)",
        rf"(?:get|gets|getting) (?:\w+ ){{0,3}}(?:{PILLS}|drugs|poison|controlled drugs)"
        r" (?:\w+ ){0,3}(?:on the ward|at work|from work|at the pharmacy|in the clinic)",
        r"ropes?(?! swing| course| bridge| ladder| access| work| and timber| to build| for (?:the"
        r" |a |his |her )?(?:boat"
        r"|garden|climbing|camping|tree|swing|tent|washing|fence|dog))",
        r"(?:bought|buys|buying|purchased|ordered|obtained|got|found|keeps?|kept|stored|stores"
        r"|stash\w*) (?:\w+ ){0,3}(?:rope|ropes|noose|razors|blades|poison|ligatures?|scalpels?)"
        r"(?! and timber| to build| ladder| for (?:climbing|work|the boat|camping))",
        rf"{PILLS} (?:\w+ ){{0,6}}(?:then )?put (?:them|it) back",
        r"(?:for when|in case) (?:i|she|he|they) (?:need|needs|want|wants|am ready|is ready"
        r"|decide|decides) (?:them|it|to)",
        r"(?:bought|buying|buys|purchased) (?:\w+ ){0,2}(?:several|many|multiple|extra|lots of"
        r"|\d+) (?:packets|boxes|bottles) of|from different (?:shops|pharmacies|chemists)",
        r"play\w* with (?:a |the |his |her )?(?:gun|knife|razor|pills|rope|lighter)",
        r"(?:access|get|gets|keeps?|kept|stores?|stored|bought) (?:\w+ ){0,3}(?:pesticides?"
        r"|weedkiller|paraquat|cyanide|poisons?|rat poison|antifreeze|insecticide)",
        r"tourniquets?",
        rf"(?:{PILLS}|knife|knives|blades?|razors?) (?:\w+ ){{0,2}}under (?:her|his|my|their)"
        r" (?:pillow|mattress|bed)",
        rf"(?:buying|buys|bought) (?:\w+ )?{PILLS} (?:every|each) (?:day|week|time|shop)",
    ),
    # A blade kept or hidden: means for self-harm, or, in OCD, avoidance (read as a thought).
    *_rules(
        "access_to_means",
        THOUGHT,
        SELF,
        r"(?:bought|keeps?|kept|hid|hides|hidden|hiding|stash\w*) (?:\w+ ){0,3}(?:a knife|knives"
        r"|a blade|blades|razors?|scalpels?)",
    ),
    *_rules(
        "preparatory_act",
        PREP,
        SELF,
        r"(?:goodbye|farewell|suicide) (?:letters?|notes?|messages?|texts?|videos?|posts?"
        r"|emails?)(?! for (?:a|her|his|the) (?:colleague|coworker|friend|teacher|boss|neighbou?r"
        r"|classmate))",
        r"(?:goodbye|bye) (?:\S+ ){0,3}(?:i m sorry|i am sorry|sorry|love you all)",
        r"(?:wrote|written|writing|left) a note (?:to|for) (?:her|his|my|their) (?:mum|mother|dad"
        r"|father|parents|family|children|kids|wife|husband|partner|sister|brother|girlfriend"
        r"|boyfriend)",
        r"(?:said|saying|says) (?:her|his|their|my) goodbyes|(?:been|keeps|kept) saying goodbye",
        rf"{PILLS} in (?:her|his|my|their) (?:hand|hands|palm|mouth)",
        rf"(?:stopped|stops) {REFLEXIVE} (?:at the last (?:minute|moment|second)|just in time)"
        r"|changed (?:her|his|my|their) mind at the last (?:minute|moment|second)",
        r"(?:letters?|notes?|messages?) (?:\w+ ){0,3}(?:explaining why|to explain why"
        r"|saying sorry|apologi[sz]ing)",
        r"(?:final|last|one last) goodbyes?|goodbyes? (?:\w+ ){0,4}(?:for good|forever"
        r"|for the last time)",
        r"(?:letters?|notes?|messages?|cards?|videos?) (?:\w+ ){0,6}(?:when (?:i|i m|i am"
        r"|she is|he is|she s|he s) gone|after (?:i|she|he) (?:die|dies|died|am gone|is gone)"
        r"|to be (?:read|opened) (?:after|when)|in case (?:something|anything) happens)",
        r"(?:letters?|messages?|notes?|videos?|cards?|gifts?|recordings?) (?:\w+ ){0,3}(?:for"
        r"|to) (?:each|all) of (?:her|his|their|my)",
        r"when (?:i m|i am|she is|he is|they are|she s|he s) (?:gone|dead|not here"
        r"|no longer here|not around)",
        r"(?:changed|changing|updated|updating|rewrote|rewritten|redid|redone|new|suddenly"
        r"|unexpectedly|secretly) (?:\w+ )?(?:a |her"
        rf" |his |their |my |a new |new )?(?:will|wills)(?:{_STOP}| and| without| last"
        r"| recently| this| suddenly| in)",
        r"where (?:the|her|his|my) will",
        r"(?:check|checks|checked|checking|changed|changing|updated|updating|asked about"
        r"|asking about"
        r"|read|reading"
        r"|looked up|looked into|researched) (?:\w+ ){0,3}(?:life insurance|beneficiar\w*)"
        r"|life insurance (?:\w+ ){0,3}(?:pay|pays|payout|cover|covers) (?:\w+ ){0,3}(?:suicide"
        r"|death|if)",
        r"affairs in order|tying up loose ends|tied up loose ends|put (?:her|his|their|my)"
        r" (?:things|house|papers) in order",
        r"(?:(?:wrote|written|writing) out|gave|left|handed|told \w+) (?:her |his |my |all"
        r" (?:her |his )?)?(?:passwords|pin numbers|bank details|account details)"
        r"|who (?:should|would|will) (?:get|have) (?:what|her|his|my)|who gets what",
        r"(?:giv\w*|gave|give) (?:away )?(?:\w+ ){0,4}(?:belongings|possessions|prized|treasured"
        r"|favou?rite|medals|jewell?e?ry|collection|valuables|things away|stuff away|games"
        r"|clothes away|guitar|pets?|cat|dog|bike|phone|laptop|console|xbox|playstation|watch"
        r"|ring|records|tools)(?! to charity| to a charity| for (?:repair|his birthday|her birthday"
        r"|christmas))",
        r"(?:giv\w*|gave|give) (?:\w+ ){0,4}away(?! to charity| to a charity| at| for free"
        r"| samples| the ending| the game| secrets?)",
        r"(?:rehom\w*|found a (?:new )?home for) (?:\w+ )?(?:her|his|their|my) (?:cat|dog|pets?)",
        r"(?:asked|arranged for|arranging for) (?:\w+ ){0,4}to (?:look after|care for|take)"
        r" (?:her|his|their|my|the) (?:cat|dog|pets?|children|kids) (?:if|when|after)",
        r"(?:letters?|notes?) (?:\w+ ){0,4}(?:and )?(?:hid|hidden|hides|sealed|to be found"
        r"|left on (?:her|his) (?:bed|pillow|desk))",
        r"(?:will not|would not|not going to|is not going to|won t) (?:be )?(?:needing|need)"
        r" (?:them|it|these|those|anything|any of)",
        r"(?:rehears\w*|practis\w*|practic\w*|tested|testing|tried out) (?:\w+ ){0,3}(?:tying"
        r"|the knot|the rope|knot|noose|hang\w*|jump\w*|overdos\w*|it|how|with (?:a|the)"
        r" (?:belt|cord|rope|scarf|lead|ligature|bag))",
        r"(?:research\w*|look\w* up|looked up|search\w*|googl\w*|read\w* about|browser|internet"
        r"|web|online) (?:\w+ ){0,6}(?:lethal|overdose|overdosing|fatal|toxic dose|maximum dose"
        r"|how (?:to (?:die|kill|hang|overdose|end)|many (?:\w+ )?(?:pills|tablets|it takes)"
        r"|much (?:\w+ ){0,2}(?:would|to) (?:kill|be lethal)|long it takes to die)|ways to (?:die"
        r"|kill|end)|suicide|(?:methods?|ways) (?:of|for) (?:dying|suicide|killing)|(?:which"
        r"|express|fast|non stop) trains?|(?:height|tallest|highest) (?:\w+ ){0,2}(?:bridges?"
        r"|buildings?|cliffs?)|poisons?|hanging|painless|die|dying|kill (?:yourself|myself"
        r"|herself|himself))",
        r"(?:chose|chosen|picked|set|decided on|choosing|picking|identified) (?:a |the )?(?:date"
        r"|day|time|place|spot|method|location|beam|bridge|cliff) (?:\w+ ){0,3}(?:to|for|when"
        r"|where|would|from)",
        r"which (?:beam|tree|method|rope)|which (?:bridge|building|car park|cliff) (?:\w+ ){0,3}"
        r"(?:would|to|jump|use)|which (?:pills?|tablets?|medicines?|drugs?) (?:\w+ ){0,3}(?:would"
        r"|could) (?:be lethal|kill|be fatal)|which (?:express |fast )?trains? (?:do not|don t"
        r"|never) stop",
        r"(?:counted|counting|counts|lined up|laid out|lays out|poured|pouring|tipped|emptied)"
        rf" (?:out )?(?:\w+ ){{0,3}}{PILLS}(?! (?:\w+ ){{0,4}}(?:for (?:customers|patients"
        r"|prescriptions)|at work|into (?:a |the |her |his )?(?:dosette|blister|pill box"
        r"|organi[sz]er)))",
        r"(?:letters?|notes?|messages?|videos?|cards?|recordings?|posts?) (?:\w+ ){0,6}(?:for"
        r" afterwards|for after|after (?:her|his|my) death|after (?:i|she|he) (?:m|s|am|is) gone)",
        r"(?:told|showed|shown|left|gave) (?:\w+ ){0,3}where (?:to find )?(?:\w+ ){0,3}(?:insurance"
        r"|papers|documents|passwords|will)",
        r"(?:see|visit|hug|call|ring|say goodbye to|hold) (?:\w+ ){0,3}one last time",
        r"(?:her|his|my) own (?:eulogy|obituary)",
        r"(?:closed|closing|emptied|emptying) (?:all )?(?:her|his|my|their) (?:bank )?accounts",
        r"timing the trains",
        r"(?:made|wrote|written|list of|arranged|arranging|sorted|decided|deciding|told \w+)"
        r" (?:\w+ ){0,3}who (?:should|would|will|could|is to) (?:look after|care for|take|have"
        r"|get) (?:her|his|my|the) (?:cat|dog|pets?|children|kids|things|stuff)",
    ),
]

# --- harm to others ----------------------------------------------------------------------------
_OTHERS_RULES: list[Rule] = [
    *_rules(
        "harm_to_others",
        EXPLICIT,
        OTHERS,
        r"homicid\w*",
        r"hi",
        r"h i",
        r"violent (?:thoughts?|urges?|fantas\w*|ideation|impulses?|intent|threats?|images?"
        r"|plans?|feelings)",
        r"(?:thoughts?|urges?|fantas\w*|ideas?|plans?) (?:\w+ ){0,2}(?:of )?(?:violence|revenge"
        rf"|retaliation|killing|murder)(?! {REFLEXIVE})",
        r"(?:kill|hit|death|target) list|list of (?:people|names|students|kids|targets)",
        r"(?:shoot|shooting|bomb\w*|blow\w*) up (?:the |a |his |her |my )?(?:\w+ )?(?:school"
        r"|office|workplace|church|mosque|synagogue|mall|place|building|class)",
        r"(?:fascinat\w*|obsess\w*|admir\w*|research\w*|read\w* about|idoli[sz]\w*|fantasi[sz]\w*"
        r"|glorif\w*|talks? (?:a lot )?about|draws?|drawing|writes? about) (?:\w+ ){0,4}(?:school"
        r"|mass|workplace|past) (?:shootings?|shooters?|attacks?|massacres?)",
        rf"(?:bring|bringing|brought|take|taking|took|carry|carries|carrying) (?:a |his |her"
        rf" |the )?(?:{GUN}|{WEAPON}) (?:\w+ ){{0,2}}(?:to|into) (?:school|work|class|the office"
        r"|college)",
        r"make (?:them|him|her|everyone|them all|people) pay(?! for| the| back| rent| bills)",
        r"(?:deserves?|deserved) (?:to suffer|to be hurt|what is coming|to pay)",
        r"revenge (?:fantas\w*|plans?|plot\w*|attack)|(?:fantasi\w*|plans?|plotting|planning)"
        r" (?:\w+ ){0,2}revenge",
        r"knows? where (?:he|she|they) (?:lives?|works?|sleeps?)",
        r"(?:will|would|won t|will not) (?:not )?leave (?:alive|in one piece)|they will not"
        r" leave",
        rf"{KIN} (?:\w+ ){{0,3}}better off dead(?: together)?",
        rf"(?:kill|take) (?:\w+ ){{0,2}}{KIN} with (?:her|him|them)",
        rf"{REFLEXIVE} (?:and|or) (?:others|anyone|someone|other people|anyone else)",
        rf"(?:kill|killing|hurt|hurting|harm|harming)\w* (?:\w+ ){{0,4}}(?:and|then) (?:then )?"
        rf"{REFLEXIVE}",
        r"(?:end it|die|dead) (?:\w+ ){0,2}(?:for both of us|both of us|together)",
        rf"(?:{KIN}|him|them) (?:\w+ ){{0,3}}(?:must|should|has to|needs to|ought to|deserves? to)"
        r" (?:die|be dead)",
        r"next time (?:i ll|i will|i m going to|he ll|he will|she ll|she will) (?:do it|kill"
        r"|hurt|finish)",
    ),
    *_rules(
        "harm_to_others",
        THOUGHT,
        OTHERS,
        rf"{_VIOLENT}(?: up| over| down)? {PERSON}",
        rf"{_VIOLENT} (?:\w+ ){{0,2}}(?:at|into|toward|towards|against) {PERSON}",
        rf"(?:run|runs|ran|running) {PERSON} (?:over|down)",
        r"(?:kill\w*|tortur\w*|strangl\w*|stab\w*|drown\w*|burn\w*|hurt\w*|harm\w*|kick\w*"
        r"|hit|hits|hitting|throw\w*|threw|squeez\w*|choke\w*|chok\w*|suffocat\w*|smother\w*)"
        r" (?:the |a |her |his |their |its |our )?(?:family |neighbou?r s |\w+ s )?(?:cats?|dogs?"
        r"|kittens?|pupp(?:y|ies)|pets?|hamsters?|rabbits?|animals?|guinea pigs?|birds?)",
        rf"(?:push\w*|shov\w*|throw\w*|threw|drop\w*|toss\w*) {PERSON} (?:down|off|onto|out of"
        r" (?:a|the) window|over (?:a|the)|under|in front of|into (?:the )?(?:traffic|road|river"
        r"|water|canal|fire|wall)|against|across)",
        rf"(?:take|takes|taking|took) out {PERSON}(?! for| to| on a| shopping| dinner| lunch)",
        rf"(?:put|putting|puts) {PERSON} in (?:the ground|a grave|hospital|the hospital|intensive"
        r" care|a wheelchair|a coffin|a box)",
        rf"{PERSON}(?: {_W}){{0,4}} with (?:a|an|the|his|her|my|their) (?:\w+ )?(?:{WEAPON}"
        rf"|{GUN})",
        rf"(?:hands?|arms?|fingers|rope|belt|cord) (?:\w+ ){{0,2}}(?:around|round) (?:(?:his|her"
        rf"|their|the) )?(?:\w+ )?{KIN} s (?:neck|throat)",
        rf"(?:see|watch|make) (?:\w+ ){{0,3}}(?:{KIN}|him|her|them) (?:suffer|die|bleed|burn"
        rf"|in pain)",
        rf"(?:do|doing|does|did) something (?:bad |terrible |awful |nasty )?to {PERSON}",
        rf"(?:break|breaks|broke|broken|snap|wring|smash|kick|cave|bash) (?:{POSS}|(?:{POSS} )?"
        rf"(?:\w+ )?{KIN} s)"
        r" (?:\w+ )?(?:neck|legs?"
        r"|face|jaw|nose|skull|head|teeth)(?: in)?(?! against| on| into| off| with)",
        rf"(?:slit|cut|slash) {KIN} s (?:\w+ )?(?:throat|neck|face)",
        rf"violen\w* (?:\w+ ){{0,3}}(?:toward|towards|against) {PERSON}",
        rf"(?:grabbed|grabs|dragged|drags|pinned|pins) {PERSON} (?:\w+ ){{0,2}}(?:by the (?:throat"
        r"|neck|hair)|against|to the (?:floor|ground|wall))",
        r"(?:s|is) a dead (?:man|woman)|(?:will not|won t|never) see it coming"
        r"|(?:never|not) walk again",
        rf"{WANT}{_gap(2)} (?:him|them|{PERSON}) (?:was |were |to be |would be )?(?:dead|gone"
        r"|out of the way|to die|to suffer)",
        rf"(?:push\w*|held|hold\w*|forc\w*|shov\w*|put\w*) (?:{POSS} |{KIN} s "
        rf"|\w+ s )(?:\w+ ){{0,3}}"
        r"(?:head|face) (?:under|into|against|through)",
        rf"(?:{WEAPON}|{GUN}) (?:\w+ ){{0,2}}(?:to|against|at) (?:{POSS}|{KIN} s|\w+ s)"
        rf"(?: \w+){{0,2}} (?:throat|neck|head|face|chest)",
    ),
    *_rules(
        "harm_to_others",
        THREAT,
        OTHERS,
        rf"(?:threat\w*|menac\w*|chas\w*|went for|go for|lunged at) (?:\w+ ){{0,3}}{PERSON}",
        r"threat\w* to (?:kill|hurt|harm|stab|shoot|strangle|beat|attack|burn|murder|end)",
        r"(?:made|making|makes) threats",
        rf"(?:{GUN}|{WEAPON}) (?:\w+ ){{0,6}}(?:if|says|said|threat\w*|they|them|him|her)"
        r"(?: \w+){0,6} (?:again|come|comes|touch|touches|leave|pay|sorry)",
        rf"(?:use|used|using) (?:it|them|the \w+|a \w+) on {PERSON}",
        rf"(?:carr(?:y|ies|ied|ying)|brandish\w*|wav(?:ed|ing)|wield\w*|pulled|took out|holding"
        rf"|held|grabbed|bought|buys|buying) (?:a |an |the |his |her )?(?:\w+ )?(?:{WEAPON})"
        r"(?! (?:to|against|on|into) (?:his|her|my|their) (?:own )?(?:tummy|stomach|wrists?|arms?"
        r"|legs?|thighs?|skin|chest))",
        r"(?:follow\w*|stalk\w*|tracked) (?:\w+ ){0,3}(?:home|to (?:her|his|their) (?:house"
        r"|home|flat|work))",
        r"threatening (?:texts|messages|letters|calls|emails|notes|voicemails|posts)",
        r"(?:get|gets|got|getting) what is coming(?: to (?:him|her|them))?",
        rf"(?:burn\w*|torch\w*) (?:{POSS}|the|a) (?:\w+ ){{0,2}}(?:house|flat|home|school|car)"
        r" down",
        rf"poison\w* (?:{POSS} )?{KIN} s (?:\w+ )?(?:tea|food|drink|coffee|meal|dinner|medication"
        r"|pills|bottle|water)",
        r"(?:getting|get|buy|buying|bought) a (?:gun|rifle|shotgun|weapon) (?:\w+ ){0,4}(?:and|to)"
        r" (?:go|going|shoot|use it|take it)",
        r"(?:sharpen\w*) (?:a |the |his |her )?(?:knife|knives|machete|blade|axe)(?! at work"
        r"| for work| in the kitchen| as a chef)",
        r"(?:been|keeps|kept|sits|sat) watching (?:her|his|their|the \w+ s) (?:house|flat|home)"
        r"(?! while| for)",
        r"(?:parking|parked|parks|waiting|waits|sitting|sat|standing|turning up|turned up)"
        r" (?:\w+ ){0,2}outside (?:her|his|their|the)(?: \w+){0,4} (?:flat|house|home|work"
        r"|office|school)(?! for| to pick)",
        r"(?:parking|parked|waiting|waits|sitting|sat|standing) outside (?:her|his|their"
        r"|the \w+ s) (?:flat|house|home|work|office|school)",
        rf"(?:set fire to|burn\w* down|torch\w*) (?:{POSS}|the|a) (?:\w+ ){{0,3}}(?:house|flat|car"
        r"|home|shop|school|shed|garage|door|property|bins?)",
    ),
]
RULES: tuple[Rule, ...] = (*_SELF_RULES, *_OTHERS_RULES)


# --- exclusions --------------------------------------------------------------------------------
def _idioms(target: str, *patterns: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(target, re.compile(r"(?<![a-z0-9])(?:" + p + ")" + _END)) for p in patterns]


# Figures of speech: an idiom overlapping a hit (for its target) sets the hit aside.
_IDIOMS = (
    *_idioms(
        BOTH,
        # hyperbole about pain, hunger, success, embarrassment, eagerness
        r"(?:is|are|was|were|s|m|am|re|been|keeps?) (?:\w+ )?(?:killing|murdering)"
        r" (?:me|her|him|us|them)",
        r"(?:will|would|going to|gonna|ll) (?:\w+ )?(?:kill|murder|finish) (?:me|us)(?: off)?",
        r"(?:nearly|almost|practically|literally) (?:killed|murdered|finished) (?:\w+ )?",
        r"kill\w* (?:it|time)",
        r"kill\w* for (?:a|an|some|the)",
        r"(?:murder|kill|destroy)\w* (?:a|an|some) (?:\w+ )?(?:pizza|burger|curry|pint|coffee"
        r"|drink|beer|sandwich|kebab)",
        r"dead (?:serious|tired|set|end|ends|last|wrong|right|on|beat|broke|heat|silent|quiet"
        r"|centre|center|weight|giveaway|ringer|battery|phone|line|zone|air|easy|simple|good"
        r"|funny|boring|keen|against|certain|sure|straight|still|slow|meat)",
        r"i (?:m|am) dead|drop dead gorgeous|over (?:my|her|his) dead body",
        r"(?:the )?(?:death|end) of (?:me|her|him|us)",
        r"(?:bored|scared|frightened|worried|worry|worries|tickled|loves?|loved|freezing"
        r"|starving|sick|stressed) (?:\w+ )?to death",
        r"to die for|die hard",
        r"dying (?:to|for) (?:see|know|try|go|meet|get|a|an|some|hear|tell|find)",
        r"(?:dying|died|die) (?:of|from) (?:laughter|laughing|embarrassment|boredom|curiosity"
        r"|thirst|heat|shame|cringe)",
        r"(?:died|die|dying|dead) (?:of |from |with )?laugh\w*",
        r"(?:so|too) (?:embarrassed|mortified|humiliated) (?:that )?(?:she|he|i|they)? ?(?:could"
        r"|wanted to|want to|would) (?:have )?die\w*",
        rf"(?:could|would) (?:have )?die(?:d)?(?:{_STOP}| of| from| when| if| with)",
        r"(?:bane|death) of (?:my|her|his) (?:existence|life)",
        r"rather (?:\w+ ){0,4}(?:die|dead|kill \w+|blow \w+ brains out|jump \w+ \w+) (?:\w+ )?"
        r"than(?! (?:\w+ ){0,3}(?:gain|eat|eating|weight|food|calories|go back|return|live|be alone"
        r"|face|school))",
        r"(?:is|s|was) murder on|half dead",
        r"(?:kill|kills|killing|murder|murders) (?:me|us)",
        r"(?:killer|painkiller|killjoy)s?",
        r"(?:water|nerf|toy|glue|nail|staple|bb|paintball|laser) guns?|gun shy|jump\w* the gun"
        r"|stick\w* to (?:her|his|my|their) guns|under the gun|big guns|son of a gun|top gun"
        r"|shotgun (?:wedding|seat)|riding shotgun|guns? blazing|gun violence|shooting drills?"
        r"|lockdown drills?|smoking gun|(?:skate|lawn ?mower|mower|rotor|wind turbine"
        r"|grass) blades?",
        rf"(?:could|should|would|wanted to|want to|going to|gonna|ll|d) (?:\w+ )?(?:kill|shoot"
        rf"|strangle|kick|slap|hit|murder|throttle) (?:{REFLEXIVE}|{PERSON}) (?:for|over) "
        r"(?:forgetting|being|that|this|it|missing|not|saying|doing|losing|eating|leaving)",
        r"dead to the world|dead on arrival|suicidal (?:pace|pass|tackle|move|schedule|workload"
        r"|decision|overtaking)",
        rf"(?:smother\w*|shower\w*|drown\w*) (?:{PERSON} )?(?:with|in) (?:love|affection|attention"
        r"|kisses|gifts|praise|presents|work|paperwork|emails)",
        rf"(?:kick\w*|threw|throw\w*) {PERSON} out",
        rf"(?:poison\w*|turn\w*) {PERSON} against",
        rf"{_VIOLENT} {PERSON} (?:verbally|with words|in (?:emails|texts|messages|arguments))",
        r"(?:self ?harm|suicide|overdose) (?:service|awareness|training|team|clinic|nurse|research"
        r"|charity|policy|policies|module|lecture|course|project|prevention|helpline|hotline)",
    ),
    *_idioms(
        SELF,
        r"(?:social|career|political|professional|financial|commercial|electoral|fashion)"
        r" suicide",
        r"suicide (?:squeeze|mission|doors?|runs?|sprints?|drills?|squad|blonde|lines?"
        r"|prevention|hotline|helpline|awareness|research|training|watch)",
        r"(?:documentary|book|novel|film|movie|podcast|essay|lecture|class|course|article|news"
        r"|research|study|module|series|show|song|poem)s? (?:\w+ ){0,3}(?:about|on) (?:\w+ )?"
        r"suicide",
        r"si (?:joints?|joint pain|dysfunction)",
        r"(?:said|say|says|saying) hi",
        r"\d+ kms",
        rf"(?:beat|beats|beating|beaten) {REFLEXIVE} up",
        rf"(?:cut|cuts|cutting) {REFLEXIVE} (?:off|some slack|short|out)",
        rf"(?:kick|kicks|kicking|kicked|pinch|pinches|pinched|pinching) {REFLEXIVE}",
        rf"(?:shoot|shoots|shot|shooting) {REFLEXIVE} in the foot",
        rf"kill\w* {REFLEXIVE} (?:laughing|with work|over|to (?:get|meet|finish|keep|make|pay"
        r"|please))",
        rf"(?:hurt|hurts|hurting|injur\w*|harm\w*) {REFLEXIVE} (?:\w+ ){{0,2}}(?:playing"
        r"|at the gym|lifting|skiing|running|cycling|in a fall|at work|falling|training|while)",
        rf"(?:burn|burns|burned|burnt|burning|cut|cuts|cutting) {REFLEXIVE} (?:\w+ ){{0,2}}"
        r"(?:on the stove|on the oven|on the iron|cooking|while cooking|shaving|by accident"
        r"|accidentally|on the kettle|with the kettle|chopping)",
        rf"(?:pushing|push|pushes|pushed|throw\w*|threw) {REFLEXIVE} (?:into|at) (?:\w+ )?"
        r"(?:work|study|studies|projects?|training|exercise|it|things)",
        r"(?:hang|hangs|hung|hanging) (?:out|in there|up|on|around|over)",
        r"hung (?:\w+ )?out to dry",
        r"(?:jump|jumped|jumping|skipping) ropes?|rope swings?|ropes? course"
        r"|(?:learn|learning|learnt|learned|know|knows) the ropes|on the ropes",
        r"(?:jump|jumps|jumped|jumping) (?:out of )?(?:her|his|my) skin",
        r"(?:jump|jumps|jumped|jumping) (?:out of|off) (?:bed|the sofa|the couch|the swing)",
        r"(?:overdos\w*|od|o d|od d) on (?:caffeine|coffee|sugar|chocolate|netflix|tv|carbs"
        r"|sweets|candy|sun|work|exercise|energy drinks|cake|junk food)",
        r"(?:ate|eat|eats|eating) (?:\w+ ){0,2}(?:whole|entire) (?:\w+ )?(?:packet|box|bottle)",
        r"(?:gave|give|giving|gives) (?:\w+ ){0,6}(?:for (?:his|her|their) birthday|as a (?:gift"
        r"|present)|for christmas)",
        r"(?:gave|give|gives|giving) (?:away )?(?:\w+ ){0,5}(?:to charity|to a charity"
        r"|to the charity"
        r"|to a charity shop|to the charity shop|to a food bank|when (?:she|he|they) moved"
        r"|before (?:the )?mov\w*|to declutter)",
        r"(?:donat\w*|declutter\w*) (?:\w+ ){0,4}(?:gave|give|giving) (?:\w+ ){0,2}away",
        r"(?:no|every) (?:way|reason) out of (?:the|a|this|that|her|his)",
        r"(?:hits|hit|hitting) the (?:gym|books|road|ground running|hay|wall)",
    ),
    *_idioms(
        OTHERS,
        rf"(?:shoot|shoots|shot|shooting) {PERSON} (?:a|an) (?:text|email|message|note|look"
        r"|line|glance|smile|dm)",
        r"(?:shoot|shoots|shot|shooting) (?:down|hoops|the breeze|pool|baskets|weddings?"
        r"|photos?|videos?|films?|a film|a video|for)",
        rf"(?:hit|hits|hitting) (?:it off|on {PERSON}|{PERSON} (?:up|back with|with a question))",
        rf"(?:push|pushes|pushed|pushing) {PERSON} (?:away|aside|too hard|to|into|around)",
        rf"(?:beat|beats|beating|beaten) {PERSON} (?:at|in) (?:a |the )?(?:\w+ )?(?:game|chess"
        r"|race|match|tennis|golf|cards|football|argument|exam|quiz|contest)",
        rf"(?:hurt|hurts|hurting) {PERSON} (?:\w+ )?(?:feelings|emotionally|by (?:[a-z]+ing|not))",
        r"(?:verbal\w*|emotional\w*) (?:attack|attacks|attacking|abus\w*)",
        r"(?:drop|drops|dropped|dropping) (?:\w+ ){0,3}(?:off|at school|at nursery|at work"
        r"|at the)",
        r"(?:run|runs|ran|running) (?:\w+ ){0,2}(?:errands|late|out of|into)",
        r"(?:throw|throws|threw|throwing) (?:\w+ ){0,2}(?:a party|parties|a tantrum|tantrums"
        r"|a fit|up)",
        r"(?:break|breaks|broke) (?:up|down|the news|it off)",
        r"(?:shake|shakes|shook|shaking) (?:hands|it off|off)",
        r"(?:panic|heart|anxiety|asthma) attacks?",
        r"(?:play\w*|game|match|practi[cs]e|training|coach\w*|nets)(?: \S+){0,8} (?:bat|cricket"
        r" bat|baseball bat|softball bat)",
        r"(?:end|ends|ended|ending) (?:\w+ ){0,2}(?:relationship|marriage|friendship|things"
        r"|it|engagement|contract|call|session|meeting)",
        r"(?:his|her|my|their) (?:\w+ )?(?:bat|hammer|scissors|screwdriver) (?:for|to) (?:work"
        r"|cricket|baseball|softball|craft|school|fix)",
        r"(?:holding|held|carry|carries|carrying|bought|buys|buying) (?:a |an |the |his |her )?"
        r"(?:\w+ )?(?:bat|hammer|scissors|screwdriver|knife|knives) (?:\w+ ){0,3}(?:for|while"
        r"|to) (?:cricket|baseball|softball|cooking|work|craft|school|the kitchen|chopping"
        r"|dinner|camping|fishing)",
    ),
)
_STRONG_EGO_DYSTONIC = re.compile(
    r"(?<![a-z0-9])(?:horrif\w*|appal\w*|disgust\w*|repuls\w*|repugnant|abhorrent|sicken\w*"
    r"|feels? sick|felt sick|ego ?dystonic|what if|by mistake|accidentally"
    r"|(?:fears?|feared|afraid|terrified|scared|worried|worries|frightened|panics?) (?:that )?"
    r"(?:she|he|they|i|it) (?:might|could|will|would|may|is going to|ll|d|has|had)"
    r"|(?:fears?|afraid|scared|terrified|frightened) of (?:\w+ ){0,2}(?:harming|hurting|killing"
    r"|losing control|acting|snapping|doing)"
    r"|no (?:wish|desire|intention|intent|urge|urges|want) (?:to|of) (?:\w+ ){0,1}(?:harm|hurt"
    r"|act|kill|die|do)"
    r"|would never|never wanted to|does not want to (?:harm|hurt|act|kill|die)"
    r"|opposite of (?:who|what)|frighten\w* (?:her|him|them|me)|scares? (?:her|him|them|me)"
    r"|not who (?:she|he|i|they)|out of character|against (?:her|his|my|their) values"
    r"|neutrali[sz]\w*|cancel (?:them|it|the thoughts?) out|ocd|obsession\w*|obsessional"
    r"|obsessive|compulsi\w*|reassurance|re ?checks?|checking|pops? into"
    r"|hates? (?:the|these|having) (?:thoughts?|images?)|cries about it|no urges)(?![a-z0-9])"
)
_WEAK_EGO_DYSTONIC = re.compile(
    r"(?<![a-z0-9])(?:intrusive|unwanted|distress\w*|avoid\w*|keeps? (?:\w+ ){0,2}away"
    r"|doubts?|cries|crying|tearful|upset by|(?:that|if) (?:she|he|i|they) (?:might|could)"
    r"|(?:images?|thoughts?|pictures?) (?:keep )?(?:pop|come|coming|flash))(?![a-z0-9])"
)
# An OCD-like frame for a thought of self-harm: "scared she will jump" alone is not one.
_OCD_FRAME = re.compile(
    r"(?<![a-z0-9])(?:ocd|obsess\w*|compulsi\w*|intrusive|unwanted|ego ?dystonic|what if"
    r"|no (?:wish|desire|intention) to die|does not want to die|never wanted to|neutrali[sz]\w*"
    r"|reassurance|checking)(?![a-z0-9])"
)
# What makes a harm thought ego-syntonic even with an OCD-like frame.
_ACTING = re.compile(
    r"(?<![a-z0-9])(?:(?:might|could|would|will|going to) act on|deserves?|enjoy\w*|pleasure"
    r"|excit\w*|plans? to|planning|intends?|wants? to (?:hurt|harm|kill|stab|act)"
    r"|(?<!no )(?<!denies )(?<!without )intent(?! to act)|rehears\w*|bought|knows where)"
    r"(?![a-z0-9])"
)
# Fear of dying (panic, health anxiety, phobia) is not a wish to die.
_FEAR_OF_DEATH = re.compile(
    r"(?<![a-z0-9])(?:(?:fear\w*|afraid|scared|terrified|frightened|worr\w*|anxious|anxiety"
    r"|panic\w*|convinced|phobi\w*|dread\w*|obsess\w*|who would|what would happen)"
    r" (?:\w+ ){0,12}(?:die|dies|died|dying|death|dead)"
    r"|(?:feels?|felt|feeling) (?:like|as if|as though) (?:she|he|i|they) (?:is |was |am |were )?"
    r"(?:going to )?(?:die|dying))(?![a-z0-9])"
)
# Another person's completed suicide or act, or the client as the one threatened.
# Words between another person and an act that make it the client's act reported by them
# ("her mother said she tried to kill herself", "mum found her cutting herself").
_NOT_REPORTED = (
    r"(?: (?!(?:said|says|reports?|reported|found|finds|noticed|notices|told|tells|thinks"
    r"|believes|worries|worried|saw|sees|heard|hears|she|he|her|him|that|the client|client)"
    r"(?![a-z0-9]))[a-z0-9]+)"
)
_THIRD_PARTY = re.compile(
    r"(?<![a-z0-9])(?:(?:died|death|dead|lost (?:\w+ ){0,3}to|loss (?:\w+ ){0,3}to"
    r"|bereaved by|bereavement by|committed|completed) (?:by |of |to )?suicide"
    r"|(?:committed|completed) suicide|suicide of (?:her|his|their|a|the|my)"
    r"|family (?:history|hx) of (?:\w+ ){0,2}(?:suicide|self ?harm|overdose)|fhx"
    r"|(?:receiv\w*|gets|got|getting|sent) threatening|threatening (?:texts|messages|letters"
    r"|calls|emails|notes|voicemails|posts) from"
    rf"|{KIN} s (?:\w+ )?(?:suicide|overdose|attempt)"
    rf"|{KIN}{_NOT_REPORTED}{{0,2}} (?:killed|hanged|hung|shot|drowned) {REFLEXIVE}"
    rf"|{KIN}{_NOT_REPORTED}{{0,2}} (?:took|ended) (?:his|her|their) (?:own )?life"
    # A completed suicide is someone else's: the client is alive to be treated.
    r"|(?<!tried to )(?<!attempted to )(?<!almost )(?<!nearly )(?<!if she )(?<!if he )(?:took"
    r"|ended)"
    r" (?:his|her|their) own life"
    r"|(?<!tried to )(?<!almost )(?<!nearly )(?<!if she )(?<!if he )(?<!if they )(?:killed"
    r"|hanged) (?:himself|herself"
    r"|themselves)(?! (?:but|and survived|if|when))"
    rf"|{KIN}{_NOT_REPORTED}{{0,2}} (?:attempted|tried|threatened|made) (?:\w+ ){{0,2}}(?:suicide"
    rf"|to kill (?:himself|herself|themselves)|an overdose)"
    rf"|{KIN}{_NOT_REPORTED}? (?:overdosed|od d|self harms)"
    rf"|{KIN}{_NOT_REPORTED}? (?:might|could|will|would|may|is going to|wants to|tried to"
    rf"|talks about|talked about|threatens to|threatened to)(?: \w+)? (?:kill"
    rf"\w* (?:himself|herself|themselves)|suicid\w*|self ?harm\w*|end\w* (?:his|her|their)"
    rf" (?:own )?life|overdos\w*|cutting (?:himself|herself))"
    rf"|(?:witnessed|saw|treated|attended|responded to){_NOT_REPORTED}{{0,3}} (?:overdose|suicide"
    r"|od|hanging|shooting|stabbing)"
    rf"|{KIN} (?:s \w+ )?(?:has |had |have |would |will |is going to |was going to |keeps )?"
    rf"(?:threaten\w* to |tried to |said (?:he|she) would |says (?:he|she) will )?(?:\w+ )?"
    rf"{_VIOLENT} (?:her|him|me)(?! {KIN}| {BODY_AND_HANDS}| own)"
    rf"|(?:a|an|the|some) (?:\w+ ){{0,2}}(?:man|woman|men|dog|stranger|group|gang|person|guy"
    rf"|boy|girl|driver|customer|patient|student|kid|robber|mugger|attacker|someone) (?:\w+ )?"
    rf"{_VIOLENT} (?:her|him|me)(?! {BODY_AND_HANDS}| own)"
    rf"|(?:a|an|the) (?:\w+ )?(?:car|van|bus|lorry|truck|train|bike|cyclist|motorbike|horse|dog"
    rf"|ball|branch|door|wave|ladder|bull|cow) (?:\w+ )?{_VIOLENT} (?:her|him|me|them)"
    rf"|(?:by|from) (?:her|his|their|a|the) (?:\w+ )?{KIN})(?![a-z0-9])"
)
# Injury that is not self-injury: compulsive washing, accidents, sport, medical care.
_NOT_SELF_INJURY = re.compile(
    r"(?<![a-z0-9])(?:(?:wash\w*|scrub\w*|clean\w*|rins\w*|sanitis\w*|sanitiz\w*|bleach\w*)"
    r" (?:\w+ ){0,5}(?:until|till|so (?:much|often)|raw|bleed\w*|crack\w*)"
    r"|(?:accident\w*|by mistake|while (?:cooking|shaving|chopping|ironing|playing|training)"
    r"|on the (?:stove|hob|oven|iron|kettle) by|fell|tripped|slipped|sunburn\w*|eczema|psoriasis"
    r"|rash|dermatitis|surgery|operation|physio\w*|burn (?:unit|injury|injuries) from a fire"
    r"|did not intend|not intended|unintentional\w*|pharmacist|pharmacy|dispens\w*))"
    r"(?![a-z0-9])"
)
_ACCIDENT = re.compile(
    r"(?<![a-z0-9])(?:accident\w*|by mistake|unintentional\w*|did not mean to|did not intend"
    r"|not on purpose)(?![a-z0-9])"
)
_DELIBERATE = re.compile(
    r"(?<![a-z0-9])(?:deliberate\w*|on purpose|intentional(?:ly)?|wanted to|meant to"
    r"|look like an accident)(?![a-z0-9])"
)
_PLANNED_ENDING = re.compile(
    r"(?<![a-z0-9])(?:terminal\w*|palliative|hospice|end of life|advance (?:care )?(?:plan\w*"
    r"|directive|decision)|months to live|incurable|stage (?:4|four|iv)|metastatic|motor neurone"
    r"|solicitor|lawyer|attorney|financial advis[eo]r)(?![a-z0-9])"
)
# Said in jest: hyperbole about another person, with no weapon, plan or threat.
_JOKE = re.compile(
    r"(?<![a-z0-9])(?:laugh\w*|jok\w*|kidding|in jest|sarcastic\w*|tongue in cheek|grin\w*"
    r"|smil\w*|teas\w*|playful\w*|affectionate\w*|figure of speech|exaggerat\w*|warm"
    r"|close relationship|loving|bright|cheerful|good spirits|good humou?r|mood (?:is )?(?:good"
    r"|fine|bright|ok|okay|great)|no concerns about (?:her|his|their) mood)(?![a-z0-9])"
)
# Teen shorthand after a threat ("gonna kms lol") is not a joke: only for harm to others.
_JOKE_TEXTSPEAK = re.compile(r"(?<![a-z0-9])(?:lol|haha|lmao|jk)(?![a-z0-9])")
_JOKE_VERBS = re.compile(r"^(?:kill\w*|murder\w*|strangl\w*|throttl\w*|end|ends|smother\w*)")
# Joking *about* suicide or dying is a warning sign, not a figure of speech.
_JOKING_ABOUT_DEATH = re.compile(
    r"(?<![a-z0-9])(?:jok\w*|laugh\w*|banter|memes?) (?:\w+ ){0,3}(?:about|that) (?:\w+ ){0,3}"
    r"(?:suicid\w*|kill\w* (?:him|her|my|them)self|dying|death|being dead|wanting to die"
    r"|ending it|not being here|jumping|hanging|overdos\w*|kms|unaliv\w*)"
)
_FEAR_WORDS = frozenset(
    [
        "afraid",
        "scared",
        "fear",
        "fears",
        "feared",
        "fearful",
        "terrified",
        "frightened",
        "phobia",
        "phobic",
        "worried",
        "worries",
        "worry",
        "anxious",
        "nervous",
        "panics",
        "panicky",
        "dreads",
        "dread",
    ]
)


def _feared(words: tuple[str, ...], start: int) -> bool:
    """A phobic fear earlier in the clause, and no wish: "afraid of falling from the balcony".

    Only "afraid of …", "fear of …", "phobia": "scared she will jump" may be a real urge and is
    left to the ego-dystonic rule."""
    j = start - 1
    while j >= 0 and start - j <= 8 and words[j] not in _CLAUSE_BREAKS and words[j] != ",":
        following = words[j + 1] if j + 1 < len(words) else ""
        if words[j] in _FEAR_WORDS and (following == "of" or words[j].startswith("phobi")):
            return True
        if words[j] in ("wants", "want", "wanted", "wish", "wishes", "hopes", "plans", "urge"):
            return False
        j -= 1
    return False


def _in_jest(rule: Rule, phrase: str, sentence: str) -> bool:
    """Hyperbole said laughing or as a joke ("'I could have strangled him,' she laughed"); never
    means, preparatory acts or acts, and never joking about suicide itself."""
    if _JOKING_ABOUT_DEATH.search(sentence):
        return False
    if rule.target == OTHERS:
        joking = _JOKE.search(sentence) or _JOKE_TEXTSPEAK.search(sentence)
        return bool(joking) and rule.kind == THOUGHT and bool(_JOKE_VERBS.match(phrase))
    # Self: hyperbole ("one more meeting and I'll shoot myself," he laughed), never the plain
    # words of suicide ("kill myself", "kms"), which are asked about however they are said.
    return (
        bool(_JOKE.search(sentence))
        and bool(_HYPERBOLE.search(sentence))
        and rule.kind in (WISH, THOUGHT)
    )


# What makes a death phrase said laughing a hyperbole rather than a confession: a trivial
# condition ("one more meeting and …", "than sing karaoke") or a note that the mood is fine.
_HYPERBOLE = re.compile(
    r"(?<![a-z0-9])(?:one more|another (?:meeting|day|shift|minute|hour|email|spreadsheet)"
    r"|if (?:i|she|he) (?:has|have|had) to|if this|than (?:sit|go|do|sing|watch|listen)"
    r"|mood (?:is )?(?:good|bright|fine|great|ok|okay)|bright|cheerful|good spirits"
    r"|no concerns about|enjoy\w*|loves?)(?![a-z0-9])"
)
# Something current in the same clause keeps a dated hit live: "at 16 and again this week".
_CURRENT = re.compile(
    r"(?<![a-z0-9])(?:this (?:week|month|morning|year)|last (?:week|night|month)|yesterday"
    r"|today|recently|currently|now|ongoing|again|still|days ago|weeks ago|lately)(?![a-z0-9])"
)
# Remote history: a past marker in the hit's sentence, and a statement that nothing is current.
_REMOTE_PAST = re.compile(
    r"(?<![a-z0-9])(?:(?:[2-9]|[1-9][0-9]|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|forty|many|several|some) (?:years|yrs) ago"
    r"|(?:years|yrs) ago|decades?|long ago|years back|(?:19[0-9][0-9]|200[0-9]|201[0-9])s?"
    r"|at (?:age )?(?:1[0-9]|[2-9][0-9])|aged? (?:1[0-9]|[2-9][0-9])"
    r"|at (?:university|uni|college|school|high school|secondary)"
    r"|as an? (?:undergraduate|adolescent|young (?:woman|man|adult))"
    r"|in (?:her |his |their |my )?(?:early |late |mid )?(?:teens|twenties|thirties|forties"
    r"|youth|adolescence"
    r"|childhood|student days)|as a (?:teen|teenager|child|student|young|youth|kid)|remote"
    r"|historical|childhood|when (?:she|he|they|i) was (?:\d+|young|a teen\w*|a student|at))"
    r"(?![a-z0-9])"
)
_NOTHING_CURRENT = re.compile(
    r"(?<![a-z0-9])(?:none since|(?:no|nothing|not|never) (?:\w+ ){0,4}since|never repeated"
    r"|none (?:in|for) (?:the )?(?:last|past|\d+|many|several)|no (?:current|recent|present"
    r"|further)|(?:denies|denied|no) (?:\w+ ){0,4}(?:now|currently|at present|presently|today)"
    r"|currently denies|denies (?:any )?(?:current|present|recent)|resolved"
    r"|(?:stable|well|free|fine) (?:\w+ ){0,4}for (?:\d+|many|several|years|decades)"
    r"|(?:well|stable|fine|settled|free of \w+) (?:ever )?since"
    r"|(?:no|free of) (?:\w+ ){0,4}(?:in|for) (?:\d+|many|several|the last \d+|the past \d+"
    r"|\w+) years|has not (?:\w+ ){0,3}since|(?:no|denies|denied) (?:si|sh|suicidal|self harm"
    r"|thoughts of (?:suicide|death|self harm))(?![a-z0-9]))(?![a-z0-9])"
)
_CLAUSE_STARTERS = frozenset(
    [
        "i",
        "she",
        "he",
        "they",
        "we",
        "wishes",
        "wished",
        "wants",
        "wanted",
        "says",
        "said",
        "thinks",
        "thought",
        "feels",
        "felt",
        "talks",
        "wrote",
        "writes",
        "gave",
        "gives",
        "keeps",
        "kept",
        "bought",
        "looked",
        "searched",
        "researched",
        "hopes",
        "prays",
        "sometimes",
        "often",
        "still",
        "lately",
        "yet",
        "also",
        "then",
        "occasionally",
        "cuts",
        "took",
        "is",
        "was",
        "would",
        "will",
        "passive",
    ]
)


@dataclass(frozen=True)
class Hit:
    category: str  # passive_death_wish, active_ideation, method, access_to_means, ...
    kind: str  # explicit, wish, thought, act, means, prep, threat
    target: str  # "self", "others" or "both"
    phrase: str  # the words matched, as normalised
    reason: str = ""  # why it was set aside (empty for a live hit)


@dataclass(frozen=True)
class Risk:
    """What the detector found in one text."""

    self_harm: bool
    others: bool
    phrases: tuple[str, ...]
    hits: tuple[Hit, ...] = ()
    set_aside: tuple[Hit, ...] = ()  # denied, figures of speech, intrusive thoughts, history

    @property
    def any(self) -> bool:
        return self.self_harm or self.others

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.category for h in self.hits))

    def phrases_for(self, target: str) -> tuple[str, ...]:
        """Live phrases for ``SELF`` or ``OTHERS`` (hits for both count for each)."""
        return tuple(dict.fromkeys(h.phrase for h in self.hits if h.target in (target, BOTH)))


RiskFinding = Risk


@dataclass(frozen=True)
class _Span:
    rule: Rule
    start: int  # token index
    end: int  # token index, exclusive
    text: str
    sentence: int


def _sentence_bounds(words: tuple[str, ...]) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    begin = 0
    for i, word in enumerate(words):
        if word in (".", "!", "?"):
            bounds.append((begin, i + 1))
            begin = i + 1
    if begin < len(words):
        bounds.append((begin, len(words)))
    return bounds or [(0, 0)]


_CLAUSE_VERBS = frozenset(
    [
        "wishes",
        "wished",
        "wants",
        "wanted",
        "says",
        "said",
        "thinks",
        "thought",
        "feels",
        "felt",
        "talks",
        "talked",
        "wrote",
        "writes",
        "gave",
        "gives",
        "keeps",
        "kept",
        "bought",
        "looked",
        "searched",
        "researched",
        "hopes",
        "hoped",
        "prays",
        "prayed",
        "cuts",
        "cut",
        "took",
        "takes",
        "has",
        "had",
        "is",
        "was",
        "admits",
        "admitted",
        "reports",
        "reported",
        "describes",
        "described",
    ]
)


def _clause_start(words: tuple[str, ...], start: int) -> int:
    """Where the clause of token ``start`` begins for negation: after a comma that opens a new
    assertion ("denies SI, wishes she were dead"), else 0 (the negation rules decide)."""
    j = start - 1
    while j > 0:
        if words[j] in (".", ";", ":", "!", "?"):
            return j + 1
        if words[j] == "," and j + 1 < len(words) and words[j + 1] in _CLAUSE_STARTERS:
            return j + 1
        # "denies SI and wishes she were dead": "and" before a verb opens a new clause.
        if words[j] in ("and", "or") and j + 1 < len(words) and words[j + 1] in _CLAUSE_VERBS:
            return j + 1
        j -= 1
    return 0


def _negated(words: tuple[str, ...], start: int, end: int, kind: str) -> str:
    cut = _clause_start(words, start)
    cue = signals.negation_cue(words[cut:], start - cut, end - cut)
    if cue or kind != MEANS:
        return cue
    # Means: "does not have access to a gun", "no access to firearms or medication".
    j = start - 1
    while j >= cut and start - j <= 6:
        word = words[j]
        if word in (".", ";", ":", "!", "?", "but"):
            break
        if word in ("no", "not", "never", "denies", "denied", "without", "none"):
            return word
        j -= 1
    return ""


_CLAUSE_BREAKS = frozenset(
    [
        ".",
        ";",
        "!",
        "?",
        "but",
        "however",
        "although",
        "though",
        "now",
        "currently",
        "recently",
        "lately",
        "today",
        "whereas",
    ]
)


def _clause_of(words: tuple[str, ...], token: int) -> tuple[int, int]:
    """The clause around ``token``: between sentence ends, semicolons and "but", "now"."""
    start = token
    while start > 0 and words[start - 1] not in _CLAUSE_BREAKS:
        start -= 1
    end = token
    while end < len(words) and words[end] not in _CLAUSE_BREAKS:
        end += 1
    return start, end


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _ego_dystonic(rule: Rule, sentence: str, text: str) -> bool:
    """A thought of harm framed as unwanted and feared, with nothing saying it may be acted on.

    Harm to others: a strong cue in the sentence ("horrified", "what if", "fears she might",
    "would never"), or two weak ones ("intrusive", "avoids"), or one weak one when the text has
    a strong one. Self: only with a strong cue in the sentence and an OCD-like frame in the
    text, since "intrusive suicidal thoughts" in depression are real ideation.
    """
    if _ACTING.search(sentence):
        return False
    strong = bool(_STRONG_EGO_DYSTONIC.search(sentence))
    weak = len(_WEAK_EGO_DYSTONIC.findall(sentence))
    text_strong = bool(_STRONG_EGO_DYSTONIC.search(text))
    if rule.target == OTHERS:
        return strong or weak >= 2 or (weak >= 1 and text_strong)
    return strong and (weak >= 1 or bool(_OCD_FRAME.search(text)))


def detect(text: str) -> Risk:
    """The risk language in ``text``: live hits, and what was set aside and why."""
    # Clock times and ratios are one token: "the 7:40 train".
    tokens = signals.tokenise(re.sub(r"(\d)[:.](\d)", r"\1\2", text))
    words, joined = tokens.words, tokens.joined
    sentences = _sentence_bounds(words)
    sentence_text = [" ".join(words[s:e]) for s, e in sentences]

    def sentence_index(token: int) -> int:
        for n, (s, e) in enumerate(sentences):
            if s <= token < e:
                return n
        return len(sentences) - 1

    def token_span(match: re.Match[str]) -> tuple[int, int]:
        return tokens.index_at(match.start()), tokens.index_at(match.end() - 1) + 1

    idioms = {
        SELF: [token_span(m) for t, p in _IDIOMS if t != OTHERS for m in p.finditer(joined)],
        OTHERS: [token_span(m) for t, p in _IDIOMS if t != SELF for m in p.finditer(joined)],
    }
    third_party = [token_span(m) for m in _THIRD_PARTY.finditer(joined)]

    spans: list[_Span] = []
    for rule in RULES:
        if rule.needs is not None and not rule.needs.search(joined):
            continue
        for match in rule.pattern.finditer(joined):
            start, end = token_span(match)
            spans.append(_Span(rule, start, end, match[0], sentence_index(start)))

    live: list[tuple[_Span, Hit]] = []
    aside: list[Hit] = []
    for span in spans:
        rule = span.rule
        sentence = sentence_text[span.sentence]
        # Overlapping phrases share one verdict on negation: "no thoughts that life is not
        # worth living" denies the inner "not worth living" too.
        first = min(
            (s.start for s in spans if s.start < span.end and span.start < s.end), default=0
        )
        reason = ""
        targets = (SELF, OTHERS) if rule.target == BOTH else (rule.target,)
        if all(_overlaps(idioms[t], span.start, span.end) for t in targets):
            reason = "figure of speech"
        elif (
            rule.kind == ACT
            and rule.target == SELF
            and _NOT_SELF_INJURY.search(sentence)
            and not re.search(
                r"(?<![a-z0-9])(?:deliberate\w*|on purpose|intentional\w*"
                r"|self ?harm\w*|punish\w*)",
                sentence,
            )
        ):
            reason = "injury that is not self-injury"
        elif cue := _negated(words, first, span.end, rule.kind):
            reason = f"denied ({cue})"
        elif rule.kind in (EXPLICIT, ACT, THOUGHT, THREAT) and any(
            s <= span.start < e for s, e in third_party
        ):
            reason = "about another person"
        elif rule.kind in (THOUGHT, EXPLICIT) and _ego_dystonic(rule, sentence, joined):
            reason = "unwanted intrusive thought (ego-dystonic)"
        elif rule.category == "thoughts_of_death" and _FEAR_OF_DEATH.search(sentence):
            reason = "fear of dying, not a wish to die"
        elif (
            rule.target == OTHERS
            and rule.kind == THOUGHT
            and _ACCIDENT.search(sentence)
            and not _DELIBERATE.search(sentence)
        ):
            reason = "an accident, not an intent"
        elif rule.kind == THOUGHT and rule.target == SELF and _feared(words, span.start):
            reason = "a fear, not an intent"
        elif _in_jest(rule, span.text, sentence):
            reason = "said in jest"
        hit = Hit(rule.category, rule.kind, rule.target, span.text, reason)
        if reason:
            aside.append(hit)
        else:
            live.append((span, hit))

    # End-of-life planning in terminal illness, or a will on a solicitor's advice, is not a
    # preparatory act when nothing else points to a wish to die.
    if _PLANNED_ENDING.search(joined) and not any(
        h.kind in (WISH, EXPLICIT, ACT) and h.target != OTHERS for _, h in live
    ):
        kept = []
        for span, hit in live:
            if hit.kind == PREP:
                aside.append(
                    Hit(hit.category, hit.kind, hit.target, hit.phrase, "end-of-life planning")
                )
            else:
                kept.append((span, hit))
        live = kept

    # Remote history: hits dated to the remote past are set aside when nothing is current.
    if _NOTHING_CURRENT.search(joined):
        kept = []
        for span, hit in live:
            clause = " ".join(words[slice(*_clause_of(words, span.start))])
            if (
                _REMOTE_PAST.search(clause)
                and not _CURRENT.search(clause)
                and hit.kind in (EXPLICIT, ACT, THOUGHT, WISH)
            ):
                aside.append(Hit(hit.category, hit.kind, hit.target, hit.phrase, "remote history"))
            else:
                kept.append((span, hit))
        live = kept

    hits = [hit for _, hit in sorted(live, key=lambda pair: (pair[0].start, -pair[0].end))]
    return Risk(
        self_harm=any(h.target in (SELF, BOTH) for h in hits),
        others=any(h.target in (OTHERS, BOTH) for h in hits),
        phrases=tuple(dict.fromkeys(h.phrase for h in hits)),
        hits=tuple(hits),
        set_aside=tuple(aside),
    )
