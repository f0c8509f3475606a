"""A training text as the core sees it (core/text/corpus.cpp): UTF-8 decoded into code points, each
mapped to its index in the model's vocabulary, fingerprinted, then split into a training head and a
held-out validation tail."""
import math
from dataclasses import dataclass

import torch

from charrnn_torch.errors import UsageError


@dataclass
class Text:
    ids: torch.Tensor  # int32 vocabulary index of every character
    fingerprint: str   # FNV-1a 64 of the code points, hex: "is this the text the run was on?"


def describe_character(ch):
    """As the core names a character in its messages: 'é' (U+00E9), or only the code for invisible ones."""
    cp = ord(ch)
    code = f"U+{cp:04X}"
    printable = cp > 0x20 and cp != 0x7F and not 0x80 <= cp < 0xA0 and not 0xD800 <= cp <= 0xDFFF
    return f"'{ch}' ({code})" if printable else code


def read_text(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise UsageError(f"cannot read '{path}': {e.strerror or e}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UsageError(f"'{path}': invalid UTF-8 at byte {e.start}: {e.reason}")
    if not text:
        raise UsageError(f"'{path}': the text is empty")
    return text


def fingerprint(text):
    """FNV-1a 64 over the code points, 16 hex digits, exactly as Corpus::from_utf8. A plain loop: about
    a second for 5 million characters."""
    h = 0xCBF29CE484222325
    for ch in text:
        h = ((h ^ ord(ch)) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def encode(text, vocab, path):
    """int32 indices of every character; UsageError naming the first character the model does not know."""
    code_points = torch.frombuffer(bytearray(text.encode("utf-32-le")), dtype=torch.int32)
    vocab_points = torch.tensor([ord(c) for c in vocab], dtype=torch.int32)
    sorted_points, order = torch.sort(vocab_points)
    at = torch.searchsorted(sorted_points, code_points).clamp_(max=len(vocab) - 1)
    known = sorted_points[at] == code_points
    if not bool(known.all()):
        unknown = (~known).nonzero()[:, 0]
        first = int(unknown[0])
        distinct = sorted({text[int(i)] for i in unknown[:10000]})
        listed = ", ".join(describe_character(c) for c in distinct[:5]) + (", …" if len(distinct) > 5 else "")
        raise UsageError(
            f"'{path}': the character {describe_character(text[first])} at position {first} is not in the model's "
            f"vocabulary ({len(unknown)} such characters in the text: {listed}). The model can only continue on text "
            f"made of its {len(vocab)} characters; start a new model (charrnn train) for a text with others")
    return order.to(torch.int32)[at]


def split(ids, val_frac):
    """(train head, validation tail), the core's rule: the last floor(n · val_frac) characters are held
    out, none if that is under 2. val_frac is the float32 value the core holds."""
    held_out = math.floor(len(ids) * val_frac)
    if held_out < 2:
        held_out = 0
    return ids[:len(ids) - held_out], ids[len(ids) - held_out:]


def load_text(path, vocab):
    text = read_text(path)
    return Text(encode(text, vocab, path), fingerprint(text))
