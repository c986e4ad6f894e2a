"""python -m fidelity.decoders: mockserver/npm/iconv.py against iconv-lite 0.4.24 itself, byte string by byte string.

Each charset body-parser 1.19.0 lets a JSON body have (utf-8, utf-16le, utf-16be, utf-16, utf-7, utf-7-imap) decodes
thousands of seeded random byte strings in Node, through iconv-lite's getDecoder as raw-body calls it (write, then
end), and in the mock's Python; the UTF-16 code units of every result are compared. Needs node and the engine
(`npm ci --prefix fidelity/engine`). Exit 1 if any differ.
"""

import argparse
import json
import random
import subprocess
import sys

from fidelity.__main__ import require_engine
from fidelity.libraries import MODULES
from mockserver.npm import iconv

CHARSETS = ("utf-8", "utf-16le", "utf-16be", "utf-16", "utf-7", "utf-7-imap")
_NODE = ("const iconv = require(process.argv[1] + '/iconv-lite');"
         "for (const line of require('fs').readFileSync(0, 'utf8').split('\\n')) { if (!line) continue;"
         " const [charset, hex] = JSON.parse(line); const d = iconv.getDecoder(charset);"
         " const s = d.write(Buffer.from(hex, 'hex')) + (d.end() || ''); const units = [];"
         " for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i)); console.log(JSON.stringify(units)) }")
# Bytes that matter to each decoder: UTF-8's lead and continuation bytes, surrogates' high bytes, BOMs, zeros
# (UTF-16's byte-order guess), and UTF-7's shift characters, base64 alphabet and terminators.
_BYTES = (0x00, 0x00, 0x41, 0x7A, 0xD8, 0xDC, 0xDF, 0xFE, 0xFF, 0x80, 0xBF, 0xC3, 0xC0, 0xED, 0xA0, 0xEF, 0xBB, 0xF0, 0x9F,
          0xF4, 0x90, 0x22)
_UTF7 = {"utf-7": b"+-/AZaz09=&,. \x80\xff\x00ABCDEFGH/+", "utf-7-imap": b"&-,/AZaz09=+. \x80\xffABCDEFGH,&"}


def inputs(rng, count):
    """(charset, bytes) pairs: count per charset, of lengths around the decoders' edges (16 and 64 bytes for UTF-16)."""
    pairs = []
    for charset in CHARSETS:
        for _ in range(count):
            size = rng.choice((0, 1, 2, 3, 5, 15, 16, 17, 40, 63, 64, 65, 130))
            if charset in _UTF7:
                data = bytes(rng.choice(_UTF7[charset]) for _ in range(size))
            elif rng.random() < 0.5:
                data = bytes(rng.randrange(256) for _ in range(size))
            else:
                data = bytes(rng.choice(_BYTES) for _ in range(size))
            pairs.append((charset, data))
    return pairs


def units(text):
    """A Python string's UTF-16 code units (a JavaScript string's charCodeAt)."""
    raw = text.encode("utf-16-le", "surrogatepass")
    return [raw[i] | raw[i + 1] << 8 for i in range(0, len(raw), 2)]


def main(argv=None):
    """Decode --count random byte strings per charset both ways; print the differences; exit 1 if any."""
    parser = argparse.ArgumentParser(prog="python -m fidelity.decoders", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1500, help="byte strings per charset (default 1500)")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    require_engine("iconv-lite")
    pairs = inputs(random.Random(args.seed), args.count)
    lines = "\n".join(json.dumps([charset, data.hex()]) for charset, data in pairs)
    node = subprocess.run(["node", "-e", _NODE, str(MODULES)], input=lines, capture_output=True, text=True,
                          timeout=300, check=True).stdout.split("\n")[:-1]
    differences = [(charset, data, theirs) for (charset, data), theirs in zip(pairs, node, strict=True)
                   if json.loads(theirs) != units(iconv.decode(data, iconv.codec(charset)))]
    print(f"iconv-lite  {len(pairs) - len(differences)} of {len(pairs)} byte strings decoded as iconv-lite 0.4.24 does")
    for charset, data, theirs in differences[:5]:
        print(f"  - {charset} {data.hex()}\n      node: {theirs}\n      mock: {units(iconv.decode(data, iconv.codec(charset)))}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
