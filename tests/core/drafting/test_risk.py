"""Risk-language detection (txplan.core.drafting.risk) and what the drafter does with it.

The sentences below are written for these tests, one or two per wording pattern, so that a rule
written for one sentence fails the others: passive death wishes worded without "suicide",
methods and places, means, preparatory acts, self-injury, harm to others; and the hard
negatives: figures of speech, clear denials, ego-dystonic intrusive thoughts, fear of dying,
another person's death, remote history with nothing current.
"""

from __future__ import annotations

import pytest

from tests.core.drafting.conftest import request
from txplan.core.drafting import Basis, draft_with_notes
from txplan.core.drafting.risk import OTHERS, SELF, Risk, detect
from txplan.core.drafting.selection import OTHERS_AREA, SAFETY_AREA

PASSIVE_DEATH_WISH = [
    "Says she would not mind if she never woke up; denies any suicidal intent.",
    "No suicidal intent, but often hopes a lorry will hit him on the way to work.",
    "Widowed last spring; tells her daughter she just wants to be with her husband again.",
    "Wishes he could fall asleep and stay asleep for good.",
    "Feels everyone would be better off if she were not around.",
    "Says life has not felt worth living since the redundancy.",
    "Told the nurse she has nothing left to live for and is tired of being alive.",
    "Thinks his family would cope better without him; no plan.",
    "Prays each night that God will take her in her sleep.",
    "Doesn't care whether he lives or dies any more.",
    "Keeps thinking it would be a relief not to wake up tomorrow.",
    "Described a wish to stop existing, without intent to act.",
    "Says she doesn't see the point of living and would welcome not waking up.",
    "Has given up on life since the diagnosis and refuses food.",
]
ACTIVE_IDEATION = [
    "Endorses suicidal thoughts most days this week.",
    "Has been thinking about ending her life after the custody hearing.",
    "Said 'I want to end it all' in session.",
    "Thinks about taking his own life when he drinks.",
    "Reports SI without a plan; denies HI.",
    "Pt endorses pSI, denies aSI and HI.",
    "Wants out of this life, he says, and has felt that way for a month.",
]
METHOD = [
    "Has pictured jumping off the multi-storey car park near the hospital.",
    "Thought about stepping in front of the 7:40 train.",
    "Imagines hanging herself from the banister.",
    "Has considered driving his van into a bridge support on the motorway.",
    "Wondered how many of her tablets it would take.",
    "Thinks about walking into the sea near her caravan.",
    "Talks of drowning himself in the canal.",
]
MEANS = [
    "Low mood; keeps a loaded shotgun in the hall cupboard.",
    "Her partner owns several firearms and she knows where the keys are.",
    "Has been saving up her sleeping tablets in a sock drawer.",
    "Has a stash of her late mother's oxycodone.",
    "Farm worker with access to paraquat; feels hopeless.",
    "Keeps a rope in the garage 'just in case'.",
    "Collects his insulin pens and hides them from his wife.",
]
PREPARATORY = [
    "Wrote a goodbye letter to each of her children last week.",
    "Has been giving away her jewellery and books to friends.",
    "Googled the lethal dose of paracetamol on Sunday night.",
    "Updated her will suddenly and told her sister where the insurance papers are.",
    "Researched painless ways to die on his phone.",
    "Recorded video messages for his sons 'for afterwards'.",
    "Asked a neighbour to look after her cat if anything happens to her; put her affairs in order.",
    "Practised with a belt on the wardrobe door.",
]
SELF_HARM = [
    "Cuts her forearms with a razor when she is overwhelmed.",
    "Burns his thighs with a lighter most weekends.",
    "Bangs her head against the wall until it bruises.",
    "Has been scratching her wrists until they bleed.",
    "Self-harming by cutting since Christmas.",
    "Punches walls until his knuckles split.",
    "Holds hot spoons against her skin as a punishment.",
    "Deliberately scalded her hand with the kettle after the argument.",
    "Healing cuts seen on both upper arms at the GP check.",
    "Has been swallowing pins when distressed.",
]
ATTEMPT = [
    "Took 40 paracetamol on Friday and was admitted.",
    "Overdosed on her antidepressants last week.",
    "Tried to hang himself in March; his brother cut him down.",
    "Interrupted attempt: found on the bridge parapet by police.",
    "Swallowed a bottle of sleeping pills after the break-up.",
]
CHILD_AND_ADOLESCENT = [
    "The 9-year-old told his teacher he wants to be dead.",
    "Seven-year-old said he wishes he had never been born.",
    "Texted a friend 'gonna kms tonight'.",
    "Posted 'can't do this anymore, goodbye everyone' at 2am.",
    "Told a classmate she wants to unalive herself.",
    "Said 'I won't be here next week anyway' after the fight with her mum.",
    "Tried to tie a scarf around her neck during a meltdown.",
    "Says she would jump out of the window to avoid school.",
]
OTHER_SELF = [
    "Voices tell him to jump in front of traffic.",
    "Has been leaving out her insulin on purpose.",
    "Since his wife left he drives at high speed without a seatbelt.",
    "Elderly man has stopped taking his heart tablets, saying there is no point any more.",
    "Plays Russian roulette with his father's revolver.",
    "Walks along the railway line at night when he cannot sleep.",
    "Severe anorexia; says she would rather die than gain weight.",
    "Texted her sister 'gonna kms lol' after the argument.",
    "Posted 'see you never' on her story after the exam results.",
    "Her story said 'bye everyone, I'm sorry' at midnight.",
    "Draws pictures of herself hanging from a tree.",
    "Said he might as well be dead since the breakup.",
    "Texts at night say she is done with everything.",
    "Wears long sleeves in summer to hide marks on her arms.",
    "Her mum found her cutting herself in the bathroom.",
    "Her mother said she tried to kill herself at the weekend.",
    "Her partner found her after an overdose on Sunday.",
    "Wonders whether anyone would even notice if she killed herself.",
    "Lives without her husband now and wishes she were dead.",
    "Laughing nervously, she admitted she wishes she were dead.",
    "Scared she will jump from the bridge on her way home one night.",
    "Cut her arms at 16 and again this week; no SI now.",
    "Took a few extra of her ADHD tablets to see what would happen.",
    "Has been playing the choking game with friends after school.",
    "Posted photos of her fresh cuts online.",
    "Drinking heavily on sleeping pills and 'not bothered if I wake up'.",
    "Found wandering on the railway line at night; says he is a burden.",
    "Has a plan to take her mum's tablets on Friday.",
    "Dialysis patient missing sessions on purpose since his wife died.",
    "Voices tell her she does not deserve to live.",
    "Stepped off the kerb into a lorry's path last week.",
    "Knows how much of her mother's insulin would be dangerous.",
    "Has 60 co-codamol in a drawer at home; low mood.",
    "Wrote a letter to his parents explaining why.",
    "Spends nights on her 12th-floor balcony looking down.",
    "Has thought about putting the gun to his head.",
    "Talked about pouring petrol over himself in the car park.",
    "Had the pills in her hand last night, then stopped herself at the last minute.",
    "Has been saying goodbye to friends at school this week.",
    "Drank cleaning fluid after the row with her dad.",
    "The 7-year-old ran into the road saying he wanted to get hit.",
    "Delusions that he deserves death for his sins.",
    "Says 'everyone hates me, I should just die'.",
    "Can't be bothered to live any more, she told her GP.",
    "Feels she has lived long enough and nobody would miss her.",
    "Picks open her cuts so they won't heal.",
    "Manic; walked along the hard shoulder of the motorway at night.",
    "Gave his bike and games console to his cousin last week.",
]
HARM_TO_OTHERS = [
    "Has thoughts of stabbing his stepfather and knows his shift pattern.",
    "Threatened his neighbour with a hammer last month.",
    "Urges to strangle her partner during arguments.",
    "Says he will bring a knife to school to deal with the boys who bully him.",
    "Fantasises about shooting up his old workplace.",
    "Reports HI toward his manager, no plan.",
    "Wants his ex-wife dead and has been following her home.",
    "Postpartum; thinks about smothering the baby and says he deserves it.",
    "Punched his girlfriend in the face last weekend.",
    "Said he would kill her if she leaves him.",
    "Has a list of people at college he wants to hurt.",
    "The 8-year-old kicks the family dog hard when he is angry and laughs about it.",
    "Told staff he would stab the next person who looks at him.",
    "Sends his ex threatening texts saying she will regret it.",
    "Said he'd burn the house down with them inside.",
    "Thinks about poisoning her husband's tea.",
    "Keeps saying his boss will get what's coming to him; has been watching his house.",
    "Talks about getting a gun and going back to his old workplace.",
    "Has been parking outside his ex-wife's new home at night.",
    "In a rage he put his hands around his wife's neck.",
    "Wants to watch his stepfather suffer.",
    "Broke his partner's nose in a fight last month.",
    "Bit and scratched two carers on the ward this week.",
    "Said he will do something to the neighbour who reported him.",
]
EXTENDED = [
    "Believes she and the baby would be better off dead together.",
    "Says if his wife leaves he will kill the children and then himself.",
]

