"""Word lists for resolving speakers. General English and news usage, never names from
an article. The finding stage's lists (finding/lexicon.py) are imported, not repeated."""

from __future__ import annotations

# Titles and offices that stand before a name in news, beyond the finding stage's list:
# "Premier Ana Ruiz", "Acme CEO Tom Berg", "Coach Ana Ruiz".
EXTRA_TITLES = frozenset("""
premier councillor councilor alderman alderwoman mp mpp mla mna mep trustee sheriff
coach pastor principal ceo cfo coo cto chairperson president-elect""".split())

# Words that open a place name, not a person's: "New Hampshire", "San Diego",
# "South Carolina", "Port Moody". A name starting so is never "he" or "she".
PLACE_LEADS = frozenset("""
new san santa los las st st. saint sainte fort port mount mt mt. lake cape north south
east west northern southern eastern western central upper lower greater united
puerto""".split())

# Capitalised nouns naming many people: "Democrats say", "Liberals argue". With the
# demonyms ("Canadians", "Afghans") they are groups, the antecedents of "they".
GROUP_NAMES = frozenset("""
democrat republican liberal conservative tory socialist libertarian progressive
green new-democrat evangelical catholic protestant muslim christian jew hindu sikh
buddhist indigenous aboriginal""".split())

# What a company is called in its name, for "the company" and "the firm".
COMPANY_WORDS = frozenset("""
company companies co co. corp corp. corporation inc inc. incorporated ltd ltd. limited
llc plc group holdings""".split())
COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "conglomerate"})

# Descriptions that can stand for a named person or body ("the mayor", "the union") say
# little else; these modifiers do not tell two holders of a title apart.
NEUTRAL_MODIFIERS = frozenset("""
former then current new longtime long-time veteran outgoing incoming embattled
beleaguered""".split())

# Words before a name that make it a picture credit, not a person in the story.
CREDIT_LABELS = frozenset("""
photo photos photograph photographs photographer image images picture pictures credit
video file handout illustration""".split())

# Function words an acronym skips: "Canadian Union of Public Employees" -> CUPE.
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "de", "des", "du", "la",
                           "le", "&", "to", "at"})

# Words that make a capitalised name a body's, beyond the finding stage's list:
# "Civil Defense Authority", "Acme Technologies", "BC Hydro".
EXTRA_ORG_WORDS = frozenset("""
Authority Administration Federation Coalition Alliance Tribunal Trust Club Institution
Cooperative Caucus Secretariat Directorate Assembly Legislature Cabinet Services Systems
Technologies Airlines Airways Motors Industries Partners Associates Enterprises Holdings
Capital Energy Pharmaceuticals Laboratories Labs Studios Entertainment Communications
Solutions Networks Railway Railways Transit Hydro Health Council Commission Bureau
Department Ministry""".split())

# Bodies whose names hold the word a short form uses: "the bank" is "Port Bank", "the
# union" the "Canadian Union of Public Employees". ("The campaign", "the government",
# "the team" name no one in particular, and companies are not named "Company".)
NAMED_BODY_NOUNS = frozenset("""
agency association authority bank board bureau church coalition college commission
committee council court department embassy federation foundation fund hospital institute
league ministry party school union university club network office service tribunal
legislature parliament""".split())
