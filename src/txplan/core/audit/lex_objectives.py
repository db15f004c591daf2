"""Vocabulary for objective rules: measures, inner-state predicates, generic objects, absolutes.

What makes an objective measurable (SMART "M"): a count, a frequency, a score on a named
instrument or rating scale, a record (log, diary, chart), or an observable behaviour. What makes
it not: a predicate about an inner state that nobody can observe ("understand", "gain insight",
"feel", "process", "be more confident", "reduce anxiety" with no amount).
"""

from __future__ import annotations

import re

from txplan.core.audit.text import NUMBER_WORDS

# A measure anywhere (after the timeframe has been blanked out).
MEASURE = re.compile(
    r"\d|%|\b(?:once|twice|thrice|half|dozen|single|" + "|".join(NUMBER_WORDS) + r")\b"
    r"|\b(?:daily|nightly|weekly|biweekly|monthly|fortnightly|hourly|weekdays|weeknights"
    r"|weekends|most\s+(?:days|nights|mornings|evenings)|times|per|x/|/wk|/week|/day|/night"
    r"|at\s+least|no\s+more\s+than|or\s+(?:fewer|more|less|lower|higher|below|above)"
    r"|(?:each|every|a)\s+(?:single\s+)?(?:day|week|night|morning|evening|session|time|month"
    r"|weekday|school\s+day|workday|meal|shift|episode|situation|class|appointment|visit)"
    r"|phq\w*|gad\w*|pcl\w*|audit\w*|dast\w*|y-?bocs|cy-?bocs|isi|suds?|bdi\w*|bai|epds|asrs"
    r"|mdq|ors|srs|k-?10|pss|whodas|c-?ssrs|ede-?q|vanderbilt|scared|rcads|sdq|cgi|cdi|masc"
    r"|madrs|ymrs|dass\w*|oci\w*|pdss|lsas|spin|isi|pg-?13|score|scores|scored|scoring|rating"
    r"|ratings|rated|rate|rates|scale|points?|percent|sleep\s+efficiency|log|logs|logged"
    r"|diary|diaries|journal|chart|charts|charted|tracker|tracking|tracked|track|record"
    r"|records|recorded|worksheet|checklist|tally|counted|count|report\s+card|observations?"
    r"|observed|documented|measured|breathalyz\w*|breathalys\w*|screens?|urine|tox\w*"
    r"|attendance|consecutive|never|always|zero|none|every|abstinen\w*|abstain\w*"
    r"|sober|sobriety|free\s+of|without\s+(?:a|any)\b|minutes?|hours?|mins?|hrs?"
    r"|o'clock|bmi|kg|lbs|pounds|fewer|in\s+a\s+row|whatsoever|at\s+all|no\s+longer|forever"
    r"|all\s+(?:of\s+)?the\s+time|single)\b"
)

