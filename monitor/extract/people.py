"""Person facts: cast (with role), creator, showrunner, executive producer.

Names are found first; runs of names joined by commas/"and" form lists; the
text right before or after a name or list decides what the list says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from monitor.extract import patterns as P
from monitor.extract.context import Context, Found
from monitor.extract.names import (
    LOW,
    NAME,
    NAME_OR_SURNAME,
    NOT_NAME_WORDS,
    UP,
    NameBook,
    before_label,
    fold,
)
from monitor.extract.normalize import role as norm_role
from monitor.models import Fact, FactKind


def _alt(items: tuple[str, ...]) -> str:
    return "|".join(f"(?:{i})" for i in items)


_CANDIDATE = re.compile(rf"(?<![\w'])(?:{NAME_OR_SURNAME}|He|She)(?![\w])")
_PAREN = r"(?:\s*\([^()]{0,80}\))?"
_APPOSITIVE = r"(?:,\s+(?:(?!\b(?:is|are|was|were|will|has|have)\b)[^,;()]){1,80}?,)?"
_LINK = re.compile(
    rf"^{_PAREN}(?:\s+as\s+[^,;()]{{1,60}}?)?(?:\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+"
    rf"|,?\s+(?:as\s+well\s+as|plus|along\s+with)\s+)$",
    re.IGNORECASE,
)
_AS_ROLE = re.compile(rf"^{_PAREN}\s+(?:as|As|AS)\s+(?P<role>[^;()!?]{{1,100}})")
_COMMA_AS_ROLE = re.compile(rf"^{_PAREN},\s+as\s+(?P<role>[^;()!?,]{{1,60}}),")
_PLAYED_BY = re.compile(
    rf"(?:(?<=\s)|^)(?:the\s+)?(?P<role>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,2}}),?\s+"
    rf"(?i:{_alt(P.ROLE_BEFORE_NAME)})\s+(?P<name>{NAME})"
)
_ROLE_VERB = re.compile(
    rf"^{_PAREN}{_APPOSITIVE},?\s+(?:who\s+)?(?:(?:has|have)\s+)?(?:also\s+|now\s+|officially\s+)?"
    rf"(?i:{_alt(P.CAST_ROLE_VERBS)})\s+(?P<role>[^;()!?]{{1,100}})"
)
# A lowercase word between "is" and a role that is not an agency's ("is repped by Gersh").
_NOT_VERB = r"(?!(?:by|repped|represented|managed|signed|with)\b)"
_IS_ROLE = re.compile(
    rf"^{_PAREN}\s+(?i:is|was|will\s+be)\s+(?:the\s+|an?\s+)?(?:{_NOT_VERB}[a-z]+\s+){{0,3}}?"
    rf"(?P<owner>(?:[A-Z][\w-]*\s+){{0,2}}[A-Z][\w-]*'s\s+)?(?P<role>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,2}})(?=\s*(?:[,.;]|$|\s+who\b|\s+and\b))"
)
# An agency owning a character ("is the KGB's Lyudmilla Raskova"), not another show.
_AGENCY = re.compile(r"[A-Z]{2,6}'s\s")
_ROLE_PAREN = re.compile(
    r"(?:(?<=\s)|^)(?:the\s+|veteran\s+|young\s+)?(?P<role>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    r"\s*\((?P<name>[^()]{3,60})\)"
)
_POSSESSIVE_ROLE = re.compile(r"^'s?\s+(?P<role>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
_FULL_NAME = re.compile(NAME)
_ALONGSIDE = re.compile(r"(?:alongside|along\s+with|together\s+with|as\s+well\s+as)\s*$", re.I)
_AND = re.compile(r"\band\b|&")
_PAREN_RE = re.compile(r"\([^()]{0,120}\)")
_OTHER_WORK = re.compile(rf"(\b(?:{_alt(P.OTHER_WORK_CUES)})\s)[^,;.()]{{1,60}}", re.IGNORECASE)
_OTHER_WORK_RARE = re.compile(
    rf"(\b(?:{_alt(P.OTHER_WORK_RARE_CUES)})\s)[^,;.()]{{1,60}}", re.IGNORECASE
)
_PAREN_ROLE = re.compile(rf"^\s*\((?P<role>[{UP}][{LOW}'-]+)\)")
_PAREN_TITLE = re.compile(
    rf"^\s*\((?:the\s+)?(?P<role>[{UP}][{LOW}'-]+(?:\s+[{UP}][{LOW}'-]+){{1,2}})\)"
)
_PAREN_AS = re.compile(r"^\s*\((?:as|who\s+plays|playing|plays)\s+(?P<role>[^()]{1,40})\)")
_QUOTED_ROLE = re.compile(r"^[\"']([^\"]{1,50}?)[\"']")
_NAMED = re.compile(r"\b(?:named|called)\s+(?P<n>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
_CAP_RUN = re.compile(r"^[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}")
_ROLE_STOP = re.compile(_alt(P.ROLE_STOPS), re.IGNORECASE)
_EMPTY_ROLE = re.compile(rf"^(?:{_alt(P.EMPTY_ROLES)})$", re.IGNORECASE)
_OTHER_ROLE = re.compile(_alt(P.OTHER_ROLE_CUES), re.IGNORECASE)
_NOT_CAST_ROLE = re.compile(rf"^(?:{_alt(P.NOT_CAST_ROLES)})$", re.IGNORECASE)
# A capitalised title right before a creator word: "For All Mankind co-creator Ronald D. Moore".
_OWNER = re.compile(r"([A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|the|and|for|all))*?)(?:'s?|[\"'])?\s+$")
_JOINED_BY = re.compile(r"\bjoined\s+by\s*$", re.IGNORECASE)
_CREW_WORDS = re.compile(r"\b(?:creat|co-?creat|produc|showrun|writ|direct)", re.IGNORECASE)
_CREATOR_WORD = re.compile(r"(?:co-?)?creators?\b", re.IGNORECASE)
# A verb form after an auxiliary: "the Cast Is Getting Ridiculous" names no one.
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|keeps?|gets?|got)\s+$", re.IGNORECASE)
_CREW_ROLES = [(re.compile(rf"^{k}$", re.IGNORECASE), v) for k, v in P.CREW_ROLES.items()]
# "Her character, Lyudmilla, runs ...": the previous sentence's person plays the role.
_PRONOUN_ROLE = re.compile(
    r"^(?:His|Her|Their)\s+(?:character|role)(?:,\s+|\s+is\s+)(?:named\s+|called\s+)?"
    r"(?P<role>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?=[,.;]|\s+(?:who|a|an|the)\b)"
)
# A relative clause open before a list ("A, who created it with") and closed after it.
_OPEN_CLAUSE = re.compile(r",\s+(?:who|which|whom)\b[^,;()]*$")
_CLAUSE_END = re.compile(rf"^{_PAREN}\s*,")
_HEDGE = re.compile(_alt(P.CAST_HEDGES), re.IGNORECASE)
_RESPECTIVELY = re.compile(r",?\s+respectively\b")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# A review's verdict on a performance: "is superb as Vera", "does a lot with little as
# Vera", "brings quiet menace to Vera" (lowercase words between, a name run ending it).
_CAP_ROLE = r"(?:the\s+)?(?P<role>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?=\s*(?:[,.;!]|$|\s+and\b))"
_VERDICT_ROLE = re.compile(
    rf"^{_PAREN}\s+(?:(?:is|was|does|did)\s+(?!(?:also\s+|best\s+|perhaps\s+|still\s+)?"
    r"(?:known|remembered|famous|recogni[sz]ed|billed|credited|seen|described|hailed|praised"
    r"|nominated|listed|named|referred)\b)(?:[a-z][\w'-]*\s+){1,5}?as"
    rf"|(?:brings|brought|lends|lent|gives|gave)\s+(?:[a-z][\w'-]*\s+){{1,4}}?to)\s+{_CAP_ROLE}"
)
_DESCRIBED = re.compile(r",\s+(?:a|an)\s+[a-z]")
_PLAYED_BY_ANY = re.compile(rf"\b(?:played|portrayed)\s+by\s+(?P<name>{NAME})")
_CAST_CUE = re.compile(r"\b(?:cast|stars?|starring|ensemble|join|plays?|roles?|line-?up)", re.I)


def _tail(items: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        rf"^{_PAREN}{_APPOSITIVE},?\s+(?:(?:who\s+)?(?:also\s+)?(?:serve|serves|are|will\s+serve)"
        rf"\s+(?:as\s+)?(?:the\s+)?(?:co-?)?(?:showrunners|creators)\s+and\s+)?(?:{_alt(items)})",
        re.IGNORECASE,
    )


def _lead(items: tuple[str, ...], crew: bool = True) -> re.Pattern[str]:
    # "Co-creators and showrunners A and B": a crew lead may join two titles.
    joined = r"|and\s+(?=(?:co-?)?(?:showrunners?|creators?)\b)" if crew else ""
    return re.compile(
        rf"(?:{_alt(items)})\s*[:,]?\s*(?:are\s+|is\s+|also\s+{joined}"
        r"|(?:co-?)?(?:showrunners?|creators?)\s+)*$",
        re.IGNORECASE,
    )


_CAST_TAIL = _tail(P.CAST_TAILS)
_CAST_LEAD = _lead(P.CAST_LEADS, crew=False)
_CAPTION = re.compile(rf"^{_PAREN}\s+{P.CAST_CAPTION_TAIL}", re.IGNORECASE)
_CREW = (
    (FactKind.CREATOR, _lead(P.CREATOR_LEADS), _tail(P.CREATOR_TAILS)),
    (FactKind.SHOWRUNNER, _lead(P.SHOWRUNNER_LEADS), _tail(P.SHOWRUNNER_TAILS)),
    (FactKind.EXECUTIVE_PRODUCER, _lead(P.EP_LEADS), _tail(P.EP_TAILS)),
)
_AFTER_CREATED_OTHER = re.compile(r"^\S*\s+created\s+(?:the\s+)?(?:original\s+)?\"?for all", re.I)


# Capitalised words that start no character name.
_NOT_ROLE = NOT_NAME_WORDS - {fold(w) for w in ("Chief", "Designer")} | {
    fold(w)
    for w in """Welsh British English Irish Scottish American Australian Emmy Oscar BAFTA
    Golden The A An So""".split()
}


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in a sentence, resolved to the article's full name."""

    name: str
    start: int
    end: int


