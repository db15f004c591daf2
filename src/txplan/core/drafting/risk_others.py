"""Harm-to-others rules (see ``risk.py``), and ``RULES``: every rule, self first."""

from __future__ import annotations

from txplan.core.drafting.risk_self_a import _SELF_RULES_A
from txplan.core.drafting.risk_self_b import _SELF_RULES_B
from txplan.core.drafting.risk_vocab import (
    _VIOLENT,
    _W,
    EXPLICIT,
    GUN,
    KIN,
    OTHERS,
    PERSON,
    POSS,
    REFLEXIVE,
    THOUGHT,
    THREAT,
    WANT,
    WEAPON,
    Rule,
    _gap,
    _rules,
)

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
RULES: tuple[Rule, ...] = (*_SELF_RULES_A, *_SELF_RULES_B, *_OTHERS_RULES)
