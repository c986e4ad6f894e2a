"""iconv-lite 0.4.24's decoders for the charsets body-parser 1.19 lets a JSON body have (the `utf-` ones it knows).

raw-body 2.4.0 takes iconv.getDecoder(charset): the name is canonicalized (lower case, a trailing `:NNNN` and
every character but letters and digits dropped), and any codec iconv-lite knows by that name decodes, a leading
BOM stripped (its StripBOM wrapper, on the first text the decoder gives). Reachable from `utf-`: utf8 (Node's
UTF-8 decoding, bad bytes as U+FFFD), utf16le and utf16be (lone surrogates kept, an odd last byte dropped), utf16
(the byte order from a BOM or from where the zero bytes are), utf7 and utf7imap (iconv-lite's own decoders).
The result is a JavaScript string: a Python str whose surrogate pairs are joined and lone surrogates kept.
The body is decoded as one piece, as Node hands a body sent in one write to raw-body.
"""

import binascii
import re

_CANONICAL = re.compile(r":\d{4}\Z|[^0-9a-z]")
_CODECS = {"utf8": "utf8", "unicode11utf8": "utf8", "cesu8": "cesu8", "ucs2": "utf16le", "utf16le": "utf16le",
           "utf16be": "utf16be", "utf16": "utf16", "utf7": "utf7", "unicode11utf7": "utf7", "utf7imap": "utf7imap"}
_BOM = "\ufeff"
_RUN = re.compile(rb"[A-Za-z0-9/+]*")  # a base64 run of UTF-7
_RUN_IMAP = re.compile(rb"[A-Za-z0-9/+,]*")  # of UTF-7-IMAP, which writes `,` for `/`


def codec(charset):
    """The codec iconv-lite finds for a charset name (of those above), or None (raw-body's 'encoding unsupported')."""
    return _CODECS.get(_CANONICAL.sub("", charset.lower()))


def decode(data, name):
    """raw-body's `decoder.write(body) + (decoder.end() || '')` for one of the codecs above."""
    if name == "utf8":
        return _strip_bom(data.decode("utf-8", "replace"))
    if name in ("utf16le", "utf16be"):
        return _strip_bom(_utf16(data, name[-2:]))
    if name == "utf16":
        return _strip_bom(_utf16(data, _byte_order(data)))
    if name == "cesu8":
        raise ValueError("cesu8 takes no `utf-` name: body-parser never asks for it")
    text, tail = _utf7(data, imap=name == "utf7imap")
    return _joined(_strip_bom(text) + tail)


def _strip_bom(text):
    """iconv-lite's StripBOM: a U+FEFF that begins the decoder's first text is dropped."""
    return text[1:] if text.startswith(_BOM) else text


def _utf16(data, order):
    """Node's ucs2 decoding (and iconv-lite's utf16be swapped into it): lone surrogates kept, an odd last byte dropped."""
    return data[: len(data) - len(data) % 2].decode(f"utf-16-{order}", "surrogatepass")


def _byte_order(data):
    """iconv-lite's detectEncoding: a BOM decides; otherwise ASCII-looking pairs in the first 64 bytes; else le."""
    if data[:2] == b"\xfe\xff":
        return "be"
    if data[:2] == b"\xff\xfe" or len(data) < 2:
        return "le"
    sample = data[: min(len(data) - len(data) % 2, 64)]
    big = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0 and sample[i + 1] != 0)
    little = sum(1 for i in range(0, len(sample), 2) if sample[i] != 0 and sample[i + 1] == 0)
    return "be" if big > little else "le"


def _ascii(data):
    """iconv-lite's "ascii": bytes over 0x7F are U+FFFD."""
    return data.decode("ascii", "replace")


def _base64_utf16be(chars):
    """iconv.decode(Buffer.from(chars, 'base64'), 'utf16-be'): whole quads, then what a last 2 or 3 characters hold."""
    whole = len(chars) - len(chars) % 4
    data = binascii.a2b_base64(chars[:whole]) if whole else b""
    rest = len(chars) - whole
    if rest > 1:  # Node decodes a partial quad as far as it goes; one character alone holds no byte
        data += binascii.a2b_base64(chars[whole:] + b"=" * (4 - rest))[: rest - 1]
    return _strip_bom(_utf16(data, "be"))


def _utf7(data, imap):
    """iconv-lite's Utf7Decoder (or Utf7IMAPDecoder): (what write() gives, what end() adds). Direct text runs to
    the shift character; a base64 run ends at the first character outside base64, a '-' there is absorbed."""
    shift, run = (b"&", _RUN_IMAP) if imap else (b"+", _RUN)
    out, last = [], 0
    while (at := data.find(shift, last)) >= 0:
        out.append(_ascii(data[last:at]))
        begin = at + 1
        end = run.match(data, begin).end()
        if end == len(data):  # base64 to the end: write() decodes whole groups of 8 characters, end() the rest
            chars = _imap(data[begin:], imap)
            whole = len(chars) - len(chars) % 8
            tail = _base64_utf16be(chars[whole:]) if len(chars) > whole else ""
            return "".join(out) + _base64_utf16be(chars[:whole]), tail
        if end == begin and data[end] == ord("-"):  # "+-" is "+" ("&-" is "&")
            out.append(shift.decode())
        else:
            out.append(_base64_utf16be(_imap(data[begin:end], imap)))
        last = end + 1 if data[end] == ord("-") else end  # anything else is read again as direct text
    return "".join(out) + _ascii(data[last:]), ""


def _imap(chars, imap):
    """UTF-7-IMAP writes `,` where base64 has `/`."""
    return chars.replace(b",", b"/") if imap else chars


def _joined(text):
    """A JavaScript string's code units as a Python str: halves of a pair decoded apart joined again."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
