"""Generate a corpus of realistic reports from the seeds, spread over the 16 districts.

Each generated report is a seed with its district renamed (in both scripts) and its
meeting numbers changed, so that reports stay distinct meetings, as a year of real
reports would be. Used by the speed benchmark; deterministic for a given size.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from briefing.cleaner import convert_script
from briefing.lexicon import chinese_numeral
from briefing.places import gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED_DISTRICTS = {"金山", "嘉定", "松江", "杨浦"}


def _rename(text: str, target: str) -> str:
    # A pinyin annotation inside the old name ("杨浦(pu)") is no reading of the new one.
    for source in SEED_DISTRICTS:
        text = re.sub(rf"({source[0]})\([a-z]+\)({source[1]})\([a-z]+\)", r"\1\2", text)
        text = re.sub(rf"({source[0]}(?:\([a-z]+\))?{source[1]})\([a-z]+\)", r"\1", text)
    for source in SEED_DISTRICTS:
        for script in ("zh-Hans", "zh-Hant"):
            text = text.replace(convert_script(source, script), convert_script(target, script))
    return text


def _renumber(text: str, rng: random.Random) -> str:
    """New meeting numbers, the same new number wherever the report repeats an old one."""
    numbers: dict[str, str] = {}

    def new(old: str, make: str) -> str:
        return numbers.setdefault(old, make)

    text = re.sub(r"第(\d+)次", lambda m: f"第{new(m.group(1), str(rng.randint(1, 400)))}次", text)
    return re.sub(r"第([一二三四五六七八九十]+)次全([體体])",
                  lambda m: f"第{new(m.group(1), chinese_numeral(rng.randint(1, 19)))}次全{m.group(2)}", text)


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p.read_text("utf-8") for p in SEEDS]
    shanghai = sorted((d for d in gazetteer().divisions if d.province == "上海市"), key=lambda d: d.adcode)
    paths = []
    for i in range(count):
        district = shanghai[i % len(shanghai)]
        text = _renumber(_rename(sources[i % len(sources)], district.short), rng)
        path = folder / f"{i:05d}_{district.short}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    print(f"wrote {len(generate(args.folder, args.count))} reports to {args.folder}")