def _trim(text: str, start: int) -> tuple[str, int, int] | None:
    """Drop leading/trailing non-name words of a candidate ("Showrunners Ben Nedivi")."""
    tokens = [(m.group(0), m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text)]
    while tokens and fold(tokens[0][0]) in NOT_NAME_WORDS:
        tokens.pop(0)
    owner = [i for i, (tok, _, _) in enumerate(tokens[:-1]) if tok.endswith(("'s", "s'"))]
    if owner and len(tokens) - owner[-1] - 1 >= 2:  # "Polite Society's Priya Kansara"
        tokens = tokens[owner[-1] + 1 :]
    elif owner:  # "Nia Okafor's Vera": the name is the owner
        tokens = tokens[: owner[-1] + 1]
    for i, (tok, _, _) in enumerate(tokens):
        if fold(tok) in NOT_NAME_WORDS:
            tokens = tokens[:i]
            break
    if not tokens:
        return None
    last, last_start, last_end = tokens[-1]
    if last.endswith("'s"):  # "Nia Okafor's Vera": the possessive stays in the text after
        tokens[-1] = (last[:-2], last_start, last_end - 2)
    return " ".join(t for t, _, _ in tokens), tokens[0][1], tokens[-1][2]


def _blank(m: re.Match[str]) -> str:
    """The cue of an other-work match kept, the title after it blanked out."""
    return m.group(1) + " " * (len(m.group(0)) - len(m.group(1)))


