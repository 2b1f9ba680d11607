"""Word lists for how news reports speech. General English, never names from an article."""

from __future__ import annotations

import re

_DOUBLING = {"admit", "quip", "snap", "shrug", "plan", "commit", "regret", "chat", "jab",
             "refer", "prefer", "confer", "rebut", "omit", "permit", "submit", "stop",
             "beg"}


def _inflect(base: str) -> set[str]:
    """Regular inflections of a verb (say -> says, said is listed separately)."""
    if base in _DOUBLING:  # admit -> admitted, quip -> quipping
        return {base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"}
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


# Verbs that introduce the words of a speaker, direct or reported. Irregular forms listed.
_SPEECH_BASES = """
acknowledge add admit advise affirm agree allege announce answer argue ask assert assure
boast brag caution charge cite claim comment complain concede conclude confess confirm
contend continue counter crow declare demand deny describe disclose dismiss emphasise
emphasize estimate exclaim explain express grumble guess hint insist instruct joke
lament laugh maintain mention mock mumble murmur mutter muse note object observe opine
plead point pledge posit post praise predict proclaim promise propose protest quip
reason recall recount reflect reiterate rejoin remark remind reply report respond retort
reveal scoff scream shout shrug sigh snap state stress suggest testify urge vow wail
warn whisper worry yell tweet write concur acknowledge recommend underline underscore
assess clarify highlight chant scold repeat blurt wonder interject gush fume rage quip
speculate theorize theorise exhort implore beg gasp groan growl holler bellow sneer snarl
rant gripe chide taunt marvel intone cry
""".split()

SPEECH_VERBS: frozenset[str] = frozenset(
    set().union(*(_inflect(b) for b in _SPEECH_BASES))
    | {"say", "says", "said", "saying", "tell", "tells", "told", "telling", "speak", "speaks",
       "spoke", "speaking", "write", "writes", "wrote", "written", "writing", "hold", "holds",
       "held", "think", "thinks", "thought", "believe", "believes", "believed", "feel",
       "feels", "felt", "go on", "went on", "goes on", "put it", "puts it", "reckon",
       "reckons", "reckoned", "tweeted", "posted", "pleaded", "pled", "echo", "echoes",
       "echoed", "echoing", "read", "reads"}
)

# "read" is speech only for a text: "her statement read", "the sign reads".
TEXT_NOUNS = frozenset("""
statement post tweet message letter sign banner headline email note caption placard card
text release notice website page ad advertisement slogan poster billboard memo report
posting filing complaint lawsuit indictment order ruling verdict document agreement contract
affidavit petition""".split())

# Verbs that may carry a reported claim ("X says that ..."); narrower than SPEECH_VERBS,
# because a claim has no quote marks to vouch for it.
_CLAIM_BASES = """
acknowledge add admit affirm agree allege announce argue assert assure caution charge
claim complain concede conclude confess confirm contend declare deny disclose emphasise
emphasize estimate explain insist maintain mention note observe predict proclaim promise
recall reiterate remark remind report reveal state stress suggest testify warn write
concur underline underscore respond reply tweet point admit lament speculate theorize
theorise vow joke quip boast brag counter retort answer muse accuse""".split()

# Verbs of a finding ("the study found that …", "records show that …"): a claim only
# with "that", which tells a reported finding from "found the keys", "shows the pier".
FINDING_VERBS = frozenset(_inflect("show") - {"showing"} | {"find", "finds", "found", "shown"})
# Verbs that report a claim only with "that" ("maintained that …", not "maintained a
# majority"); "show(s/ed)" also before a clause ("results show the camp held on").
# A recommendation or a court's ruling is a claim with "that" too ("the court ruled that
# …", "WHO recommends that …"; not "ruled out", "recommended a book").
RULING_VERBS = _inflect("recommend") | {"rule", "rules", "ruled", "ruling"}
# A demand is a claim with "that" too ("demanded that the province hire …"; not
# "demanded an apology"; "asked" is too often a question's: "he is often asked about").
URGE_FORMS = frozenset(_inflect("urge"))
DEMAND_VERBS = _inflect("demand") | URGE_FORMS | _inflect("request")
# "called on the province to act": a claim only with "on", whom, "to" and a verb.
CALL_ON_FORMS = frozenset({"call", "calls", "called", "calling"})
# "asked the city to act": a request, a claim only with whom, "to" and a verb (not a
# question: "asked whether …", "“Why?” she asked").
ASK_FORMS = frozenset({"ask", "asks", "asked", "asking"})
# The words after "asked" that make it a question, not a request: "asked whether …".
ASKED_ABOUT = frozenset({"whether", "if", "about", "for", "why", "how", "what", "when",
                         "who"})
# Verbs whose claim is only what follows them: never the credit of words before their
# subject ("To a standing ovation, Kasich called for …", "Is it fair, she asked."), nor
# an attribution of its own inside what "according to" credits.
FORWARD_ONLY_VERBS = ASK_FORMS | CALL_ON_FORMS
# "posted that …" (not "posted a video"); only the past, as "posts" is mostly a noun.
THAT_ONLY_VERBS = FINDING_VERBS | _inflect("maintain") | RULING_VERBS | DEMAND_VERBS | {
    "posted"}
# Findings and rulings that may report a clause without "that": "results show the camp
# held on", "the scientists found yields fell" (not "found the keys"), "Court rules ban
# is legal" (not "ruled out a run").
SHOW_FORMS = frozenset({"show", "shows", "showed", "find", "finds", "found", "rules", "ruled"})

CLAIM_VERBS: frozenset[str] = frozenset(
    set().union(*(_inflect(b) for b in _CLAIM_BASES))
    | {"say", "says", "said", "saying", "tell", "tells", "told", "telling", "wrote",
       "writes", "believe", "believes", "believed", "think", "thinks", "cite", "cites",
       "cited", "citing", "posted", "shouted", "yelled", "screamed", "whispered",
       "muttered"}  # ("One man shouted that officials had abandoned them")
    | FINDING_VERBS
    | RULING_VERBS
    | DEMAND_VERBS
    | CALL_ON_FORMS
    | ASK_FORMS
)

# "X accused Y of Z": the claim is whom and what of ("Berg of lying about the levy").
ACCUSE_VERBS = frozenset(_inflect("accuse"))

# Verbs whose object, not a that-clause, is the claim ("Pakistan denies the charges").
OBJECT_CLAIM_VERBS = frozenset(_inflect("deny") | _inflect("dispute") | _inflect("reject")
                               | _inflect("cite") | ACCUSE_VERBS)

# Verbs that need someone spoken to before the content ("told reporters that").
TELL_VERBS = frozenset({"tell", "tells", "told", "telling", "remind", "reminds", "reminded",
                        "reminding", "assure", "assures", "assured", "assuring", "warn",
                        "warns", "warned", "warning", "inform", "informs", "informed"})

# Nouns that attribute a quote: "“…” was his terse advice", "in a statement".
CUE_NOUNS = frozenset("""
advice answer argument assessment comment comments conclusion explanation message
observation point promise reaction remark remarks reply response retort statement
verdict view warning words""".split())

ADVERBS_NEAR_VERB = frozenset("""
also later then again earlier once further still quickly simply just only previously
recently repeatedly often frequently never flatly publicly privately openly bluntly
angrily quietly firmly calmly proudly sadly simply yesterday today however
long""".split())  # ("has long argued")

PRONOUNS_SINGULAR = frozenset({"he", "she"})
PRONOUNS_PLURAL = frozenset({"they"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
PERSONAL_PRONOUNS = PRONOUNS_SINGULAR | PRONOUNS_PLURAL
# Pronouns for people that open a clause as its subject: "said as she left", "as we spoke".
PERSON_SUBJECTS = PERSONAL_PRONOUNS | {"we", "i"}
POSSESSIVES = {"his": "he", "her": "she", "their": "they"}
# Every possessive determiner: "his plan", "our report".
POSSESSIVE_WORDS = frozenset(POSSESSIVES) | {"its", "my", "our", "your"}
# What opens a relative clause about a person ("advisers who ran the numbers") and the
# demonstratives that can be a clause's subject ("this was the only chance").
RELATIVE_PRONOUNS = frozenset({"who", "whose"})
DEMONSTRATIVES = frozenset({"this", "these", "those"})

DETERMINERS = frozenset("""
a an the this that these those another some many several most few one two three four
five six seven eight nine ten dozens hundreds thousands all both each every other
numerous various no any""".split())

PREPOSITIONS = frozenset("""
about above across after against along amid among around at before behind below beneath
beside between beyond by despite down during for from in inside into like near of off on
onto out outside over past since through throughout to toward towards under underneath
unlike until up upon via with within without""".split())

# Words that end a noun phrase when walking back from a verb.
CLAUSE_WORDS = frozenset("""
that which who whom whose when where while whilst because although though if unless as since so
but and or nor yet than then whether after before until once""".split())

AUXILIARIES = frozenset("""
is are was were be been being am has have had do does did will would shall should can
could may might must""".split())

# Capitalised at the start of a sentence but never a name.
NOT_NAMES = frozenset("""
A An The This That These Those It Its He She They We I You His Her Their Our My Your But
And Or So Yet Nor For In On At By With From To Of As If When While After Before Since
Although Though Because Unless Until Once Then There Here Now Still Meanwhile However
Also Even Just Only Some Many Most Several Few All Both Each Every Other Another No Not
Yes What Which Who Whom Whose Where Why How According Last Next First Second Third
Earlier Later Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April May June July August September October November
December Mr Mrs Ms Dr One Two Three Four Five Six Seven Eight Nine Ten Unlike Like
Despite During Under Over After Into Through Without Within Among Against Instead Indeed
Perhaps Maybe Still Thus Hence Sources Officials Should Would Could Did Does Is Are Was
Were Has Have Had Asked Told Pressed Reached Questioned Interviewed Democratic Republican
Democrat
More Soon Lest Update Related Advertisement Said Says Added Neither Either Having Being
Half None Majority Minority Third Quarter Wait Worse Better Well Oh Yes Sure Okay
Back Ever Alongside Ahead Amid Amidst Inside Outside Across Behind Beyond Throughout Toward
Towards Upon Around Near Nearly Almost Again Already Always Never Often Together Elsewhere
Overall Otherwise Moreover Furthermore Nevertheless Nonetheless Rather Anyway Besides
Beside Below Above Between Beneath Except Regardless""".split())


# Nouns that name a person by what they are ("the commander", "a fighter").
PERSON_NOUNS = frozenset("""
man woman men women boy girl person people family families fighter fighters soldier soldiers officer
officers official officials commander leader leaders spokesman spokeswoman spokesperson
minister president senator governor mayor resident residents witness witnesses
journalist journalists reporter reporters analyst analysts expert experts activist
activists source sources doctor doctors nurse teacher student students farmer worker
workers militiaman militiamen member members voter voters supporter supporters critic
critics lawyer lawyers candidate candidates aide aides adviser advisers advisor advisors
diplomat diplomats commentator colonel general sergeant captain chief director editor
executive manager owner father mother son daughter wife husband brother sister friend
neighbour neighbor villager villagers refugee refugees protester protesters recruit
recruits police policeman policemen guard guards strategist pollster economist scientist
researcher researchers professor historian author writer delegate delegates
representative lawmaker lawmakers legislator legislators chairman chairwoman secretary
ambassador envoy negotiator investigator investigators prosecutor prosecutors judge
driver shopkeeper trader veteran veterans mujaheddin militant militants insurgent
insurgents rebel rebels observer observers campaigner campaigners organiser organizer
founder president executives residents elder elders cleric clerics imam survivor
survivors victim victims group groups community locals citizens parent
parents colleague colleagues official spokesperson fan fans
actor actress advocate ally artist athlete attorney auditor citizen coach columnist
consultant consumer contender councillor councilor customer demonstrator detective donor
employee engineer firefighter homeowner immigrant inspector investor juror landlord
lobbyist migrant miner musician opponent paramedic participant passenger physician pilot
regulator respondent rival shopper staffer surgeon taxpayer tenant trooper viewer
volunteer host anchor moderator interviewer staff personnel crew crews
player players teammate teammates rookie defenceman defenseman defencemen defensemen
winger goaltender goalie goalkeeper netminder blueliner striker midfielder quarterback
pitcher outfielder infielder skier swimmer sprinter cyclist golfer boxer child children kids
teenager teenagers youngster youngsters
welder trucker plumber carpenter electrician technician mechanic bartender cashier baker
chef waiter waitress janitor logger fisherman fishermen rancher pensioner retiree
vendor motorist commuter clerk labourer laborer contractor builder architect accountant
banker dentist pharmacist therapist psychologist psychiatrist counsellor counselor
educator librarian caregiver nanny tourist visitor pastor priest rabbi bishop grandmother
grandfather grandparent uncle aunt cousin nephew niece girlfriend boyfriend
cook guide steward plaintiff defendant complainant appellant applicant claimant litigant
petitioner bystander onlooker eyewitness passerby pedestrian hiker camper angler boater
hunter trapper fisher skipper deckhand crewman grower merchant retailer restaurateur
hotelier innkeeper caterer dishwasher housekeeper babysitter tutor barber butcher tailor
sailor insider rider patient constable trustee dean provost registrar chancellor curator
archivist surveyor broker shareholder entrepreneur publicist photographer picketer
mediator arbitrator chaplain nun monk missionary newcomer evacuee sibling grandson
granddaughter grandchild spouse widow widower orphan toddler teen youth kid renter
roommate housemate coworker co-worker classmate trainer referee umpire spectator runner
rower wrestler jockey""".split())

FEMALE_WORDS = frozenset("""
she her mrs ms miss woman women girl mother daughter wife sister queen princess dame
lady chairwoman congresswoman spokeswoman actress grandmother""".split())
MALE_WORDS = frozenset("""
he him his mr man men boy father son husband brother king prince sir lord chairman
congressman spokesman grandfather""".split())

# Abbreviations whose period does not end a sentence.
# Letters with full stops that are not a person's initials ("J.M." is; "U.S." is not).
_NOT_INITIALS = frozenset({"u.s.", "u.k.", "u.n.", "e.u.", "u.a.e.", "e.g.", "i.e.", "a.m.",
                          "p.m.", "d.c.", "l.a.", "n.y.", "n.j.", "n.c.", "s.c.", "n.h.", "n.m.",
                          "n.d.", "s.d.", "r.i.", "u.s.a."})
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def is_initials(word: str) -> bool:
    """ "J.M.", "G.K.": a person's initials run together, not a place's or a time's."""
    return _INITIALS.fullmatch(word) is not None and word.lower() not in _NOT_INITIALS

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st gen col lt capt cmdr maj sgt adm gov sen rep jr sr inc corp ltd co cos bros
no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m
mt ste ft ave rev coun ald const cst cpl supt insp det pte pvt brig msgr fr hon s/sgt""".split())

# Common first names whose gender is near certain, so that "he" skips a woman named just
# before and "she" skips a man. A name in neither list is compatible with both.
FEMALE_FIRST_NAMES = frozenset("""
abigail ada agnes aisha alice alicia amanda amelia amy ana andrea angela ann anna anne
annie barbara betsy betty beverly brenda carla carmen carol caroline carolyn catherine
cecilia charlotte cheryl christina christine claire clara cynthia deborah debbie
denise diana diane donna doris dorothy edith elaine eleanor elena elisabeth elizabeth
ellen emily emma erin eva evelyn fatima fiona frances gloria grace hannah harriet heather
heidi helen helga hillary ingrid irene isabel jacqueline jane janet janice jennifer
jessica jill joan joanne josephine joyce judith judy julia julie karen katherine kathleen
kathy katie kimberly laura lauren linda lisa lucy lydia madeleine
margaret maria marie marilyn martha mary maya megan melissa michelle monica
nancy natalie nicole nikki olivia pamela patricia paula pauline rachel rebecca rita
rose ruth sally samantha sandra sara sarah selin sharon shirley sofia sophia sophie
stephanie susan suzanne sylvia tamara teresa theresa tiffany valerie vanessa victoria
virginia wendy yara yasmin zainab""".split())
MALE_FIRST_NAMES = frozenset("""
aaron abdul abdullah adam ahmad ahmed alan albert alexander ali andrew anthony antonio
arthur ben benjamin bernie bill bob brian bruce carl carlos charles
christopher chuck colin daniel david dennis donald douglas edward eric frank fred gary
george gerald gregory hamid harold harry hassan henry howard ian jack jacob james jason
jeff jeffrey jeremy jerry jim joe john jonathan jose joseph joshua juan karl keith
kenneth kevin lars larry lawrence louis marco mark martin matthew michael mike mitch
mohammad mohammed muhammad nathan nicholas omar patrick paul peter philip ralph randy
raymond richard rick robert roger ronald roy russell ryan samuel scott sean stephen
steve steven ted terry thomas tim timothy todd tom vladimir walter wayne william
xavier yusuf""".split())

# Verbs that give a name, not speech: "X dubbed the conflict: “Harbour vs. the Town”".
NAMING_VERBS = frozenset({"dubbed", "titled", "entitled", "named", "nicknamed", "headlined"})
# Writings whose words a colon may introduce ("The email read in part: “…”", "Her letter:").
WRITINGS = frozenset("""email e-mail letter letters memo statement report paper study piece
post tweet tweets ad advertisement video footnote headline message note notes column op-ed
editorial document documents filing complaint lawsuit ruling order survey poll release
transcript script speech book sign banner slogan website analysis audit review projection
forecast assessment story article investigation inquiry probe evaluation""".split())
# Words that tie an unnamed source to what it knows: "a person familiar with the talks",
# "a source close to her", "an official briefed on the plan", "a lawyer involved in it".
SOURCE_MODIFIERS = frozenset({"familiar", "close", "knowledgeable", "briefed", "involved",
                              "privy"})

# How a possessive ends: "Ruiz's", "Ruiz’s", and a plural's or a name's in -s: "the
# teachers' union", "Sanders’ campaign" (a token of its own before a word: tokens.py)
POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")


def without_possessive(word: str) -> str:
    """ "Ruiz's" -> "Ruiz", "Sanders’" -> "Sanders"."""
    return word[:-2] if word.endswith(("'s", "’s")) else word[:-1]

# Words set off in commas between a speaker and the verb: "Berg, though, said".
ASIDE_WORDS = frozenset({"though", "however", "too", "meanwhile", "instead", "also", "then",
                         "later", "now", "separately", "likewise"})


# Lower-case words inside a person's name ("Ana de la Cruz", "Osama bin Laden"). Here,
# not in finding.names, which reads tokens: titles are stripped from the names read
# from an index (attributing.names.strip_title) without loading the tokenizer.
NAME_PARTICLES = frozenset({"de", "del", "della", "da", "di", "van", "von", "der", "den", "bin",
                            "ibn", "al", "el", "la", "le", "du", "dos", "ben", "abu", "mc"})

# The articles: after one, a verb's form or a preposition modifies the noun ("the alleged
# victim", "an inside source").
ARTICLES = frozenset({"a", "an", "the"})


# A parent, whom news describes by the children counted: "the mother of three".
PARENT_NOUNS = frozenset({"mother", "father", "grandmother", "grandfather", "mom", "dad",
                          "parent", "grandparent"})

# Verb forms that are only ever finite, never a participle modifying a noun ("the report
# released Monday"): after a noun, a clause's verb.
ONLY_FINITE = frozenset("""came went took gave saw began grew became ran fell rose wrote spoke
got did was were is are has had""".split())

# Irregular past tenses that the tagger may take for nouns after one ("the rate rose",
# "sales grew"): a clause's verb there, never a description's words.
IRREGULAR_PASTS = frozenset("""fell rose grew lost won sold went came took gave made saw began
ran fought bought paid hit cut""".split())


# French nouns that open a body's name in Canadian news, and the English noun a later
# "the …" uses for it: "the university" after "Université de Val-Brûlé".
FRENCH_BODY_NOUNS = {
    "Université": "university", "Hôpital": "hospital", "Collège": "college",
    "Cégep": "college", "Ministère": "ministry", "Conseil": "council", "Société": "society",
    "Fédération": "federation", "Syndicat": "union", "Assemblée": "assembly",
    "Banque": "bank", "Agence": "agency", "Fondation": "foundation", "Institut": "institute",
    "École": "school", "Cour": "court", "Parti": "party", "Ville": "city",
    "Centre": "centre", "Association": "association", "Commission": "commission",
}


# The days and months, capitalised as written: "… on Friday", "3 a.m. Saturday".
CALENDAR_NAMES = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November
December""".split())


# Courtesy titles: how a person is addressed, no office ("Dr. Ana Ruiz", "Mr. Berg").
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})
