"""Named clinical methods, and the generic language that names none.

An intervention a reviewer accepts names a method (a technique or a manualised protocol) and
what it is aimed at. Sources for the list: APA Division 12 treatment listings, NICE guidelines
(CG90/NG222 depression, CG113 anxiety, NG116 PTSD, CG31 OCD, NG87 ADHD, NG69 eating disorders),
VA/DoD PTSD and SUD guidelines, SAMHSA TIP 35 and 42, AASM insomnia guideline, AACAP parameters.
"""

from __future__ import annotations

import re

from txplan.core.audit.text import phrase_pattern

# Techniques and protocols specific enough that naming one is naming a method.
SPECIFIC_METHODS = """
behavioural activation|behavioral activation|activity scheduling|activity monitoring|activity log
|pleasant activity scheduling|pleasant events|values-based activity|cognitive restructuring
|cognitive reframing|reframing|thought record|thought records|thought log|thought diary
|dysfunctional thought record|socratic questioning|socratic dialogue|guided discovery
|behavioural experiment|behavioral experiment|behavioural experiments|behavioral experiments
|cognitive distortions|automatic thoughts|core beliefs|downward arrow|decatastrophi
|exposure|exposures|in vivo|in-vivo|imaginal|interoceptive|exposure hierarchy|fear hierarchy
|graded hierarchy|hierarchy|response prevention|erp|ex/rp|exposure and response prevention
|prolonged exposure|cognitive processing therapy|cpt|emdr|eye movement desensitization
|written exposure therapy|narrative exposure|trauma narrative|tf-cbt|trauma-focused cbt
|trauma-focused cognitive|stuck points|impact statement|imagery rescripting|image rehearsal
|imagery rehearsal|nightmare rescripting|systematic desensitization|desensitisation
|desensitization|flooding|safety behaviours|safety behaviors|worry postponement|worry period
|worry time|scheduled worry|worry exposure|worry log|uncertainty training|intolerance of uncertainty
|problem-solving therapy|problem solving therapy|problem-solving training|problem-solving steps
|structured problem solving|solution analysis|diaphragmatic breathing|paced breathing
|slow breathing|box breathing|breathing retraining|4-7-8 breathing|progressive muscle relaxation
|pmr|applied relaxation|applied tension|relaxation training|autogenic|guided imagery
|grounding|5-4-3-2-1|mindfulness|mindful|body scan|breathing space|mbct|mbsr
|acceptance and commitment|act defusion|defusion|cognitive defusion|values clarification
|values work|committed action|willingness exercise|dbt|dialectical behavior|dialectical behaviour
|distress tolerance|emotion regulation skills|interpersonal effectiveness|dear man|tipp|tip skills
|opposite action|check the facts|self-soothe|chain analysis|behaviour chain|behavior chain
|diary card|wise mind|radical acceptance|motivational interviewing|motivational enhancement
|mi |decisional balance|change talk|readiness ruler|relapse prevention|relapse signature
|relapse plan|relapse prevention plan|drink refusal|drink-refusal|refusal skills|urge surfing
|delay and distract|delay-and-distract|cue exposure|craving log|contingency management
|community reinforcement|craft|12-step facilitation|twelve-step|12-step|aa meeting|aa meetings
|na meeting|na meetings|alcoholics anonymous|narcotics anonymous|smart recovery|al-anon
|medication-assisted|mat provider|buprenorphine|naltrexone|methadone|cbt-i|cbt for insomnia
|sleep restriction|stimulus control|sleep compression|sleep scheduling|sleep diary|sleep log
|sleep hygiene|fixed wake time|wind-down routine|cbt-e|enhanced cbt|regular eating
|mechanical eating|meal plan|meal planning|food log|food diary|self-monitoring|self monitoring
|weekly weighing|in-session weighing|family-based treatment|fbt|maudsley|exposure to feared foods
|body image exposure|mirror exposure|parent management training|behavioural parent training
|behavioral parent training|parent training|pcit|parent-child interaction therapy|triple p
|incredible years|labelled praise|labeled praise|specific praise|planned ignoring|time-out
|time out|token economy|token system|sticker chart|reward chart|point system|behaviour chart
|behavior chart|daily report card|home-school note|when-then|effective commands|clear commands
|collaborative problem solving|collaborative & proactive|emotion coaching|special time
|child-directed play|coping cat|cool kids|unified protocol|space program|accommodation
|family accommodation|structural family therapy|strategic family|functional family therapy
|multisystemic|brief strategic|emotionally focused|eft|gottman|sound relationship house
|speaker-listener|speaker listener|soft start-up|soft startup|repair attempts|love maps
|turning toward|active listening|reflective listening|i-statements|i statements
|prep program|integrative behavioral couple|ibct|time-out protocol|conflict resolution skills
|communication skills training|assertiveness training|assertive communication
|social skills training|role-play|role play|role-played|role-plays|rehearsal|rehearse
|behavioural rehearsal|modelling|modeling|video feedback|interpersonal psychotherapy|ipt
|interpersonal and social rhythm|social rhythm|ipsrt|mood chart|mood charting|mood log
|mood tracking|life chart|early warning signs|warning signs|lithium levels|medication management
|medication adherence|psychiatric referral|referral to psychiatry|complicated grief treatment
|prolonged grief disorder therapy|pgdt|grief monitoring|restoration-focused|loss-focused
|revisiting|meaning-centred|dual process|continuing bonds|letter to the deceased|empty chair
|safety plan|safety planning|stanley-brown|crisis response plan|means restriction
|lethal means|c-ssrs|columbia|risk assessment|habit reversal|competing response
|comprehensive behavioral intervention|cbit|awareness training|stimulus-response
|functional analysis|functional behaviour assessment|functional behavior assessment
|abc analysis|antecedent|behavioural analysis|organisational skills|organizational skills training
|planner training|time estimation|task breakdown|checklist|visual schedule|picture schedule
|visual timer|self-monitoring checklist|compassion-focused|compassionate mind|schema therapy
|cognitive therapy for|narrative therapy|externalizing|externalising|solution-focused questions
|miracle question|scaling questions|psychoeducation on|psychoeducation about
|psychoeducation regarding|psychoeducation covering|psychoeducation in|behavioural chain
|cognitive-behavioural coping skills|cognitive behavioral coping skills|coping skills training
|social exposures|in-session exposure|graded exposure|graded task|graded activity
|graded separation|exposure practice|exposure exercises|ladder|fear ladder|brave ladder
|phq-9|phq9|gad-7|gad7|pcl-5|pcl5|audit-c|dast|epds|y-bocs|asrs|ors |srs |isi
|measurement-based|outcome rating|session rating|journaling|journal|expressive writing
|gratitude|self-compassion|assertiveness|sensate focus|bibliotherapy|worksheet|homework review
|activity diary|behavioural contract|behavior contract|behavioural activation plan
|cognitive processing|ptsd coach|seeking safety|cbt for adult adhd|pleasant activity
|medication review|dose|dosing|pharmacotherapy|ssri|lab monitoring|urine drug screen|drug screens
|breathalyzer|motivational|exposure and response|stop-think|turtle technique
|anger thermometer|feelings thermometer|stop technique|cognitive rehearsal|imagery|rescripting
|tolerance skills|regulation skills|effectiveness skills|trigger log|urge log
|coping card|coping cards|coping self-talk|calm breathing|each link|urge-surfing
|skills for psychological recovery|psychological first aid|behaviour exchange|behavior exchange
|mentalization|mentalisation|mentalizing|mentalising|mbt|problem-solving communication training
|coping strategy enhancement|individual placement and support|ips supported employment
|supported employment|imagined conversation|imaginal conversation|separate interviews
|intimate partner violence|ipv screening|domestic violence screening|bulimia-focused
|family-focused therapy|fft|hope box|hope kit|caring contacts|caring letters
|interpersonal therapy|interpersonal inventory|role transition|role dispute|grief focus
|situational analysis|cbasp|written exposure|imagery rehearsal therapy|irt|habit reversal training
|hrt|community reinforcement and family training|contingency management|prize draws|vouchers
|schema therapy|schema modes|unified protocol|cbt-e|family-based therapy|fbt|parenting program
|parent training program|parent-training program|incredible years|stepping stones
|k10|k-10|kessler|whodas|pss-10|mdq|ede-q|pdss|lsas|oci-r|dass-21|dass|cy-bocs|ybocs|rcads
|sdq|vanderbilt|bdi|bai|phq-a|phq-15|epds|edinburgh|pg-13|madrs|ymrs
|audit questionnaire|cssrs|c-ssrs|columbia|insomnia severity index
|teach-back|relapse-prevention|relapse prevention plan|staying well plan|wellness recovery
|wellness recovery action plan|advance statement|crisis card|means counselling
|means counseling|naloxone training
|overdose prevention|harm reduction|motivational interviewing|behavioral couple therapy
|behavioral couples therapy|behavioral marital therapy
""".replace("\n", "").split("|")