def _verb_form(text: str, name: str, start: int) -> bool:
    """Whether a capitalised run is a verb phrase of a Title Case headline ("Is Getting")."""
    first = name.split()[0]
    return first.endswith(("ing", "ed")) and bool(_AUX_BEFORE.search(text, 0, start))


def mentions(text: str, ctx: Context) -> list[Mention]:
    """The persons named in a sentence (pronouns resolved to the previous sentence's person).

    Names inside parentheses and after "known for"-style credits are other works, not people.
    """
    out: list[Mention] = []
    masked = _OTHER_WORK.sub(_blank, text)
    low = text.casefold()
    if any(word in low for word in P.OTHER_WORK_WORDS):
        masked = _OTHER_WORK_RARE.sub(_blank, masked)
    masked = _PAREN_RE.sub(lambda m: " " * len(m.group(0)), masked)
    for m in _CANDIDATE.finditer(masked):
        pronoun = m.group(0).removesuffix("'s")
        if pronoun in ("He", "She"):
            if ctx.last_person and m.start() == 0:
                out.append(Mention(ctx.last_person, m.start(), m.start() + len(pronoun)))
            continue
        trimmed = _trim(before_label(m.group(0), masked[m.end() : m.end() + 1]), m.start())
        if trimmed is None or _verb_form(masked, trimmed[0], trimmed[1]):
            continue
        name = ctx.names.resolve(trimmed[0])
        if name is not None:
            out.append(Mention(name, trimmed[1], trimmed[2]))
    return out


