"""A synthetic news corpus for benchmarks: seeded, repeatable, news-shaped.

Each article is a text file with front matter (title, publication, author, date) and
paragraphs of narrative, direct quotes introduced with the speaker's name and role in
apposition ("…,” said Amina Yusuf, a spokeswoman for the ministry.), pronoun and surname
follow-ups, quotes continued into the next paragraph, and reported claims ("said that",
"told Reuters that", "according to"). Distributions chosen to look like news:

- article length: log-normal, ~5 KB on average, with a long tail (1% over ~17 KB);
- speakers: Zipf over a pool of people, so a few are quoted in thousands of articles
  and most in one or two;
- words: Zipf over a vocabulary of common English words plus a long tail of rare ones,
  so the index's term dictionary grows with the corpus the way a real one does.

Article `n` depends only on (seed, n, version): `write_corpus` can regenerate any subset,
and `version=1` gives a changed article for incremental re-index runs.

    python bench/corpus.py 1000 /tmp/corpus1k   # write 1,000 articles
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import random
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache

MEAN_CHARS = 4600  # target; paragraphs overshoot it by ~500 characters
LENGTH_SIGMA = 0.6  # log-normal spread: median ~4.2 KB, mean ~5 KB
MAX_CHARS = 80_000
PEOPLE = 10_000
PER_FOLDER = 1000

COMMON = """
the government said country people security forces city officials minister police
president week year years state military attack attacks support plan talks war peace
election vote party leaders local national report health economy prices money workers
family families children women men community village province border region capital
army soldiers troops fighting ceasefire agreement deal crisis policy law court judge
rights protest protesters violence water food aid hospital school schools students
company companies market markets bank banks budget tax taxes jobs energy oil gas power
climate weather flood floods storm fire emergency response investigation evidence
security council united nations europe european union china india pakistan afghanistan
russia ukraine iran iraq syria israel gaza africa america american british french
germany london washington kabul herat kandahar taliban militia commander fighters
refugees camp camps night morning day days months time number numbers record high low
increase decrease growth public private service services system systems change changes
development project projects programme funding help need needs important important
problem problems question questions issue issues decision decisions meeting meetings
statement interview spokesman spokeswoman office offices department ministry agency
against after before during under over between through into about around without
new old first last next other many more most some several few major small large
long short early late strong weak clear difficult possible likely serious real
""".split()
PHRASES = [
    "the security situation", "a difficult decision", "the peace talks", "the local economy",
    "human rights", "the interim government", "the border crossing", "food prices",
    "the ceasefire agreement", "public health", "the election results", "climate change",
]
FIRST_MALE = """James Ismail Omar Ahmed Basir Harun Omid John Michael David Carlos José
Luis Pierre Jean Hans Lars Piotr Ivan Dmitri Kenji Hiroshi Wei Li Raj Arjun Vikram
Mohammed Ali Hassan Yusuf Samuel Daniel Thomas Peter Paul Mark Andrew Emmanuel Kwame
Chinedu Tariq Imran Farid Karim Mehmet Emre Stefan Marco Giovanni Antonio Rafael""".split()
FIRST_FEMALE = """Mary Anna Maria Sofia Elena Fatima Aisha Amina Leila Zainab Sarah Emma
Olivia Claire Marie Ingrid Greta Olga Natalia Yuki Mei Priya Anjali Sunita Nadia
Hannah Rachel Laura Julia Chloé Lucía Carmen Ngozi Amara Ayesha Malala Shirin Parisa
Hina Sana Zeynep Elif Kim Ann Grace Ruth Esther Rebecca Helen""".split()
SURNAMES = """Khan Nezami Ahmed Sobhani Lee Lopez Smith Najafzada Álvarez Sengupta Yusuf
Hassan Rahimi Karimi Haidari Popal Wardak Johnson Williams Brown Jones Garcia Miller
Davis Rodriguez Martinez Hernandez Wilson Anderson Taylor Thomas Moore Jackson Martin
Thompson White Harris Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker
Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker
Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey
Bell Gómez Kelly Howard Ward Cox Díaz Richardson Wood Watson Brooks Bennett Gray James
Reyes Cruz Hughes Price Myers Long Foster Sanders Ross Morales Powell Sullivan Russell
Ortiz Jenkins Gutiérrez Perry Butler Barnes Fisher Henderson Coleman Simmons Patterson
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Dubois Durand
Lefèbvre Moreau Laurent Simon Michel Rossi Russo Ferrari Esposito Bianchi Romano Novak
Kowalski Nowak Wiśniewski Ivanov Petrov Sidorov Tanaka Suzuki Takahashi Watanabe Wang
Zhang Liu Chen Yang Huang Zhao Wu Zhou Patel Sharma Singh Kumar Gupta Reddy Nair Das
Okafor Mensah Diallo Traoré Kamara Banda Mwangi Otieno Kiplagat Abubakar Bello Yilmaz
Kaya Demir Şahin Öztürk Aydın Haddad Khoury Nasser Mansour Saleh Farouk Qureshi Malik
Siddiqui Chaudhry Hussain Akhtar Rashid Baig Durrani Shinwari Achakzai Mohmand""".split()
ROLES = [
    "a spokesman for the ministry", "a spokeswoman for the ministry", "the provincial governor",
    "a militia commander", "an aid worker", "a local shopkeeper", "the interior minister",
    "a senior official", "a police chief", "a former ambassador", "a political analyst",
    "the mayor", "a professor of economics at the university", "a doctor at the hospital",
    "a teacher", "a farmer", "the company's chief executive", "a union leader",
    "an opposition lawmaker", "the foreign minister", "a security analyst", "a student",
    "a resident", "a lawyer for the families", "the head of the aid agency",
    "a diplomat", "a researcher", "an economist at the central bank", "a border guard",
]
PUBLICATIONS = ["The Daily Record", "The Morning Post", "Global News Wire", "The Observer",
                "Evening Standard", "The Herald", "City Times", "National Chronicle"]
OUTLETS = ["Reuters", "the BBC", "The New Arab", "Al Jazeera", "reporters", "journalists",
           "the Associated Press", "a news conference", "parliament"]
CUES_DIRECT = ["said", "said", "said", "added", "told reporters", "explained", "warned"]
CUES_CLAIM = ["said that", "said that", "says that", "warned that", "argued that",
              "insisted that", "claimed that", "noted that"]
SYLLABLES = """ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo
mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za zi zo
ban ber dor gan hal kar len mar nor par ran sel tan ver wen zar""".split()


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    pronoun: str
    role: str


@cache
def _world(seed: int) -> tuple[list[str], list[float], list[Person], list[float]]:
    """The vocabulary and people, with cumulative Zipf weights for sampling."""
    rng = random.Random(seed)
    rare = set()
    while len(rare) < 60_000:
        rare.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    tail = sorted(rare)
    rng.shuffle(tail)  # rank in the Zipf tail independent of spelling
    vocab = list(dict.fromkeys(COMMON)) + tail
    ranks = range(len(vocab))
    word_weights = list(itertools.accumulate(1 / (rank + 2.7) ** 1.05 for rank in ranks))
    combos = [(first, last, female) for female, firsts in ((False, FIRST_MALE),
              (True, FIRST_FEMALE)) for first in firsts for last in SURNAMES]
    people = []
    for first, last, female in rng.sample(combos, PEOPLE):
        role = rng.choice(ROLES)
        role = (role.replace("spokesman", "spokeswoman") if female
                else role.replace("spokeswoman", "spokesman"))
        people.append(Person(f"{first} {last}", last, "she" if female else "he", role))
    people_weights = list(itertools.accumulate(1 / (rank + 5) ** 1.1 for rank in range(PEOPLE)))
    return vocab, word_weights, people, people_weights


class _Writer:
    """One article's text, built paragraph by paragraph."""

    def __init__(self, seed: int, number: int, version: int) -> None:
        self.vocab, self.word_weights, people, people_weights = _world(seed)
        self.rng = random.Random(f"{seed}:{number}:{version}")
        count = 1 + min(7, int(self.rng.expovariate(0.6)))
        picked = self.rng.choices(people, cum_weights=people_weights, k=count)
        self.speakers = list(dict.fromkeys(picked))
        self.introduced: set[str] = set()
        self.last: Person | None = None

    def words(self, count: int) -> str:
        chosen = self.rng.choices(self.vocab, cum_weights=self.word_weights, k=count)
        if self.rng.random() < 0.2:
            chosen.insert(self.rng.randrange(len(chosen) + 1), self.rng.choice(PHRASES))
        return " ".join(chosen)

    def sentence(self, low: int = 8, high: int = 26) -> str:
        text = self.words(self.rng.randint(low, high))
        if self.rng.random() < 0.3:
            cut = text.find(" ", len(text) // 2)
            if cut > 0:
                text = text[:cut] + "," + text[cut:]
        return text[0].upper() + text[1:] + "."

    def quoted_words(self) -> str:
        lead = self.rng.choice(["We", "I", "This", "They", "It", "Our", "There"])
        return f"{lead} {self.words(self.rng.randint(6, 30))}"

    def marks(self) -> tuple[str, str]:
        return ("“", "”") if self.rng.random() < 0.75 else ('"', '"')

    def mention(self, person: Person) -> str:
        """Full name and role the first time; surname or pronoun after that."""
        if person.name not in self.introduced:
            self.introduced.add(person.name)
            return f"{person.name}, {person.role},"
        if person is self.last and self.rng.random() < 0.6:
            return person.pronoun
        return person.surname

    def narrative(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def direct(self) -> str:
        person = self.rng.choice(self.speakers)
        who = self.mention(person)
        o, c = self.marks()
        quote, cue = self.quoted_words(), self.rng.choice(CUES_DIRECT)
        shape = self.rng.random()
        if who in ("he", "she"):
            text = f"{o}{quote},{c} {who} {cue}."
        elif shape < 0.6:
            text = f"{o}{quote},{c} {cue} {who.rstrip(',')}."
        else:
            text = f"{who} {cue}: {o}{quote}.{c}"
        if self.rng.random() < 0.4:  # a second sentence of quote after the attribution
            text += f" {o}{self.quoted_words()}.{c}"
        self.last = person
        return text

    def continued(self) -> str:
        """A quote left open at the end of a paragraph, continued in the next one."""
        person = self.rng.choice(self.speakers)
        who = self.mention(person).rstrip(",")
        o, c = self.marks()
        self.last = person
        return (f"{who[0].upper() + who[1:]} said: {o}{self.quoted_words()}. "
                f"{self.sentence()}\n\n{o}{self.quoted_words()}.{c}")

    def claim(self) -> str:
        person = self.rng.choice(self.speakers)
        who = self.mention(person)
        clause = self.words(self.rng.randint(8, 24))
        shape = self.rng.random()
        self.last = person
        if shape < 0.5:
            cue = self.rng.choice(CUES_CLAIM)
            return f"{who[0].upper() + who[1:]} {cue} {clause}. {self.sentence()}"
        if shape < 0.75:
            outlet = self.rng.choice(OUTLETS)
            return f"{who[0].upper() + who[1:]} told {outlet} that {clause}."
        if who in ("he", "she"):
            who = person.surname
        return f"{clause[0].upper() + clause[1:]}, according to {who.rstrip(',')}."

    def article(self, number: int) -> str:
        target = min(MAX_CHARS, int(self.rng.lognormvariate(
            math.log(MEAN_CHARS) - LENGTH_SIGMA ** 2 / 2, LENGTH_SIGMA)))
        year = self.rng.randint(2010, 2025)
        head = (f"---\ntitle: {self.sentence(4, 10)[:-1]}\n"
                f"publication: {self.rng.choice(PUBLICATIONS)}\n"
                f"author: {self.rng.choice(FIRST_FEMALE + FIRST_MALE)} "
                f"{self.rng.choice(SURNAMES)}\n"
                f"date: {year}-{self.rng.randint(1, 12):02}-{self.rng.randint(1, 28):02}\n"
                f"url: https://news.example/{year}/{number}\n---\n")
        kinds = (self.narrative, self.direct, self.claim, self.continued)
        weights = (0.30, 0.38, 0.22, 0.10)
        paragraphs = [self.narrative()]
        size = len(head) + len(paragraphs[0])
        while size < target:
            paragraph = self.rng.choices(kinds, weights)[0]()
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        return head + "\n\n".join(paragraphs) + "\n"


def article(number: int, seed: int = 1, version: int = 0) -> str:
    """Article `number` of the corpus made with `seed`; `version` > 0 is a changed copy."""
    return _Writer(seed, number, version).article(number)


def article_path(root: str, number: int) -> str:
    return os.path.join(root, f"{number // PER_FOLDER:04}", f"{number:07}.txt")


def _write(job: tuple[str, Sequence[int], int, int]) -> int:
    root, numbers, seed, version = job
    written = 0
    for number in numbers:
        path = article_path(root, number)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = article(number, seed, version).encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        written += len(data)
    return written


def write_corpus(root: str, numbers: Iterable[int], *, seed: int = 1, version: int = 0,
                 jobs: int | None = None) -> int:
    """Write these articles under `root` (1,000 per folder); returns the bytes written."""
    numbers = list(numbers)
    step = 500
    batches = [(root, numbers[i:i + step], seed, version) for i in range(0, len(numbers), step)]
    if (jobs or os.cpu_count() or 1) == 1 or len(batches) == 1:
        return sum(map(_write, batches))
    with ProcessPoolExecutor(jobs) as pool:
        return sum(pool.map(_write, batches))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("root")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    size = write_corpus(args.root, range(args.count), seed=args.seed)
    print(f"{args.count} articles, {size / 1e6:.1f} MB in {args.root}", file=sys.stderr)


if __name__ == "__main__":
    main()
