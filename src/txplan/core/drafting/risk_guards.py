"""What sets a phrase aside (see ``risk.py``): figures of speech and jokes, intrusive thoughts,
fear of death, another person's act, injury that is not self-injury, remote history.
"""

from __future__ import annotations

import re

from txplan.core.drafting.risk_vocab import (
    _END,
    _STOP,
    _VIOLENT,
    BODY_AND_HANDS,
    BOTH,
    KIN,
    OTHERS,
    PERSON,
    REFLEXIVE,
    SELF,
    THOUGHT,
    WISH,
    Rule,
)


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
        return (
            bool(joking)
            and rule.kind == THOUGHT
            and any(_JOKE_VERBS.match(word) for word in phrase.split())
        )
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


# Words that end a clause for the negation and fear scans.
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
