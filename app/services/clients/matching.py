"""How client text is compared: the folded form the search index holds, digits,
name keys for near duplicates, the FTS5 expression for what the user typed.
"""

from __future__ import annotations

import re

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_NOT_DIGIT_RE = re.compile(r"\D")  # compiled once: an import's base keys call it 500,000 times
_LEGAL_FORMS = {"ооо", "оао", "зао", "пао", "ао", "ип", "нко", "ано", "чоп", "гуп", "муп",
                "фгуп", "тоо", "llc", "ltd", "inc", "гк", "тд", "пк", "нпо", "нпп"}


def fold(value: str) -> str:
    """Lower case with ё folded into е — the form the search index holds."""
    return value.lower().replace("ё", "е")


def digits(value: str) -> str:
    return _NOT_DIGIT_RE.sub("", value) if value else ""


MIN_SEARCH_CHARS = 2  # one letter matches half the base and tells nothing
MIN_SEARCH_DIGITS = 4  # nor do 2–3 digits: "916" starts a third of all phone numbers
BROAD_MATCH = 25_000  # matches above which the list walks the name index instead


def fts_match_expression(text_: str, min_chars: int = MIN_SEARCH_CHARS) -> str | None:
    """The FTS5 MATCH expression for what the user typed (every word as a prefix).

    None (no text filter) for nothing, a single character, or fewer than four digits only.
    """
    terms = _WORD_RE.findall(fold(text_).replace("_", " "))
    if sum(len(term) for term in terms) < max(min_chars, 1):
        return None
    if min_chars > 1 and terms and all(term.isdigit() for term in terms) and (
            sum(len(term) for term in terms) < MIN_SEARCH_DIGITS):
        return None
    parts = []
    for term in terms[:12]:
        if term.isdigit() and len(term) >= 5 and term[0] in "78":
            # "8916…" and "7916…" are both how a Russian number starts; the index
            # also holds the 10-digit national number
            parts.append(f'("{term}"* OR "{term[1:]}"*)')
        else:
            parts.append(f'"{term}"*')
    return " AND ".join(parts) if parts else None


# what an import does with a row like an existing client by name, phone or e-mail but not
# by ИНН (issue 17, finding 10): skip and list it, update that client, or import it anyway
NEAR_DUPLICATE_CHOICES = ("skip", "update", "import")

FRAGMENT_CHARS = 3  # the shortest fragment the name index (trigram) finds


def fragment_match_expression(text_: str) -> str | None:
    """The MATCH expression of `fts_client_names` for what the user typed: every word a
    fragment anywhere in the name. None when a word is too short for the trigram index or
    all digits (codes and phones are the prefix index's), so the prefix search alone
    answers."""
    terms = _WORD_RE.findall(fold(text_).replace("_", " "))
    if not terms or any(len(t) < FRAGMENT_CHARS or t.isdigit() for t in terms):
        return None
    return " AND ".join(f'"{term}"' for term in terms[:12])


def name_key(name: str) -> str:
    """A client name without legal form, quotes and punctuation, for near-duplicate checks."""
    words = [w for w in _WORD_RE.findall(fold(name)) if w not in _LEGAL_FORMS]
    return " ".join(words)


PHONE_KEY_DIGITS = 10  # the national number: «+7 916…», «8 916…» and «916…» are one phone


def phone_key(phone: str) -> str:
    """A phone's last ten digits, for near-duplicate checks; "" for a shorter number (or
    none), which is like no other."""
    d = digits(phone)
    return d[-PHONE_KEY_DIGITS:] if len(d) >= PHONE_KEY_DIGITS else ""


def email_key(email: str) -> str:
    """An e-mail in lower case, for near-duplicate checks; "" for what is not one."""
    e = (email or "").strip().lower()
    return e if "@" in e else ""