def chains(text: str, found: list[Mention]) -> list[list[Mention]]:
    """Runs of names joined by commas, "and", "&" (each may carry "(credit)" or "as role")."""
    out: list[list[Mention]] = []
    closed = False
    for m in found:
        link = text[out[-1][-1].end : m.start] if out else ""
        joins_with_and = bool(_AND.search(link))
        if out and _LINK.match(link) and not (closed and joins_with_and):
            out[-1].append(m)
            closed = closed or joins_with_and
        else:
            out.append([m])
            closed = False
    return out


def parse_role(raw: str) -> str | None:
    """The role a phrase names: a quoted or capitalised character name, else the worded role."""
    raw = raw.strip()
    quoted = _QUOTED_ROLE.match(raw)
    if quoted:
        raw = quoted.group(1)
    else:
        stop = _ROLE_STOP.search(raw)
        raw = raw[: stop.start()] if stop else raw
    named = _NAMED.search(raw)
    if named:
        return named.group("n")
    raw = re.sub(r"^(?:the|a|an)\s+(?:role\s+of\s+)?", "", raw.strip(), flags=re.I)
    raw = re.split(r"(?:'s|s')\s+", raw)[-1]
    tokens = raw.split()
    lower = [i for i, t in enumerate(tokens) if t[:1].islower()]
    if lower and lower[-1] < len(tokens) - 1 and tokens[lower[-1] + 1][:1].isupper():
        raw = " ".join(tokens[lower[-1] + 1 :])
    elif tokens and tokens[0][:1].isupper():
        cap = _CAP_RUN.match(raw)
        raw = cap.group(0) if cap else raw
    text = norm_role(raw)
    if not text or len(text.split()) > 6 or _EMPTY_ROLE.match(text):
        return None
    return text


def _worded_role(role: str, names: NameBook) -> bool:
    """Whether capitalised words name a post ("Chief Designer"), not a person or a title."""
    words = [fold(w) for w in role.split()]
    return words[0] not in _NOT_ROLE and words[-1] in P.ROLE_TITLE_WORDS and not names.resolve(role)


def _crew_kind(role_text: str) -> FactKind | None:
    for pattern, kind in _CREW_ROLES:
        if pattern.match(role_text):
            return FactKind(kind)
    return None


def _cast_role(
    text: str, m: Mention, sentence_has_cue: bool, names: NameBook
) -> tuple[bool, str | None]:
    """Whether the text right after a name casts the person, and the role it gives."""
    after = text[m.end :]
    if re.match(r"'(?:s|ll) [a-z]", after):  # "She's playing", not "Okafor's Vera"
        after = " is " + after.split(" ", 1)[1] if after.startswith("'s") else " will " + after[4:]
    verb = _ROLE_VERB.match(after)
    if verb:
        return True, parse_role(verb.group("role"))
    as_role = _AS_ROLE.match(after)
    if as_role and not _OTHER_ROLE.search(text[max(0, m.start - 30) : m.start]):
        role = parse_role(as_role.group("role"))
        if sentence_has_cue or m.start <= 2 or (role and (role[:1].isupper() or _crew_kind(role))):
            return True, role
    comma_as = _COMMA_AS_ROLE.match(after)
    role = parse_role(comma_as.group("role")) if comma_as else None
    if role and role[:1].isupper() and not _crew_kind(role):  # "X, as KGB watcher Y, gives"
        return True, role
    paren_role = _PAREN_ROLE.match(after)
    if paren_role and (sentence_has_cue or m.start <= 2):
        return True, paren_role.group("role")
    if paren_as := _PAREN_AS.match(after):  # "Adam Nagaitis (who plays Valya)"
        return True, parse_role(paren_as.group("role"))
    paren_title = _PAREN_TITLE.match(after)  # "(Chief Designer)": a title, not a name
    if paren_title and sentence_has_cue and _worded_role(paren_title.group("role"), names):
        return True, paren_title.group("role")
    possessive = _POSSESSIVE_ROLE.match(after)
    if possessive and fold(possessive.group("role").split()[0]) not in _NOT_ROLE:
        return True, parse_role(possessive.group("role"))
    verdict = _VERDICT_ROLE.match(after)
    if verdict and fold(verdict.group("role").split()[0]) not in _NOT_ROLE:
        as_role = re.search(r"\sas\s+(?:the\s+)?$", after[: verdict.start("role")])
        if as_role or not names.resolve(verdict.group("role")):  # "lends support to Nia Okafor"
            return True, parse_role(verdict.group("role"))
    is_role = _IS_ROLE.match(after)
    if (
        is_role
        and fold(is_role.group("role").split()[0]) not in _NOT_ROLE
        and (
            _AGENCY.match(is_role.group("owner") or "")
            or not names.resolve(is_role.group("role"))
            # "Nia Okafor is Vera Sokolova, a radio operator": a character described
            or (not is_role.group("owner") and _DESCRIBED.match(after, is_role.end()))
        )
    ):
        return True, parse_role(is_role.group("role"))
    return False, None