FIGURES_OF_SPEECH = [
    "My feet are killing me after the twelve-hour shifts.",
    "I could kill for a coffee most mornings, she joked.",
    "He is dead serious about stopping gambling.",
    "This deadline will be the death of me, she said.",
    "Dying to see her grandchildren at Easter.",
    "Says his back is killing him in the evenings.",
    "Her mum is going to murder her when she sees the phone bill, she laughed.",
    "He was killing it at his new job.",
    "Bored to death at work.",
    "Nearly died of embarrassment when she tripped on stage.",
    "She'd rather die than give a wedding speech.",
    "Called the rota change career suicide.",
    "Overdosed on chocolate at Christmas, she laughed.",
    "Could shoot himself for forgetting his wife's birthday.",
    "Laughing, said she will kill her brother if he eats her leftovers again.",
    "Coach had them doing suicide sprints until they were sick.",
    "'One more meeting and I'll shoot myself,' he laughed; mood bright.",
    "Says the cold is murder on her shoulder and she is half dead after the shops.",
]
CLEAR_DENIALS = [
    "Denies SI/HI/AVH.",
    "No suicidal or homicidal ideation, intent or plan.",
    "Has never had thoughts of suicide or self-harm.",
    "No thoughts of harming herself or others.",
    "SI: denied. HI: denied. Self-harm: none.",
    "Suicide risk screen negative; no firearms at home.",
    "No history of overdose or self-harm.",
    "Negative for thoughts of wanting to die.",
    "SI/HI: neg. Pt contracts for safety.",
    "Denied current SI; brief SI in 2009 during her divorce, resolved.",
]
OCD_INTRUSIVE = [
    "Intrusive images of stabbing her husband while he sleeps; horrified, has hidden the knives.",
    "Unwanted thoughts that she might drop the baby; avoids the stairs and seeks reassurance.",
    "OCD: what-if thoughts about pushing strangers in front of trains; stays away from the"
    " platform edge.",
    "Terrified he'll snap and hurt his toddler, though he has never wanted to; checks the"
    " locks repeatedly.",
    "Keeps checking the road after driving in case she hit a cyclist; knows it makes no sense.",
    "Obsessional fear of poisoning her family by mistake; rewashes everything.",
]
FEAR_OF_DEATH = [
    "Panic attacks in which she is sure she is dying of a heart attack.",
    "Afraid of dying in his sleep since his father's death; checks his pulse.",
    "Worries about who would look after the kids if she died.",
]
OTHER_PERSON = [
    "Her brother died by suicide two years ago; she is grieving.",
    "Found her father after he took his own life; nightmares since.",
    "A close friend overdosed at a party last month; anxious since.",
    "Her ex-partner threatened to kill her; she has moved to a refuge.",
    "Afraid her son might kill himself; he has stopped going to college.",
    "Her husband threatens to kill himself whenever she mentions leaving.",
]
REMOTE_HISTORY = [
    "Overdose at 17; nothing since. Now 45 and seeking help for work stress.",
    "Cut her arms as a teenager; no self-harm for 20 years; no current thoughts.",
    "Suicide attempt in 1998; has been well since.",
]
NEAR_MISSES = [
    "Wants to cut back on alcohol and cut down his hours.",
    "Hangs out with friends at the skate park.",
    "Made a will after the baby was born; organised person.",
    "Takes 20 mg of citalopram each morning.",
    "Drops her son off at school, then worries all day.",
    "Enjoys the rope swing at the lido.",
    "Said goodbye to her sister at the airport and cried.",
    "Shot a wedding video for her cousin.",
    "Gave away old clothes to charity when she moved.",
    "Pushes his daughter on the swing at weekends.",
    "Kicked her boyfriend out after the row.",
    "Washes her hands until they are raw; asks for reassurance.",
    "Burned her hand on the oven while cooking.",
]
# Ordinary sentences that share a word with a risk pattern.
SHARED_WORDS = [
    "Takes her tablets from a dosette box her daughter fills.",
    "Collects her prescription from the pharmacy on Fridays.",
    "Has a large amount of work and sleeps badly.",
    "Prescribed sertraline but has not taken it yet; wants to talk it through.",
    "Sets herself high standards at work.",
    "Went up to the roof garden for the staff party.",
    "Goes to the bridge club on Tuesdays.",
    "Sits on the edge of her bed for an hour before getting up.",
    "Looks down at the ground when he talks to new people.",
    "Wants to learn about death rituals for her anthropology course.",
    "Anxious since a school shooting was in the news.",
    "Got back at her sister by reading her diary.",
    "Told her boyfriend to make him pay for dinner next time.",
    "Bought helium balloons and charcoal for the barbecue.",
    "Carbon monoxide alarm went off at home; anxious since.",
    "Forgot where she wrote down her passwords; disorganised at work.",
    "Has been saving for her funeral plan, like her mother did.",
    "Works in life insurance sales.",
    "Gave away the ending of the film and her friends were cross.",
    "No longer needs her inhaler since moving.",
    "Searches online for how to study better.",
    "Looked up the right dose of paracetamol for her toddler.",
    "Unsure which tablets to take in the morning; GP reviewing.",
    "Saw her father for the last time before he died in hospital.",
    "Wrote the eulogy for her mother's funeral.",
    "Cut her finger holding a knife while cooking.",
    "Plays cricket with his brother with a cricket bat on Sundays.",
    "Her dog was hit by a car last year; still tearful.",
    "A car hit her on the crossing last year; now avoids driving.",
    "The 6-year-old ran into the road after his ball.",
    "Wishes it would stop raining so she can walk.",
    "Afraid of crashing the car on the motorway, so takes the train.",
    "Feels she hurt her friend by cancelling the trip.",
    "Stood on the platform for an hour when the trains were cancelled.",
    "Pharmacist counting pills for customers all day; back pain.",
    "Accidentally hit a cyclist with his car door; shaken since.",
    "Terminal cancer; has written letters for her children to open after she dies and says she"
    " wants every day she has left.",
    "Made a new will on her solicitor's advice after the divorce; mood good.",
    "Receives threatening texts from her ex-partner and is scared to go out.",
    "Watching his house while his brother is away; bored.",
    "Head chef who sharpens knives at work; stressed by the rota.",
    "Waits outside the school for her son every afternoon.",
    "Worries that her parents will die in the war on the news.",
    "Loves true-crime podcasts about murderers; sleeps poorly.",
    "C-SSRS screen negative. ASQ negative.",
    "Hanging baskets are her hobby; gets flu shot every year.",
    "Bites her nails and scratches her eczema at night.",
    "Gave her old bike to her nephew for his birthday.",
]


