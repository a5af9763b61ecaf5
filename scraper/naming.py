"""Operation names users can guess.

The docs' own API name wins where a page gives one (a CamelCase file name or
`:original_name:`, an "API name" line). Otherwise the name is a verb and a resource read
from the method and path, the way the official SDKs name calls: `GET .../servers/{id}` is
ShowServer, `GET .../servers` ListServers, `POST .../servers` CreateServer,
`GET .../servers/detail` ListServersDetails,
`POST .../servers/{id}/resize` ResizeServer, and an action body `{"os-start": ...}` on
`.../servers/action` BatchStartServers. Path words are lower case, so a name never splits
an acronym of the title; a page title is only the last resort, with its all-caps words
written as one word each ("ECSs" -> "Ecss") and its "(Discarded)" left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from doc2openapi.scraper.page import Page, Paragraph

VERSION = re.compile(r"^v\d+(?:\.\d+)*$", re.I)
CAMEL_FILE = re.compile(r"^[A-Z][A-Za-z0-9]+$")
API_NAME = re.compile(r"^\s*API\s+name\s*[:：]?\s+([A-Z][A-Za-z0-9]{2,})\s*$", re.I)
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
STATUS_WORDS = re.compile(
    r"\(\s*(deprecated|discarded|out-of-date|obsolete)\s*\)|\b(deprecated|discarded)\b", re.I
)
ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z])s?\b")
ARTICLES = frozenset({"a", "an", "the"})
ACTION_SEGMENTS = frozenset({"action", "actions"})
DETAIL_SEGMENTS = frozenset({"detail", "details"})
# Verbs that open an action path segment ("/resize", "/batch-resize", "/changeos"); the page
# title's own verb ("Changing ...") counts too.
VERBS = frozenset(
    """accept add apply approve associate attach batch bind cancel change check confirm
    copy count create decrypt delete describe detach disable disassociate enable encrypt
    execute expand export extend gen generate get import install list lock migrate move
    publish reboot rebuild register reinstall reject remove rename reset resize restart
    restore retire retry revert revoke run schedule search send set sign start stop
    subscribe switch sync trigger unbind uninstall unlock unregister unset unsubscribe
    update upgrade validate verify""".split()  # noqa: SIM905
)
ITEM_VERBS = {"get": "Show", "head": "Check", "put": "Update", "patch": "Update"}
ITEM_VERBS |= {"delete": "Delete", "post": "Create", "options": "Describe"}
COLLECTION_VERBS = {"get": "List", "head": "Check", "put": "Update", "patch": "Update"}
COLLECTION_VERBS |= {"delete": "Delete", "post": "Create", "options": "Describe"}
# What follows a verb inside one word when the word is not "verb + noun" ("counters").
SUFFIXES = frozenset({"s", "es", "ed", "er", "ers", "ing", "ings", "ion", "ions", "ment", "able"})
# A gerund whose stem lost an "e" ("creating" -> "creat"): the endings that take it back.
E_ENDINGS: tuple[str, ...] = ("at", "et", "iz", "yz", "ur", "bl", "pl", "ang", "dg", "rc", "nc")
E_ENDINGS += ("ut", "id", "ir", "ov", "os", "as", "ys", "ns", "rs", "uc", "av", "iv", "ag")


@dataclass(frozen=True)
class Segment:
    """A literal path segment as words, and whether an `{id}` follows it (an item)."""

    words: tuple[str, ...]
    item: bool


def words_of(text: str) -> list[str]:
    """Lower-case words of a path segment, key or title ("os-getConsoleOutput")."""
    return [w.lower() for w in _WORDS.findall(text)]


def cap(words: list[str] | tuple[str, ...]) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


def singular(word: str) -> str:
    """English singular of a path word, for an item of a collection ("policies")."""
    low = word.lower()
    if low.endswith(("ss", "us", "is")) or len(low) < 3:
        return word
    if low.endswith("ies"):
        return word[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "uses")):
        return word[:-2]
    if low.endswith("s"):
        return word[:-1]
    return word


def _plural(word: str) -> bool:
    return singular(word) != word


def verb_of(gerund: str) -> str:
    """ "Creating" -> "create", "Querying" -> "query", "Stopping" -> "stop"."""
    low = gerund.lower()
    if not low.endswith("ing") or len(low) < 6:
        return low
    stem = low[:-3]
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" and stem != "add":
        return stem[:-1]
    if stem.endswith(E_ENDINGS) and not stem.endswith(("ain", "ect", "ert")):
        return stem + "e"
    return stem


def doc_name(page: Page) -> str | None:
    """The name the docs give the API: a CamelCase file name, else an "API name" line."""
    for name in (page.metadata.get("original_name", ""), page.source):
        stem = name.replace("\\", "/").rsplit("/", 1)[-1].split(".", 1)[0]
        if CAMEL_FILE.match(stem):
            return stem
    for section in page.sections[:4]:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                found = API_NAME.match(block.body.text)
                if found is not None:
                    return found.group(1)
    return None


def title_name(title: str) -> str:
    """A name from a page title: its words capitalised, acronyms as one word, no status."""
    title = STATUS_WORDS.sub(" ", title)
    words = [w for w in re.findall(r"[A-Za-z0-9]+", title) if w.lower() not in ARTICLES]
    if words and words[0].lower().endswith("ing"):
        words[0] = verb_of(words[0])
    name = cap([w.lower() if w.isupper() or w[:-1].isupper() else w for w in words])
    return ("N" + name) if name[:1].isdigit() else name


def acronyms_of(title: str) -> frozenset[str]:
    """The all-caps words of a title, lower case ("IKE", "VPNs" -> "ike", "vpn")."""
    return frozenset(a.lower() for a in ACRONYM.findall(title))


def _split_acronym(word: str, acronyms: frozenset[str]) -> list[str]:
    """A path word glued to an acronym of the title, told apart: "ikepolicies" under
    "Creating an IKE Policy" is "ike policies", so the name keeps "IKE" whole."""
    for acronym in sorted(acronyms, key=len, reverse=True):
        if word.startswith(acronym) and len(word) - len(acronym) >= 3:
            return [acronym, word[len(acronym) :]]
    return [word]


def segments(path: str, acronyms: frozenset[str] = frozenset()) -> tuple[list[Segment], bool]:
    """The literal segments of a path (versions left out) and whether it ends in `{id}`."""
    raw = [s for s in path.strip("/").split("/") if s]
    found: list[Segment] = []
    for i, seg in enumerate(raw):
        if "{" in seg or VERSION.match(seg):
            continue
        words = [part for w in words_of(seg) for part in _split_acronym(w, acronyms)]
        if len(words) > 1 and words[0] == "os":  # OpenStack's extension prefix: os-interface
            words = words[1:]
        if words:
            nxt = raw[i + 1] if i + 1 < len(raw) else ""
            found.append(Segment(tuple(words), nxt.startswith("{")))
    return found, bool(raw) and raw[-1].startswith("{")


def _resource(segs: list[Segment], item: bool) -> str:
    """The resource a path names: its last noun segment, after its parent item if any."""
    nouns = [s for s in segs if not set(s.words) <= ACTION_SEGMENTS]
    if not nouns:
        return ""
    own = list(nouns[-1].words)
    if item:
        own[-1] = singular(own[-1])
    parent: list[str] = []
    if len(nouns) > 1 and nouns[-2].item:
        parent = list(nouns[-2].words)
        parent[-1] = singular(parent[-1])
        if own[: len(parent)] == parent:  # /servers/{id}/server-tags: one "server"
            parent = []
    return cap(parent + own)


def _verb_segment(seg: Segment, title_verb: str) -> tuple[str, list[str]] | None:
    """("Resize", []) for "/resize", ("BatchResize", []) for "/batch-resize",
    ("Change", ["os"]) for "/changeos"; None when the segment is a noun."""
    first = seg.words[0]
    verbs = sorted(VERBS | ({title_verb} if len(title_verb) > 2 else set()), key=len)
    for verb in reversed(verbs):
        glued = first[len(verb) :]
        if first == verb or (
            first.startswith(verb) and len(verb) >= 5 and len(glued) >= 2 and glued not in SUFFIXES
        ):
            rest = ([glued] if glued else []) + list(seg.words[1:])
            if verb == "batch" and rest:
                return "Batch" + cap([rest[0]]), rest[1:]
            return cap([verb]), rest
    return None


def _title_verb(title: str) -> str:
    """The verb a title starts with, which names actions and glued verbs ("Batch Adding
    Tags": the verb is the word after "Batch")."""
    title_words = words_of(STATUS_WORDS.sub(" ", title))
    if title_words[:1] == ["batch"]:
        title_words = title_words[1:]
    return verb_of(title_words[0]) if title_words else ""


def _verb_path_name(segs: list[Segment], title_verb: str) -> str | None:
    """A write whose last segment is a verb (/servers/{id}/resize -> ResizeServer); None
    when that segment is a noun."""
    found = _verb_segment(segs[-1], title_verb)
    if found is None:
        return None
    verb, rest = found
    parent = segs[:-1]
    item = bool(parent) and parent[-1].item
    if rest and not item:  # /kms/create-key: the segment names its object
        return verb + cap(rest)
    return verb + _resource(parent, item) + cap(rest)


def _resource_name(method: str, segs: list[Segment], ends_with_id: bool) -> str:
    """The method's verb for a resource path: details, an item, or a collection."""
    last = segs[-1]
    if method == "get" and set(last.words) <= DETAIL_SEGMENTS and not ends_with_id:
        return "List" + _resource(segs[:-1], False) + "Details"
    if ends_with_id:
        return ITEM_VERBS.get(method, cap([method])) + _resource(segs, True)
    verb = COLLECTION_VERBS.get(method, cap([method]))
    if method == "get" and not _plural(last.words[-1]):
        verb = "Show"  # a single thing: /servers/{id}/metadata-options, /quotas
    return verb + _resource(segs, method == "post")  # one is created: CreateServer


def derived_name(method: str, path: str, title: str = "", action: str | None = None) -> str:
    """Verb + resource from the method and path, SDK style; the title when the path has
    no words."""
    method = method.lower()
    segs, ends_with_id = segments(path, acronyms_of(title))
    if not segs:
        return title_name(title) or cap([method])
    title_verb = _title_verb(title)
    if method == "post" and set(segs[-1].words) <= ACTION_SEGMENTS and not ends_with_id:
        return _action_name(segs[:-1], action, title_verb)
    if method in ("post", "put", "patch") and len(segs) > 1:
        named = _verb_path_name(segs, title_verb)
        if named is not None:
            return named
    return _resource_name(method, segs, ends_with_id)


def _action_name(segs: list[Segment], action: str | None, title_verb: str) -> str:
    """An action on `.../action`: the body's key is the verb (os-start -> Start), on an item
    (StartServer) or on the collection, in a batch (BatchStartServers)."""
    item = bool(segs) and segs[-1].item
    resource = _resource(segs, item)
    words = words_of(action or "")
    if words and words[0] == "os" and len(words) > 1:
        words = words[1:]
    if not words or set(words) <= ACTION_SEGMENTS:  # {"action": "create"}: the title says
        words = [title_verb] if title_verb else ["update"]
    name = cap(words[:1]) + resource + cap(words[1:])
    return name if item or not resource else "Batch" + name


def whole_acronyms(name: str, acronyms: frozenset[str]) -> str:
    """A given name whose capitals split an acronym of the title ("ListAttachableObSs"
    for "OBS", which reads list_attachable_ob_ss) with the acronym as one word: ...Obss."""
    humps = re.findall(r"[A-Z]+[a-z0-9]*|[a-z0-9]+", name)
    if "".join(humps) != name:
        return name
    out: list[str] = []
    i = 0
    while i < len(humps):
        for j in range(len(humps), i, -1):
            text = "".join(humps[i:j]).lower()
            plural_caps = j > i + 1 or re.fullmatch(r"[A-Z]{2,}s", humps[i]) is not None
            if plural_caps and (text.removesuffix("s") in acronyms or text in acronyms):
                out.append(text.capitalize())
                i = j
                break
        else:
            out.append(humps[i])
            i += 1
    return "".join(out)


def operation_names(
    page: Page, endpoints: list[tuple[str, str]], action: str | None = None
) -> list[str]:
    """One name per (method, path) of a page: the docs' name for the first, if it has one."""
    given = doc_name(page)
    if given:
        given = whole_acronyms(given, acronyms_of(page.title))
    names = [derived_name(m, p, page.title, action) for m, p in endpoints]
    if given and names:
        names[0] = given
    return names