def find_people(text: str, ctx: Context) -> Iterator[Found]:
    """Cast and crew facts of one sentence, each with the position it stands at."""
    found = mentions(text, ctx)
    ctx.sentence_people = [m.name for m in found]
    if found and _HEDGE.search(text):
        return
    has_cue = bool(_CAST_CUE.search(text))
    producers = False
    for chain in chains(text, found):
        facts = list(_chain_facts(text, chain, has_cue, ctx))
        before = text[max(0, chain[0].start - 30) : chain[0].start]
        if producers and _ALONGSIDE.search(before):  # "produced by A and B, alongside C and D"
            facts += [
                Found(Fact(FactKind.EXECUTIVE_PRODUCER, person=m.name), chain[0].start)
                for m in chain
            ]
        producers = any(f.fact.kind == FactKind.EXECUTIVE_PRODUCER for f in facts)
        yield from facts
    pronoun_role = _PRONOUN_ROLE.match(text) if ctx.last_person else None
    if pronoun_role and ctx.last_person and not found:
        role = parse_role(pronoun_role.group("role"))
        if role and fold(role.split()[0]) not in _NOT_ROLE:
            yield Found(Fact(FactKind.CAST, person=ctx.last_person, role=role), 0)
    played = " by " in text and ("play" in text or "portray" in text or "to life" in text)
    for m in _PLAYED_BY.finditer(text) if played else ():  # "the Designer, played by Rhys Ifans"
        name = ctx.names.resolve(m.group("name"))
        role = parse_role(m.group("role"))
        if name and role and fold(role.split()[0]) not in _NOT_ROLE | {"He", "She"}:
            yield Found(Fact(FactKind.CAST, person=name, role=role), m.start("name"))
    for m in _PLAYED_BY_ANY.finditer(text) if played else ():  # "a younger man played by X"
        name = ctx.names.resolve(m.group("name"))
        if name:
            yield Found(Fact(FactKind.CAST, person=name), m.start("name"))
    pairs = [m for m in _ROLE_PAREN.finditer(text) if _FULL_NAME.fullmatch(m.group("name").strip())]
    # "Sasha (Solly McLeod), Lyudmilla Raskova (Anna Maxwell Martin)": one plain role
    # shows the sentence lists characters with their actors, not actors with credits.
    named = [len(m.group("role").split()) > 1 and ctx.names.resolve(m.group("role")) for m in pairs]
    characters = not all(named)
    for m, name_like in zip(pairs, named, strict=True):
        if name_like and not characters:
            continue  # "Alice Englert (Bad Sisters)": a person and a credit
        name = ctx.names.resolve(m.group("name"))
        role = parse_role(m.group("role"))
        if name and role and fold(role.split()[0]) not in _NOT_ROLE and fold(role) != fold(name):
            yield Found(Fact(FactKind.CAST, person=name, role=role), m.start("name"))