# Whole therapies named only by their brand: specific enough with a target, generic without.
BROAD_MODALITIES = """
cbt|cognitive behavioral therapy|cognitive behavioural therapy|cognitive-behavioral therapy
|cognitive-behavioural therapy|cognitive behavior therapy|cognitive therapy|behavior therapy
|behaviour therapy|behavioral therapy|behavioural therapy|acceptance-based|dbt|ipt
|psychodynamic|psychodynamic therapy|play therapy|art therapy|music therapy|sand tray
|solution-focused|solution focused|sfbt|person-centered|person-centred|client-centered
|humanistic|gestalt|mindfulness-based|motivational
|family systems|attachment-based|somatic|emotion-focused|psychoeducation|biofeedback
|neurofeedback|hypnosis|hypnotherapy|exposure therapy|cbt techniques|cbt skills|cbt interventions
|dbt skills|dbt techniques|act techniques|cbt strategies|cognitive-behavioural
|cognitive-behavioral|cognitive behavioural|cognitive behavioral
""".replace("\n", "").split("|")

# Formats and stances that name no method at all.
GENERIC_PHRASES = """
supportive therapy|supportive counseling|supportive counselling|talk therapy|talking therapy
|individual therapy|individual counseling|individual counselling|individual psychotherapy
|individual sessions|family therapy|family sessions|family counseling|couples therapy
|couples counseling|couples sessions|marital therapy|marriage counseling|group therapy
|group sessions|psychotherapy|counseling|counselling|therapy sessions|therapy|therapeutic
|therapeutic techniques|therapeutic interventions|techniques|interventions|strategies
|coping skills|coping strategies|coping techniques|coping tools|coping mechanisms|skills
|tools|support|encouragement|validation|reassurance|a safe space|safe space|safe environment
|rapport|empathy|active listening|unconditional positive regard|check in|check-in|check ins
|monitor progress|monitor mood|monitor symptoms|process feelings|process emotions
|explore feelings|explore emotions|discuss|discussion|explore|process|talk|help|assist
|encourage|address|work with|work on|provide support|offer support|build rapport
|as needed|as appropriate|when appropriate|sessions|session|evidence-based|evidence-based treatment
|trauma-informed|strengths-based|best practices|treatment|treatment as usual
""".replace("\n", "").split("|")


