"""Nationality words and the places they name, so that a search for "Pakistan" also
finds "Pakistani" and "Pakistanis".

No English stemmer does this (Porter and Snowball both leave "pakistani" alone, and a
rule such as "drop a final -i" would wrongly merge army/arm or party/part), so the
index adds the place as an extra word wherever a nationality word appears. Backends
use `place_for` at indexing time only: "Pakistan" then matches both forms, while a
search for "Pakistani" still means just that word.
"""

from __future__ import annotations

# Lower-case singular nationality word -> lower-case place. Words that are also common
# English words with another meaning (polish, welsh, dutch) are left out on purpose.
DEMONYMS: dict[str, str] = {
    "afghan": "afghanistan", "afghani": "afghanistan", "african": "africa",
    "albanian": "albania", "algerian": "algeria", "american": "america",
    "argentine": "argentina", "argentinian": "argentina", "armenian": "armenia",
    "asian": "asia", "australian": "australia", "austrian": "austria",
    "azerbaijani": "azerbaijan", "bahraini": "bahrain", "bangladeshi": "bangladesh",
    "belarusian": "belarus", "belgian": "belgium", "bosnian": "bosnia",
    "brazilian": "brazil", "british": "britain", "bulgarian": "bulgaria",
    "burmese": "burma", "cambodian": "cambodia", "canadian": "canada",
    "chilean": "chile", "chinese": "china", "colombian": "colombia",
    "croatian": "croatia", "cuban": "cuba", "czech": "czechia", "danish": "denmark",
    "egyptian": "egypt", "emirati": "emirates", "english": "england",
    "eritrean": "eritrea", "ethiopian": "ethiopia", "european": "europe",
    "filipino": "philippines", "finnish": "finland", "french": "france",
    "georgian": "georgia", "german": "germany", "greek": "greece",
    "haitian": "haiti", "hungarian": "hungary", "indian": "india",
    "indonesian": "indonesia", "iranian": "iran", "iraqi": "iraq", "irish": "ireland",
    "israeli": "israel", "italian": "italy", "japanese": "japan",
    "jordanian": "jordan", "kazakh": "kazakhstan", "kenyan": "kenya",
    "korean": "korea", "kuwaiti": "kuwait", "kyrgyz": "kyrgyzstan",
    "lebanese": "lebanon", "libyan": "libya", "malaysian": "malaysia",
    "malian": "mali", "mexican": "mexico", "moroccan": "morocco", "nepali": "nepal",
    "nepalese": "nepal", "nigerian": "nigeria", "norwegian": "norway",
    "omani": "oman", "pakistani": "pakistan", "palestinian": "palestine",
    "peruvian": "peru", "portuguese": "portugal", "qatari": "qatar",
    "romanian": "romania", "russian": "russia", "rwandan": "rwanda", "saudi": "saudi",
    "scottish": "scotland", "serbian": "serbia", "somali": "somalia",
    "spanish": "spain", "sudanese": "sudan", "swedish": "sweden", "swiss": "switzerland",
    "syrian": "syria", "taiwanese": "taiwan", "tajik": "tajikistan",
    "thai": "thailand", "tunisian": "tunisia", "turkish": "turkey",
    "turkmen": "turkmenistan", "ugandan": "uganda", "ukrainian": "ukraine",
    "uzbek": "uzbekistan", "venezuelan": "venezuela", "vietnamese": "vietnam",
    "yemeni": "yemen", "zimbabwean": "zimbabwe",
}


def place_for(word: str) -> str | None:
    """The place a lower-case nationality word (singular or plural) refers to."""
    place = DEMONYMS.get(word)
    if place is None and word.endswith("s"):
        place = DEMONYMS.get(word[:-1])
    if place is None and word.endswith("stani"):  # Kurdistani, Baluchistani, ...
        place = word[:-1]
    elif place is None and word.endswith("stanis"):
        place = word[:-2]
    return place
