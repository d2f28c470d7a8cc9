"""Build briefing/data/background_terms.tsv: word counts of a corpus of meeting reports.

The distinctive-terms statistic (briefing/distinctive.py) sets each district against the
others with a prior from the whole input plus this background, so a word all meeting
reports share is expected, not distinctive. The background is counted from the real
pages of tests/corpus, tokenised and filtered as briefing counts a district's words.

Run: python bench/background.py   (rewrites the data file)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.distinctive import meeting_terms  # noqa: E402
from briefing.pipeline import build_briefing, read_documents  # noqa: E402
from briefing.summarizers.units import formulae  # noqa: E402
from briefing.template import load_template  # noqa: E402

OUT = ROOT / "briefing" / "data" / "background_terms.tsv"
MIN_COUNT = 2  # a word seen once says nothing about what reports usually say


def main() -> None:
    template = load_template(None)
    theme_terms = frozenset(t for terms in template["themes"].values() for t in terms)
    counts: Counter[str] = Counter()
    pages = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    for page in pages:
        briefing = build_briefing(read_documents([page]), template)
        for meeting in briefing.meetings:
            counts.update(meeting_terms(meeting, formulae(), frozenset(), theme_terms)[0])
    lines = [f"# Word counts of {len(pages)} real meeting reports (tests/corpus), by bench/background.py.",
             "# word<TAB>count; the background of briefing/distinctive.py's prior."]
    lines += [f"{word}\t{n}" for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= MIN_COUNT]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines) - 2} words")


if __name__ == "__main__":
    main()