_SPELLINGS = (
    ("behavior", "behaviour"),
    ("program", "programme"),
    ("practice", "practise"),
    ("organiz", "organis"),
    ("mentaliz", "mentalis"),
    ("desensitiz", "desensitis"),
    ("externaliz", "externalis"),
    ("center", "centre"),
    ("labeled", "labelled"),
    ("counseling", "counselling"),
    ("pediatric", "paediatric"),
    ("modeling", "modelling"),
)


def _clean(words: list[str]) -> list[str]:
    """Entries stripped, each also in its other spelling (British or American)."""
    out = set()
    for word in (w.strip() for w in words):
        if not word:
            continue
        out.add(word)
        for us, uk in _SPELLINGS:
            if us in word and uk not in word:
                out.add(word.replace(us, uk))
            elif uk in word:
                out.add(word.replace(uk, us))
    return sorted(out)


_SPECIFIC_SPACE = [w for w in SPECIFIC_METHODS if w.endswith(" ")]
SPECIFIC_RE = re.compile(
    r"\b(?:"
    + phrase_pattern(_clean([w for w in SPECIFIC_METHODS if not w.endswith(" ")]))
    + r")|\b(?:"
    + phrase_pattern(_clean(_SPECIFIC_SPACE))
    + r")\b"
    # fuzzy spellings clinicians type fast: "behavorial activation", "mindfullness"
    + r"|\bbehav\w*\s+activ\w*|\bmindful\w*|\bcognitive\s+restruct\w*|\bexpos\w*"
    # "psychoeducation to the client and her partner on …": the audience between the word and
    # its topic does not make the topic less specific.
    + r"|\bpsycho-?education\s+(?:(?:to|for|with)\s+(?:\w+'?s?\s+){1,6}?)?(?:on|about"
    r"|regarding|covering|in)\s+(?!(?:issues?|concerns?|problems?|symptoms?|it|this|that"
    r"|things|coping)\b)[a-z]{3,}"
    + r"|\bscreen\w*\s+(?:\w+\s+){0,3}for\s+(?!(?:risk|issues?|problems?|concerns?|needs)\b)"
    r"[a-z]{3,}" + r"|\bchalleng\w*\s+(?:the\s+)?(?:\w+'s\s+|his\s+|her\s+|their\s+|client'?s?\s+)?"
    r"(?:negative|automatic|distorted|catastrophic|unhelpful|anxious|self-critical|hopeless"
    r"|irrational|intrusive|trauma-related|guilt-related|shame-based)\s+(?:thoughts|beliefs"
    r"|predictions|appraisals|cognitions|self-talk)"
    + r"|\b(?:teach|train|coach|model|rehears|practi[cs])\w*\s+(?:the\s+)?(?:client|parents?"
    r"|couple|child|family|partners?|him|her|them|caregivers?)?\s*(?:to|how\s+to)\s+"
    r"(?!(?:cope|manage|deal|feel|be|use\s+(?:coping|skills|strategies|tools|techniques)"
    r"|identify\s+(?:triggers|feelings|emotions)|express|process|explore|understand|reduce"
    r"\s+(?:anxiety|stress|symptoms|depression)|handle|improve|regulate\s+(?:emotions|feelings)"
    r"|control)\b)[a-z]{3,}"
)
BROAD_RE = re.compile(r"\b(?:" + phrase_pattern(_clean(BROAD_MODALITIES)) + r")\b")
GENERIC_RE = re.compile(r"\b(?:" + phrase_pattern(_clean(GENERIC_PHRASES)) + r")\b")

# What a broad modality is aimed at: "CBT for panic", "DBT targeting self-harm urges".
TARGET_RE = re.compile(
    r"\b(?:for|targeting|targets|target|aimed\s+at|focus(?:ed|ing)?\s+on|addressing|around"
    r"|to\s+(?:reduce|address|decrease|treat|improve|increase|build|challenge|manage|target"
    r"|lower|stop|prevent|interrupt|change|strengthen|stabili[sz]e|restore))\s+"
    r"(?:the\s+)?(?:client'?s\s+|clients'?\s+|his\s+|her\s+|their\s+|my\s+|adult\s+|child\s+)?"
    r"(?!(?:issues?|concerns?|problems?|symptoms?|feelings?|emotions?|needs?|goals?|progress"
    r"|treatment|things|life|stuff|client|him|her|them|it|overall|general|mental|wellbeing"
    r"|well-being|functioning|coping|the|a|an)\b)[a-z]{3,}"
)