def _ids(items: list[str]) -> list[str]:
    return [t[:40] for t in items]


@pytest.mark.parametrize(
    "text",
    PASSIVE_DEATH_WISH
    + ACTIVE_IDEATION
    + METHOD
    + MEANS
    + PREPARATORY
    + SELF_HARM
    + ATTEMPT
    + CHILD_AND_ADOLESCENT
    + OTHER_SELF,
)
def test_risk_to_self_is_found(text: str) -> None:
    risk = detect(text)
    assert risk.self_harm, (text, risk.set_aside)
    assert risk.any and risk.phrases


@pytest.mark.parametrize("text", HARM_TO_OTHERS)
def test_risk_to_others_is_found(text: str) -> None:
    risk = detect(text)
    assert risk.others, (text, risk.set_aside)
    assert risk.phrases_for(OTHERS)


@pytest.mark.parametrize("text", EXTENDED)
def test_extended_suicide_is_risk_to_self_and_to_others(text: str) -> None:
    risk = detect(text)
    assert risk.self_harm and risk.others


@pytest.mark.parametrize(
    "text",
    FIGURES_OF_SPEECH
    + CLEAR_DENIALS
    + OCD_INTRUSIVE
    + FEAR_OF_DEATH
    + OTHER_PERSON
    + REMOTE_HISTORY
    + NEAR_MISSES
    + SHARED_WORDS,
)
def test_no_risk_is_found(text: str) -> None:
    risk = detect(text)
    assert not risk.any, (text, risk.hits)
    assert risk.phrases == ()