# Predicates about inner states, at the main-verb position.
VAGUE_PREDICATE = re.compile(
    r"(?:understand\w*|undrestand\w*|gain\w*\s+(?:an?\s+)?(?:insight|awareness|understanding"
    r"|knowledge|perspective|confidence|control|better|sense|greater|deeper|self|closure|peace"
    r"|acceptance|clarity|strength|resilience|hope|tools|skills|more)|feel\w*"
    r"|process\w*|explor\w*|accept\w*|learn\w*\s+(?:about|more|that|what|why|how\s+(?:her|his"
    r"|their|my)|the\s+(?:causes|reasons|impact|effects))|know\w*|realiz\w*|realis\w*"
    r"|recogni[sz]\w*|reflect\w*|believ\w*|think\w*|consider\w*|heal\w*|cop(?:e|es|ing)\b"
    r"|deal\w*|work\w*\s+(?:on|through|towards?)|make\w*\s+(?:progress|peace|sense|changes"
    r"|improvements|healthier|better|positive)|improv\w*|enhanc\w*|develop\w*\s+(?:insight"
    r"|an?\s+understanding|understanding|awareness|a\s+(?:healthier|better|more|sense|positive"
    r"|greater|deeper|stronger)|healthier|better|self|more|positive|confidence|trust|coping)"
    r"|increas\w*|decreas\w*|decres\w*|reduc\w*|lessen\w*|lower\w*|minimi[sz]\w*|diminish\w*"
    r"|be\s+(?!abstinent|sober|on\s+time|present|seated|in\s+school|at\s+work|drug-free"
    r"|alcohol-free|substance-free|able|out\s+of\s+bed|up\s+by|dressed|in\s+bed|asleep|awake)"
    r"|become\w*|adjust\w*|adapt\w*|better\b|grow\w*|let\s+go|move\s+on|open\s+up|manag\w*\s+(?:her\s+|his\s+"
    r"|their\s+|my\s+|the\s+)?(?:feelings|emotions|stress|anxiety|symptoms|anger|mood|depression"
    r"|worry|fear|grief|life|ptsd|ocd|adhd|behaviou?r)|stabili[sz]\w*|control\w*"
    r"|have\s+(?:an?\s+)?(?:improved|better|healthier|increased|decreased|reduced|less|more"
    r"|greater|positive|good|stronger|fewer\s+(?:feelings|thoughts)|insight|understanding)"
    r"|come\s+to\s+terms|appreciat\w*|forgiv\w*|embrac\w*|achiev\w*\s+(?:a\s+)?(?:better"
    r"|healthier|emotional|balance|stability|peace|wellness|insight)|overcom\w*"
    r"|address\w*|adress\w*|get\s+(?:better|over|past|well)|strengthen\w*|build\w*\s+(?:self"
    r"|confidence|resilience|trust|a\s+(?:better|healthier|stronger))|regain\w*|resolv\w*"
    r"|find\w*\s+(?:closure|peace|meaning)|rebuild\w*\s+(?:\w+\s+)?(?:trust|relationship|confidence"
    r"|self|connection|bond|closeness|intimacy)|restor\w*\s+(?:trust|balance|peace|hope)|trust\w*|valu\w*\s+(?:her|him|them|my|your)sel"
    r"|take\w*\s+(?:ownership|responsibility|control|charge)|honou?r\w*|releas\w*|let\s+go"
    r"|learn\w*\s+(?:relaxation|coping|skills|strategies|techniques|tools|new\s+ways|ways"
    r"|healthy|healthier|to\s+(?:cope|relax|manage|accept|trust|let))"
    r"|(?:discuss\w*|shar\w*|talk\w*\s+about|open\w*\s+up\s+about)\s+(?:\w+\s+){0,2}"
    r"(?:feelings|emotions|thoughts|issues|concerns|experiences|grief|loss)|explore|show\s+(?:improved|increased|decreased"
    r"|reduced|less|more|better|progress|signs\s+of)|understand|handl\w*\s+(?:stress|emotions"
    r"|feelings|things|situations|life))"
)
# Observable verbs that report an inner state ("report decreased anxiety", "verbalize insight").
REPORTED_STATE = re.compile(
    r"(?:report\w*|verbali[sz]\w*|state\w*|express\w*|describ\w*|demonstrat\w*|show\w*"
    r"|display\w*|exhibit\w*|endors\w*|acknowledg\w*|identif\w*|experienc\w*|notice\w*)\s+"
    r"(?:an?\s+|that\s+(?:she|he|they|i)\s+(?:is|are|am|feels?)\s+)?(?:improved|increased"
    r"|decreased|reduced|less|more|better|greater|understanding|insight|awareness|feelings"
    r"|emotions|reduction|improvement|progress|satisfaction|readiness|willingness|motivation"
    r"|commitment|acceptance|hope|confidence|healthier|positive|an?\s+understanding|improved"
    r"|feeling|relief|fewer\s+(?:feelings|thoughts)|self-?esteem|happiness)\b"
)
# An observable verb followed by "better", "appropriately" … says nothing countable.
VAGUE_MANNER = re.compile(
    r"\b(?:sleep\w*|communicat\w*|function\w*|do|perform\w*|behav\w*|eat\w*|interact\w*"
    r"|get\s+along|relat\w*|cope|handle\w*|parent\w*|respond\w*|react\w*|express\w*|listen\w*"
    r"|deal\w*|focus\w*|concentrat\w*)\s+(?:\w+\s+)?(?:better|more\s+(?:effectively"
    r"|appropriately|positively|healthily|calmly|openly)|appropriately|effectively|well"
    r"|healthier|positively|normally|properly|successfully|adequately)\b"
)

