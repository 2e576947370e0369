#!/usr/bin/env bash
# Rebuilds the bundled fonts in fonts/ from Debian's packages. Not part of the build:
# the results are committed. Needs fonts-noto-core, fonts-noto-cjk, python3-fonttools.
#   fonts/NotoSans-Regular.ttf           Latin, Greek, Cyrillic (copied as is)
#   fonts/NotoSansCJKsc-Regular-subset.otf  Noto Sans CJK SC, cut down to GB 2312
#     (6,763 hanzi and its symbols) plus CJK and full-width punctuation, ~1/4 of the
#     full font's size. Characters outside it come from a system font (fontconfig).
set -euo pipefail
cd "$(dirname "$0")/.."
cp /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf fonts/
/usr/bin/python3 - <<'PY'
from fontTools.ttLib import TTCollection
from fontTools import subset

chars = set()
for hi in range(0xA1, 0xF8):          # every GB 2312 code point
    for lo in range(0xA1, 0xFF):
        try:
            chars.update(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
codes = {ord(c) for c in chars}
codes |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))      # Latin
codes |= set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040))  # punctuation, CJK symbols
codes |= set(range(0xFF00, 0xFFF0))                              # full-width forms

font = TTCollection("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").fonts[2]  # Sans CJK SC
options = subset.Options()
options.layout_features = ["*"]
options.name_IDs = ["*"]
options.notdef_outline = True
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=sorted(codes))
subsetter.subset(font)
font.save("fonts/NotoSansCJKsc-Regular-subset.otf")
print(len(codes), "code points")
PY