def test_a_denial_of_intent_does_not_cancel_a_passive_wish() -> None:
    risk = detect("Denies suicidal intent or plan, wishes she could go to sleep and not wake up.")
    assert risk.self_harm
    assert "passive_death_wish" in risk.categories
    assert any(h.reason.startswith("denied") for h in risk.set_aside)  # the intent is denied


def test_set_aside_phrases_say_why() -> None:
    reasons = {h.reason for h in detect("My feet are killing me. Denies SI.").set_aside}
    assert "denied (denies)" in reasons
    ocd = detect(OCD_INTRUSIVE[0]).set_aside
    assert any("intrusive" in h.reason for h in ocd)
    remote = detect(REMOTE_HISTORY[0]).set_aside
    assert any(h.reason == "remote history" for h in remote)


def test_a_remote_history_still_counts_when_something_is_current() -> None:
    assert detect("Overdose at 17; none since, but this month she hopes not to wake up.").self_harm
    assert detect("History of overdose in 2021.").self_harm  # nothing says it is over


def test_the_api_is_small_and_stable() -> None:
    risk = detect("Thoughts of hurting her boss; wishes she were dead.")
    assert isinstance(risk, Risk)
    assert (risk.self_harm, risk.others, risk.any) == (True, True, True)
    assert isinstance(risk.phrases, tuple) and all(isinstance(p, str) for p in risk.phrases)
    assert set(risk.categories) == {"harm_to_others", "passive_death_wish"}
    assert risk.phrases_for(SELF) and risk.phrases_for(OTHERS)
    empty = detect("")
    assert (empty.self_harm, empty.others, empty.any, empty.phrases) == (False, False, False, ())


