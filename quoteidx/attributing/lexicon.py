"""Word lists for resolving speakers. General English and news usage, never names from
an article. The finding stage's lists (finding/lexicon.py) are imported, not repeated."""

from __future__ import annotations

from quoteidx.finding.office_words import LEGISLATORS

# Titles and offices that stand before a name in news, beyond the finding stage's list:
# "Premier Ana Ruiz", "Acme CEO Tom Berg", "Coach Ana Ruiz".
EXTRA_TITLES = frozenset("""
premier councillor councilor alderman alderwoman trustee sheriff
coach pastor principal ceo cfo coo cto chairperson president-elect
me mme""".split()) | LEGISLATORS  # (Quebec's "Me" for a lawyer, "Mme" for Madame)

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
# Kin: "his mother" is the one person the story called someone's mother.
KIN_NOUNS = frozenset("""
mother father wife husband son daughter brother sister grandmother grandfather aunt uncle
cousin niece nephew widow widower fiancé fiancée fiance fiancee stepmother stepfather
""".split())

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
Department Ministry
Herald Gazette Chronicle Globe Telegram Telegraph Examiner Courier Spectator
Dispatch Enquirer Inquirer Leader-Post StarPhoenix""".split())  # (newspapers: "the Herald")

# Bodies whose names hold the word a short form uses: "the bank" is "Port Bank", "the
# union" the "Canadian Union of Public Employees". ("The campaign", "the government",
# "the team" name no one in particular, and companies are not named "Company".)
NAMED_BODY_NOUNS = frozenset("""
agency association authority bank board bureau church coalition college commission
committee council court department embassy federation foundation fund hospital institute
league ministry party school union university club network office service tribunal
legislature parliament city town village county municipality township district alliance
collective co-op cooperative co-operative guild caucus society trust clinic""".split())

# First names whose gender is near certain in English-language news, beyond the finding
# stage's lists, so that "he" skips a woman named just before and "she" a man. Names
# given to both (Jordan, Taylor, Kim, Jean, Terry, Andrea) are in neither.
MORE_FEMALE_FIRST_NAMES = frozenset("""
adriana aileen alexandra alexis alison allison alma alyssa amber amelie anastasia angelina
anita annette antoinette april ariana arlene audrey autumn ava beatrice belinda bernadette
beth bethany bianca bonnie brandi brianna bridget brigitte brittany brooke camille candace
cara carina carmela carrie cassandra catarina celeste celine chantal charlene chelsea
cherie chloe christa christie cindy claudia colleen connie constance courtney crystal
daisy daniela danielle daphne darlene dawn deanna deirdre delia delphine desiree diane
dolores dora edna eileen elaine eleanor elise eliza ella eloise elsa emilia
emilie erica erika esther estelle eugenia eunice eva faith felicia fernanda florence
francesca francine gabriela gabrielle genevieve georgia geraldine gillian gina giselle
giulia gwen gwendolyn hailey haley harriet hayley hazel helena hilda holly ida ilse imogen
ines ingrid irina iris isabella isabelle ivana jacqueline jada janelle janine jasmine
jeanette jeanne jenna jenny jessie jillian jo joanna jocelyn jodi johanna jolene jordana
josie juanita judy julianne juliet julieta june justine kara karina karla kate katharine
kathryn katrina kayla kendra kirsten krista kristen kristin kristina
kylie lana laurie layla leah leila lena lila lillian lily linnea lois lorena
loretta lori lorraine louisa louise lucia lucille luisa lynne mabel mackenzie
madison magdalena maggie makayla mandy marcia margarita margot mariana marianne maribel
marina marion marisa marissa marjorie marlene martina maryam mathilde maureen mavis
meagan meghan melanie melinda mercedes meredith mia michaela mildred miranda miriam molly
mona monique nadia nadine naomi natasha nathalie nellie nina nora norma olga paige pam
patrice patty peggy penelope petra phoebe phyllis pia polly priscilla rachael ramona
raquel regina renee rhonda roberta robyn rochelle rosa rosalind rosemary roxanne ruby
sabrina sadie salma sara savannah selena serena sheila shelby shelley
sherry shirin sienna simone sofia sonia sonya stacey stella sue summer susanna
svetlana sybil tania tanya tara tatiana tessa thelma tina tonya tracey trisha
ursula valentina vera veronica vicki vicky viola violet vivian wanda whitney wilma
yolanda yvette yvonne zoe zoey helene therese josee sylvie manon ginette lise chrystia
liz meg jen deb becky cathy gail lynn kathleen trish tammy barb
""".split())
MORE_MALE_FIRST_NAMES = frozenset("""
abraham adrian ahmet alan alberto aldo alejandro alexei alfonso alfred alfredo alistair
allan alonzo alvin ambrose anders andre andreas andrei andres angelo angus anton antoine
archibald armando arnold arturo augustin austin axel barry bart basil benedict benoit bernard
bert boris bradley brandon brendan brent brett bryan bryce byron caleb calvin carlo
cedric cesar chad chester christian christoph christophe clarence claude clayton
clifford clint clinton cody conor connor conrad craig curtis cyril damian damon dan
danny darius darren darryl dean declan dejan denis derek desmond diego dimitri dmitri
dominic don donovan doug duncan dustin dwight earl eddie edgar edmund eduardo edwin elias
elijah elliot emile emilio emmanuel enrique ernest ernesto erik ernie esteban ethan eugene
evan everett fabian federico felipe felix fernando fidel floyd francis francisco franco
francois frederick gabriel garrett gavin geoffrey gerard gerhard gilbert giorgio giovanni
giuseppe glen glenn gonzalo gordon graham grant greg guillaume gunnar gustavo guy hans
harvey hector heinrich herbert herman hugh hugo humberto igor ivan jacques jaime jake
jamal jared javier jay jens jeremiah jerome jesus joel johan johannes jon jonas
jorge josef joshua julian julio justin karim keith ken kent kirk klaus kurt kyle
lance leo leon leonard leonardo leroy lionel lloyd lorenzo luc luca lucas luigi luis
luke malcolm manuel marc marcel marcus mario marius marvin mateo mathieu matt matthias
maurice mauricio max maxime maxwell melvin micah miguel miles milton mitchell mohamed
moises morris moses murray neil nelson nick nigel noah noel norman oliver oscar otto
owen pablo pascal pedro percy perry phil pierre quentin rafael rahul raj ramon randall
raul reginald rene ricardo rob rod rodney rodrigo rolf roman ron ross rudolph
rudy rupert salvador santiago saul sebastian sergei sergio seth shane sheldon
 simon stanley stefan stuart sven tariq terrence theo theodore tobias tony travis