def _chain_facts(text: str, chain: list[Mention], has_cue: bool, ctx: Context) -> Iterator[Found]:
    names = ctx.names
    before = text[max(0, chain[0].start - 80) : chain[0].start]
    after = text[chain[-1].end :]
    if _OPEN_CLAUSE.search(before) and _CLAUSE_END.match(after):
        # "A and B, who co-created it with C, serve as showrunners": the verb is A and B's.
        after = ""
    in_cast_list = bool(_CAST_LEAD.search(before) or _CAST_TAIL.match(after))
    if not in_cast_list and chain[0].start <= 2 and _CAPTION.match(after):
        yield from _captioned(chain)
        return
    if in_cast_list and _JOINED_BY.search(before) and _CREW_WORDS.search(text):
        in_cast_list = False  # "Moore, who created it, is joined by Maril Davis": crew
    roles = _respective_roles(after, len(chain))
    for m in chain:
        cast, role = (
            _cast_role(text, m, has_cue or in_cast_list, names)
            if after or m is not chain[-1]
            else (False, None)
        )
        if roles:
            cast, role = True, roles[chain.index(m)]
        crew = _crew_kind(role) if role else None
        if role and crew is None and _NOT_CAST_ROLE.match(role):
            continue
        if crew is not None:
            yield Found(Fact(crew, person=m.name), m.start)
        elif cast or in_cast_list:
            yield Found(
                Fact(FactKind.CAST, person=m.name, role=role), m.start if role else chain[0].start
            )
    last_role = _AS_ROLE.match(after)
    crew_all = _crew_kind(parse_role(last_role.group("role")) or "") if last_role else None
    if crew_all is not None and len(chain) > 1:  # "with Wolpert and Nedivi as showrunners"
        for m in chain[:-1]:
            yield Found(Fact(crew_all, person=m.name), chain[0].start)
    leads = {kind: lead.search(before) for kind, lead, _ in _CREW}
    outer = min((m.start() for m in leads.values() if m), default=-1)
    first = _first_segment(text, chain)
    for kind, _, tail in _CREW:
        lead_at = leads[kind]
        if lead_at is not None and kind == FactKind.CREATOR and _other_owner(before, lead_at, ctx):
            continue
        if lead_at is not None:
            # "produced by showrunners A and B, C and D": the nearer lead covers A and B only.
            for m in _led(kind, lead_at, chain if lead_at.start() == outer else first, first):
                yield Found(Fact(kind, person=m.name), chain[0].start)
        elif tail.match(after) and not _AFTER_CREATED_OTHER.match(after):
            for m in chain:
                yield Found(Fact(kind, person=m.name), chain[0].start)


def _respective_roles(after: str, count: int) -> list[str | None] | None:
    """The roles of "A and B play X and Y, respectively", one per name, or None."""
    if count < 2 or "respectively" not in after:
        return None
    verb = _ROLE_VERB.match(after)
    end = _RESPECTIVELY.search(after)
    if verb is None or end is None or end.start() < verb.start("role"):
        return None
    parts = _LIST_SPLIT.split(after[verb.start("role") : end.start()].strip())
    if len(parts) != count:
        return None
    return [parse_role(part) for part in parts]


def _captioned(chain: list[Mention]) -> Iterator[Found]:
    """The people a picture caption names ("A and B in 'Star City'"): cast, roles unsaid."""
    return (Found(Fact(FactKind.CAST, person=m.name), chain[0].start) for m in chain)


def _led(
    kind: FactKind, lead: re.Match[str], members: list[Mention], first: list[Mention]
) -> list[Mention]:
    """The names a crew lead covers. A creator or showrunner word covers its own list
    only: one name after "co-creator", the names up to the first "and" after
    "creators" or "showrunners" (producers listed on after them are neither)."""
    if kind == FactKind.SHOWRUNNER:
        return [m for m in members if m in first]  # "showrunners A and B, C and D": A, B
    if kind != FactKind.CREATOR or not _CREATOR_WORD.match(lead.group(0)):
        return members
    if not re.match(r"(?:co-?)?creators\b", lead.group(0), re.IGNORECASE):
        return members[:1]
    return [m for m in members if m in first]


def _other_owner(before: str, lead: re.Match[str], ctx: Context) -> bool:
    """Whether a creator word belongs to another title ("Outlander creator", "For All
    Mankind's co-creators"): a capitalised title right before it that is not the show."""
    if not _CREATOR_WORD.match(lead.group(0)):
        return False
    owner = _OWNER.search(before, 0, lead.start())
    if owner is None:
        return False
    title = fold(owner.group(1))
    if all(word in P.NOT_OWNER_WORDS for word in title.split()):
        return False
    return not any(a in title for a in ctx.aliases)


def _first_segment(text: str, chain: list[Mention]) -> list[Mention]:
    """The names of a list up to the first one joined by "and"."""
    for i in range(1, len(chain)):
        if re.search(r"\band\b|&", text[chain[i - 1].end : chain[i].start]):
            return chain[: i + 1]
    return chain