# --- the drafter ---------------------------------------------------------------------------
def test_harm_to_others_gets_its_own_safety_problem_first() -> None:
    draft = draft_with_notes(
        request(diagnoses=["F43.10"], presenting_problem="Nightmares; urges to stab his boss.")
    )
    chosen = [r for r in draft.reasons if r.chosen]
    assert chosen[0].area_id == OTHERS_AREA
    assert chosen[0].basis is Basis.RISK_LANGUAGE
    assert "stab his boss" in chosen[0].explanation
    assert SAFETY_AREA not in [r.area_id for r in chosen]
    titles = [p.title for p in draft.plan.problems]
    assert titles[0].startswith("Risk of harm to others")


def test_both_risks_give_both_safety_problems_self_first() -> None:
    text = "Wants to kill her stepfather and has thought about overdosing afterwards."
    draft = draft_with_notes(request(diagnoses=["F33.1"], presenting_problem=text))
    chosen = [r.area_id for r in draft.reasons if r.chosen]
    assert chosen[:2] == [SAFETY_AREA, OTHERS_AREA]


@pytest.mark.parametrize(
    "text",
    [
        "Low mood. Denies suicidal intent, but would not mind if she did not wake up.",
        "Low mood. Keeps her late husband's morphine in the bathroom.",
        "Low mood. Has thoughts of hurting his brother.",
    ],
)
def test_detected_risk_adds_the_risk_assessment_prompt_whatever_the_codes(text: str) -> None:
    draft = draft_with_notes(request(diagnoses=["F41.1"], presenting_problem=text))
    assert any(t.startswith("Risk: record the risk assessment") for t in draft.to_supply)
    assert [r for r in draft.reasons if r.basis is Basis.RISK_LANGUAGE]


@pytest.mark.parametrize(
    "text", ["Low mood; my feet are killing me.", "Low mood. Denies SI/HI.", OCD_INTRUSIVE[1]]
)
def test_no_risk_no_safety_problem_and_no_prompt(text: str) -> None:
    draft = draft_with_notes(request(diagnoses=["F33.1"], presenting_problem=text))
    chosen = [r.area_id for r in draft.reasons if r.chosen]
    assert SAFETY_AREA not in chosen and OTHERS_AREA not in chosen
    assert not any(t.startswith("Risk:") for t in draft.to_supply)


def test_risk_set_aside_is_explained() -> None:
    draft = draft_with_notes(
        request(diagnoses=["F33.1"], presenting_problem="Low mood. Denies SI and HI.")
    )
    left_out = {r.area_id: r for r in draft.reasons if r.basis is Basis.NEGATED}
    assert "only as absent (denies)" in left_out[SAFETY_AREA].explanation
    assert "only as absent" in left_out[OTHERS_AREA].explanation
