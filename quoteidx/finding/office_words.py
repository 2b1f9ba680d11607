"""Words for offices and the bodies people speak for: titles before a name ("Sen.",
"Det."), the ranks that make a title another office, legislators' abbreviations, the
portfolios of ministries, nationalities, and the words that make a name a body's."""

from __future__ import annotations

# Words that make a capitalised sequence an organisation or a place, not a person.
# Words for a nation's people, which open a body's name as well as a role: "Canadian
# Red Cross", "Russian President Vladimir Putin".
NATIONALITIES = frozenset("""
afghan afghani african albanian algerian american argentine argentinian armenian asian
australian austrian azerbaijani bahraini bangladeshi belarusian belgian bosnian
brazilian british bulgarian burmese cambodian canadian chilean chinese colombian
croatian cuban czech danish egyptian emirati english eritrean ethiopian european
filipino finnish french georgian german greek haitian hungarian indian indonesian
iranian iraqi irish israeli italian japanese jordanian kazakh kenyan korean kuwaiti
kyrgyz lebanese libyan malaysian malian mexican moroccan nepalese nepali nigerian
norwegian omani pakistani palestinian peruvian portuguese qatari romanian russian
rwandan saudi scottish serbian somali spanish sudanese swedish swiss syrian taiwanese
tajik thai tunisian turkish turkmen ugandan ukrainian uzbek venezuelan vietnamese yemeni
zimbabwean soviet philippine welsh dutch icelandic estonian latvian lithuanian slovak
slovenian maltese cypriot mongolian jamaican""".split())

ORG_WORDS = frozenset("""
Agency Army Association Bank Board Bureau Campaign Center Centre Church Club College
Commission Committee Company Congress Corp Corporation Council Court Department Embassy
Force Forces Foundation Fund Government Group Hospital House Inc Institute Journal
League Ltd Media Ministry Monitor Network News Office Organisation Organization
Parliament Party Police Post Press Radio Review School Senate Service Society Station
Street Television Times Tribune TV Union United University Watch Republic Kingdom States
Province City County District Airport Federation Confederation Coalition Alliance
Authority Chamber Assembly Tribunal Administration Secretariat Railway Railways Airlines
Airways Hydro Motors Holdings Cos Limited LLC LLP Bancorp Telecom Nation Nations
Guard Health Collective Cooperative Co-op Co-operative Trust Guild Caucus Initiative Project
Clinic Partnership Hub Consortium Collaborative Museum Library Gallery Legion Services
Laboratory""".split())

# Bodies that speak as one in news: "the company said", "according to the ministry".
ORG_NOUNS = frozenset("""
administration agency army association authorities authority bank board brigade cabinet
campaign coalition coastguard commission committee company council court department media
embassy firm government group hospital institute ministry military newspaper office
organisation organization party police prosecutor regime school spokesman spokeswoman
team union university white-house magazine network station broadcaster collective co-op
cooperative co-operative guild caucus alliance federation foundation society tribunal""".split())

# Titles before a name: "Commander Ismail Khan", "Sen. Warren". Lower-cased, no dots.
TITLES = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady gen general col colonel lt
lieutenant capt captain cmdr commander maj major sgt sergeant adm admiral president vice
prime minister secretary chancellor governor gov senator sen rep representative
congressman congresswoman mayor judge justice chief ambassador king queen prince
princess sheikh imam rev reverend father pope bishop cardinal rabbi speaker leader
chairman chairwoman chair director officer inspector superintendent constable detective
deputy commissioner spokesman spokeswoman spokesperson attorney
coun councillor councilor ald alderman const cst cpl corporal supt insp det pte pvt brig
brigadier msgr fr hon s/sgt reeve warden
auditor-general attorney-general solicitor-general receiver-general governor-general
lieutenant-governor vice-president vice-chair co-chair vice-chief deputy-chief
president-elect premier-elect premier-designate mayor-elect governor-elect senator-elect
councillor-elect chief-elect prime-minister-designate""".split())

# Words that make a title another office: a deputy mayor, a former mayor or a vice-
# president is not "the mayor" nor "the president".
RANK_WORDS = frozenset({"deputy", "assistant", "associate", "vice", "former", "ex",
                        "lieutenant"})

# Legislators by their abbreviations, offices not names though capitalised: "the local
# MLA", "Liberal MP Ana Ruiz", "NDP MLA for Cole Harbour Ana Ruiz".
LEGISLATORS = frozenset({"mp", "mpp", "mla", "mna", "mha", "mep"})

# The portfolios of ministries and departments, which news names before a title ("Health
# and Wellness Minister Ana Ruiz") or before "Canada" ("Fisheries and Oceans Canada").
PORTFOLIOS = frozenset("""health environment statistics transport transportation parks
fisheries global public employment indigenous immigration infrastructure heritage justice
natural agriculture innovation finance elections veterans service crown housing education
labour labor energy mines mining training seniors families children tourism culture
defence defense revenue economy economic trade forests forestry lands climate municipal
community social advanced treasury industry women sport mental addictions wellness""".split())