# Skills and strategies named only as a category.
GENERIC_OBJECT = re.compile(
    r"\b(?:(?:healthy|healthier|positive|new|appropriate|effective|adaptive|learned|helpful"
    r"|good|alternative|different|various|calming|relaxation|self-help|life|social"
    r"|communication|anger\s+management|time\s+management|stress\s+management|organi[sz]ational"
    r"|study|parenting|dbt|cbt|therapy|therapeutic|emotional|emotion\s+regulation"
    r"|self-?soothing|distress\s+tolerance|relapse(?:\s+prevention)?|recovery|sobriety"
    r"|wellness|grounding|mood|anxiety|trauma|grief|sleep)\s+)*(?:coping\s+(?:skills?|strategies|strategy"
    r"|mechanisms?|techniques?|tools?|statements|methods?|behaviou?rs?)|coping"
    r"|(?:anger\s+management|communication|social|life|relaxation|calming|self-help|dbt|cbt"
    r"|therapy|parenting|time\s+management|stress\s+management|organi[sz]ational|study"
    r"|emotion\s+regulation|emotional|relapse(?:\s+prevention)?|recovery|sobriety|wellness"
    r"|mood|anxiety|trauma|grief)\s+(?:skills?|techniques?|strategies|tools)"
    r"|skills?(?:\s+learned(?:\s+in\s+(?:therapy|session|treatment))?)?|strategies|strategy"
    r"|techniques?|tools|interventions|self-?care(?:\s+activities)?|(?:healthy|positive|good)"
    r"\s+(?:behaviou?rs?|habits|choices|activities|routines?|sleep\s+habits)|good\s+sleep"
    r"\s+habits|sleep\s+habits|triggers|symptoms|feelings|emotions|behaviou?rs|progress"
    r"|improved\s+\w+|what\s+(?:was|is|she|he|they)\s+learn\w*|things)\b"
)
# Words before a generic object that leave it generic ("use her coping skills").
GENERIC_BEFORE = frozenset(
    [
        "use",
        "uses",
        "using",
        "used",
        "practice",
        "practise",
        "practices",
        "practicing",
        "practising",
        "implement",
        "implements",
        "apply",
        "applies",
        "learn",
        "learns",
        "identify",
        "identifies",
        "develop",
        "develops",
        "demonstrate",
        "demonstrates",
        "the",
        "her",
        "his",
        "their",
        "my",
        "your",
        "our",
        "new",
        "healthy",
        "healthier",
        "positive",
        "appropriate",
        "effective",
        "adaptive",
        "learned",
        "coping",
        "some",
        "more",
        "and",
        "of",
        "in",
        "with",
        "to",
        "a",
        "an",
        "at",
        "least",
        "several",
        "different",
        "various",
        "alternative",
        "helpful",
        "good",
        "other",
        "own",
        "these",
        "those",
        "any",
        "all",
        "on",
        "from",
        "into",
        "for",
        "about",
        "or",
        "her",
        "personal",
        "list",
        "name",
        "state",
        "verbalize",
        "describe",
        "manage",
        "reduce",
        "increase",
        "decrease",
        "improve",
        "report",
        "show",
        "display",
        "exhibit",
        "utilize",
        "utilise",
        "employ",
        "try",
        "trying",
        "engage",
        "follow",
    ]
)
SPECIFIC_AFTER = re.compile(  # used with .match(body, pos): no "^", which pos ignores
    r"\s*(?:\(|:|such\s+as|e\.?g\.?|for\s+example|including|like|namely|specifically"
    r"|(?:for|of|to|that|related\s+to|associated\s+with|around|about|behind|linked\s+to)\s+"
    # "3 coping strategies for stress", "for cravings at work": a named target qualifies the
    # category (documentation guides present these as good); "to manage", "for it" do not.
    r"(?!(?:symptoms|feelings|emotions|coping|use|it|them|this|that|things|everything|life"
    r"|the\s+(?:problem|issue)|problems|issues|manage|cope|deal|help|feel)\b)[a-z]{3,})"
)