trevor tristan troy tyler ulrich victor vincent vinnie vito wade wallace warren wesley
wilfred willem willie wilson winston wolfgang yannick yuri zachary stephane sebastien
etienne frederic jagmeet dave ted andy tim jeff steve randy""".split())
UNISEX_FIRST_NAMES = frozenset("""
alex ashley avery casey charlie dana drew jackie jamie jean jesse jody jordan kelly kim
kris lee leslie morgan nicola pat robin rory sam sandy sasha shawn sidney skyler stacy
taylor terry tracy andrea
harjit harpreet gurpreet jaspreet manjit paramjit amarjit kuldeep sukhwinder rajinder""".split())


# Nationality words and country names, so that "he" is never "Canada" or "Canadian" and
# "Canadians" are a group. (The same words as storing/demonyms.py, which maps one to the
# other for search; attributing sits above storing and may not import it.)
COUNTRIES = frozenset("""
afghanistan africa albania algeria america argentina armenia asia australia austria
azerbaijan bahrain bangladesh belarus belgium bosnia brazil britain bulgaria burma
cambodia canada chile china colombia croatia cuba czechia denmark egypt emirates england
eritrea ethiopia europe finland france georgia germany greece haiti hungary india
indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya korea kuwait
kyrgyzstan lebanon libya malaysia mali mexico morocco nepal nigeria norway oman pakistan
palestine peru philippines portugal qatar romania russia rwanda saudi scotland serbia
somalia spain sudan sweden switzerland syria taiwan tajikistan thailand tunisia turkey
turkmenistan uganda ukraine uzbekistan venezuela vietnam yemen zimbabwe""".split())
# States and provinces of one word, places a pronoun never means ("Florida is a swing
# state … she said"); those that are also first names (Virginia, Georgia) or a person's
# (Washington) are left out.
REGIONS = frozenset("""
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri nebraska nevada ohio oklahoma oregon
pennsylvania tennessee texas utah vermont wisconsin wyoming alberta ontario quebec
manitoba saskatchewan newfoundland labrador yukon nunavut""".split())

# The noun an abbreviated title stands for, so that "the doctor" is Dr. Tom Berg.
TITLE_NOUNS = {
    "dr": "doctor", "prof": "professor", "gov": "governor", "sen": "senator",
    "gen": "general", "lt": "lieutenant", "sgt": "sergeant",
    "capt": "captain", "cmdr": "commander", "col": "colonel", "maj": "major",
    "adm": "admiral", "rev": "reverend", "det": "detective", "insp": "inspector",
    "supt": "superintendent", "const": "constable", "cst": "constable", "cpl": "corporal",
    "coun": "councillor", "ald": "alderman", "s/sgt": "staff sergeant",
}
