"""Risk-to-self rules, part 2 (see ``risk.py``): methods and places, means, preparatory acts,
self-injury and attempts.
"""

from __future__ import annotations

from txplan.core.drafting.risk_vocab import (
    _STOP,
    _W,
    ACT,
    BODY,
    BODY_AND_HANDS,
    GUN,
    KIN,
    MEANS,
    PERSON,
    PILLS,
    POSS,
    PREP,
    REFLEXIVE,
    SELF,
    THOUGHT,
    WEAPON,
    Rule,
    _rules,
)

_SELF_RULES_B: list[Rule] = [
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