_UNWANTED = (
    r"(?:anxiety|anxious|worry|worries|worrying|fears?|stress|sadness|sad|depress\w*|panic"
    r"(?:\s+attacks?)?|negative\s+(?:thoughts|feelings|emotions)|intrusive\s+thoughts"
    r"|anxious\s+thoughts|bad\s+thoughts|urges|cravings|distress|anger|irritability|symptoms"
    r"|arguments|conflicts?|fights|disagreements|tantrums|outbursts|nightmares|flashbacks"
    r"|obsessions|compulsions|checking(?:\s+behaviou?rs)?|rituals|mood\s+(?:swings|changes)"
    r"|crying|tears|mistakes|setbacks|lapses|bad\s+days|negative|reassurance\s+seeking"
    r"|avoidance|awakenings|night\s+waking|problems|emotions|feelings\s+of\s+\w+)"
)
ABSOLUTE = re.compile(
    r"\bnever\b|\balways\b|\bat\s+all\s+times\b|\bevery\s+(?:single\s+)?time\b|\beach\s+and"
    r"\s+every\b|\bevery\s+single\b|\bwithout\s+(?:any\s+)?exceptions?\b|\b100\s*%"
    r"|\b100\s+percent\b|\ball\s+(?:of\s+)?the\s+time\b|\bcompletely\b|\bentirely\b"
    r"|\btotally\b|\bperfect(?:ly|ion)?\b|\bcured?\b|\bflawless\w*"
    r"|\bfully\s+(?:eliminat\w*|resolv\w*|recover\w*|free)"
    r"|\beliminat\w*\s+(?:all\s+)?(?:(?:of\s+)?(?:his|her|their|my|the)\s+)?"
    + _UNWANTED
    + r"|\b(?:stop|end|cease|eliminat)\w*\s+all\b|\ball\s+(?:(?:his|her|their|my)\s+)?"
    r"(?:situations|triggers|negative\b|" + _UNWANTED + r")"
    r"|\b(?:zero|0|none|no)\s+(?!more\b|longer\b|fewer\b|later\b|less\b|than\b|missed\b)"
    r"(?:\w+\s+)?" + _UNWANTED + r"\b"
    r"|\bwithout\s+(?:any|a\s+single|ever)\b|\bwithout\s+(?:ever\s+)?waking\b"
    r"|\b0\s*/\s*10\b|\b0\s+out\s+of\s+10\b"
    r"|\b" + _UNWANTED + r"[\w\s]{0,20}?\b(?:to|at|of)\s+(?:0|zero|none)\b"
    r"|\b"
    + _UNWANTED
    + r"-free\b|\bfree\s+(?:of|from)\s+(?:all\s+)?"
    + _UNWANTED
    + r"|\bsymptom-?free\b|\bever\s+again\b"
    # Absolutes written other ways: "no longer ever", "not … at all", "not a single",
    # "whatsoever", "sleep through every night", "follow every instruction".
    r"|\bforever\b|\babsolutely\s+no\b|\bthe\s+entire\s+(?:school\s+)?(?:day|class|night|shift)\b"
    r"|\b(?:resist|avoid|prevent|stop|refus|control|obey|comply|complet|finish)\w*\s+every\b"
    r"|\bno\s+longer\s+ever\b|\b(?:no|not|never|without)\b[^.;,]{0,40}?\bat\s+all\b"
    r"|\bnot\s+(?:\w+\s+){0,2}(?:a|one)\s+single\b|\bwhatsoever\b|\bnot\s+(?:even\s+)?once\b"
    r"|\b(?:through|without\s+\w+ing)\s+every\s+night\b|\bevery\s+(?:single\s+)?(?:instruction"
    r"|request|direction|command|rule|assignment|decision|demand|trigger|urge|craving"
    r"|situation|social\s+situation|time)s?\b"
)
# Every absolute above contains one of these words; most objectives contain none of them.
ABSOLUTE_HINT = re.compile(
    r"\b(?:never|always|all|every|each|exceptions?|100|completely|entirely|totally|perfect\w*"
    r"|cured?|flawless\w*|fully|eliminat\w*|stop\w*|end\w*|ceas\w*|zero|0|none|no|without"
    r"|free|symptom-?free|ever|not|single|whatsoever|longer|forever|absolutely|entire)\b|-free\b"
)
# Total change, for "a very large change in a very short time".
FROM_TO = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?(\d+(?:\.\d+)?)\s+"
    r"(?:\w+\s+){0,3}?to\s+(?:about\s+|around\s+|below\s+|under\s+)?"
    r"(\d+(?:\.\d+)?)\b"
)
WEIGHT = re.compile(
    r"\b(?:gain|los[et])\w*\s+(?:about\s+)?(\d+(?:\.\d+)?)\s*(kg|kilos?"
    r"|kilograms?|lbs?|pounds?)\b(?!\s*(?:per|a|each|every|/)\s*(?:week|wk))"
)
