"""Risk-to-self rules, part 1 (see ``risk.py``): explicit ideation and death wishes worded
without "suicide".
"""

from __future__ import annotations

import re

from txplan.core.drafting.risk_vocab import (
    _DEATH_CONTEXT,
    _STOP,
    _W,
    EXPLICIT,
    HEIGHT,
    HIGH_PLACE,
    KIN,
    PILLS,
    POSS,
    REFLEXIVE,
    SELF,
    SUBJ,
    THINK,
    THINK_DEATH,
    THOUGHT,
    WANT,
    WISH,
    Rule,
    _gap,
    _rules,
)

# --- risk to self ------------------------------------------------------------------------------
_SELF_RULES_A: list[Rule] = [
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
]
