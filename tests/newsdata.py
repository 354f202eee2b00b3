"""Short invented news paragraphs for the ingest and refresh tests (written for the tests;
real leaders and countries so the extractor finds facts), and helpers to lay them out
as files, pages and feeds."""

from __future__ import annotations

from pathlib import Path

ARTICLES: dict[str, tuple[str, str]] = {
    "xi-putin-talks": (
        "Xi and Putin hold talks in Moscow",
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday. "
        "The two leaders held talks on energy cooperation, and Xi invited Putin to visit China next year. "
        "Russia and China are close trading partners.",
    ),
    "macron-kyiv": (
        "Macron visits Kyiv",
        "French President Emmanuel Macron visited Kyiv on Monday. "
        "Macron met Ukrainian President Volodymyr Zelensky and praised Ukraine's resistance. "
        "France has supported Ukraine since Russia's war against Ukraine began.",
    ),
    "blinken-sanctions": (
        "Washington widens sanctions",
        "The United States sanctioned several Russian banks on Wednesday. "
        "US Secretary of State Antony Blinken criticized Russia and accused Moscow of war crimes. "
        "Russia rejected the accusations.",
    ),
    "kishida-modi": (
        "Kishida and Modi meet in New Delhi",
        "Japanese Prime Minister Fumio Kishida held talks with Indian Prime Minister Narendra Modi in New Delhi. "
        "Japan is part of the Quad, which also includes India, Australia and the United States.",
    ),
    "erdogan-stoltenberg": (
        "Erdogan meets Stoltenberg",
        "Turkish President Recep Tayyip Erdogan met NATO Secretary General Jens Stoltenberg in Ankara. "
        "Erdogan said Turkey supports Sweden's bid to join NATO.",
    ),
    "scholz-biden": (
        "Scholz in Washington",
        "German Chancellor Olaf Scholz visited Washington and met US President Joe Biden at the White House. "
        "Biden praised Germany's support for Ukraine.",
    ),
}

# A second version of an article: same id, different text and facts.
CHANGED = (
    "Xi and Putin hold talks in Moscow (updated)",
    "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday. "
    "Xi later travelled to Paris, where he met French President Emmanuel Macron.",
)

NO_TEXT_PAGE = (
    "<!doctype html><html><head><title>Empty</title><script>var x = 1;</script></head>"
    "<body><nav><a href='/'>Home</a></nav></body></html>"
)


def text_of(key: str) -> str:
    title, body = ARTICLES[key]
    return f"{title}\n\n{body}\n"


def write_folder(root: Path, keys: list[str] | None = None, suffix: str = ".txt") -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for key in keys or list(ARTICLES):
        path = root / f"{key}{suffix}"
        path.write_text(text_of(key), encoding="utf-8")
        paths.append(path)
    return paths


# Recombined sentences for larger corpora (SIGTERM and database-loss tests, bench).
LEADERS = [
    ("Chinese President", "Xi Jinping", "China", "Beijing"),
    ("Russian President", "Vladimir Putin", "Russia", "Moscow"),
    ("French President", "Emmanuel Macron", "France", "Paris"),
    ("German Chancellor", "Olaf Scholz", "Germany", "Berlin"),
    ("Japanese Prime Minister", "Fumio Kishida", "Japan", "Tokyo"),
    ("Indian Prime Minister", "Narendra Modi", "India", "New Delhi"),
    ("Turkish President", "Recep Tayyip Erdogan", "Turkey", "Ankara"),
    ("Ukrainian President", "Volodymyr Zelensky", "Ukraine", "Kyiv"),
    ("US President", "Joe Biden", "United States", "Washington"),
    ("Brazilian President", "Luiz Inacio Lula da Silva", "Brazil", "Brasilia"),
]


def generated(n: int, seed: int = 0) -> str:
    """Article number n: two leaders meeting, a visit, praise or criticism; varied by n."""
    a = LEADERS[(n + seed) % len(LEADERS)]
    b = LEADERS[(n * 7 + 3 + seed) % len(LEADERS)]
    if a == b:
        b = LEADERS[(n + 1 + seed) % len(LEADERS)]
    c = LEADERS[(n * 3 + 5 + seed) % len(LEADERS)]
    verb = ("praised", "criticized", "met")[n % 3]
    return (
        f"Report {n}\n\n"
        f"{a[0]} {a[1]} met {b[0]} {b[1]} in {b[3]} on day {n}. "
        f"{a[1]} later visited {c[3]}. "
        f"{b[2]} {verb} {c[2]} over trade, officials said in report {n}.\n"
    )


def write_generated(root: Path, count: int, seed: int = 0) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        sub = root / f"batch-{n // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"report-{n:05d}.txt").write_text(generated(n, seed), encoding="utf-8")
