"""Character classes every cleaning rule shares."""

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width punctuation that counts as "Chinese context" for normalising neighbours.
_CJK_PUNCT = "，。、；：？！“”‘’（）《》【】…—·「」『』"
_HAN_RE = re.compile(f"[{HAN}]")
