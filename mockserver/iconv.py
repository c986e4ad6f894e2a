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
_B64 = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+")


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
    """iconv-lite's Utf7Decoder (or Utf7IMAPDecoder): (what write() gives, what end() adds)."""
    start, alphabet = (b"&", _B64 | {ord(",")}) if imap else (b"+", _B64)
    out, last, in_base64, i = [], 0, False, 0
    while i < len(data):
        byte = data[i]
        if not in_base64:
            if byte == start[0]:
                out.append(_ascii(data[last:i]))
                last, in_base64 = i + 1, True
        elif byte not in alphabet:  # base64 ended
            if i == last and byte == ord("-"):  # "+-" is "+" ("&-" is "&")
                out.append(start.decode())
            else:
                out.append(_base64_utf16be(_imap(data[last:i], imap)))
            if byte != ord("-"):  # a minus is absorbed after base64; anything else is read again as direct text
                i -= 1
            last, in_base64 = i + 1, False
        i += 1
    if not in_base64:
        return "".join(out) + _ascii(data[last:]), ""
    chars = _imap(data[last:], imap)
    whole = len(chars) - len(chars) % 8  # write() decodes whole groups of 8 characters, end() the rest
    tail = _base64_utf16be(chars[whole:]) if len(chars) > whole else ""
    return "".join(out) + _base64_utf16be(chars[:whole]), tail


def _imap(chars, imap):
    """UTF-7-IMAP writes `,` where base64 has `/`."""
    return chars.replace(b",", b"/") if imap else chars


def _joined(text):
    """A JavaScript string's code units as a Python str: halves of a pair decoded apart joined again."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
