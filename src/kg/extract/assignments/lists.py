"""Per-agency lists anywhere in the body: duties numbered per agency outside an organisation section.

Government resolutions, directives and dispatches hand out their duties in their "NHIỆM VỤ, GIẢI PHÁP"
part, item by item: "a) Bộ Tài chính tiếp tục xuất cấp ...", "b) Bộ Công Thương:" with its own items, "2.
Các tỉnh, thành phố:". A list whose items are mostly addressed to agencies (their heading names agencies,
alone or before a task verb) is such a list; each addressed item is read as an organisation sub-section
(kg.extract.assignments.sections): its agencies lead it and every item under it. An intro paragraph that
names agencies and ends in ":" ("Ủy ban nhân dân các tỉnh, thành phố:") addresses the items after it.

A lone sentence that opens with agencies in a list of aims ("Các sở, ban, ngành ... tổ chức quán triệt ...",
NOTES.md G8) is no per-agency list: most of its siblings address no one.
"""

from __future__ import annotations

from kg.extract.assignments.addressees import addressees
from kg.extract.assignments.sections import addressed_units, child_units
from kg.extract.assignments.subjects import is_background
from kg.extract.assignments.units import Unit
from kg.lexicon.gazetteer import AgencyMention
from kg.normalize import Text
from kg.segment.outline import Node, Outline

# A list is per-agency when at least this share of its items is addressed (and two of them at least).
_ADDRESSED_SHARE = 0.5


def list_units(
    outline: Outline, text: Text, province: str | None, skip: list[tuple[int, int]]
) -> tuple[list[Unit], list[tuple[int, int]]]:
    """Units of every per-agency list outside the spans ``skip`` (organisation sections), and the spans of
    the items read (their other readings are dropped)."""
    units: list[Unit] = []
    spans: list[tuple[int, int]] = []
    if outline.root is not None:
        _walk(outline.root, text, province, skip, units, spans)
    return units, spans


def _walk(
    root: Node,
    text: Text,
    province: str | None,
    skip: list[tuple[int, int]],
    units: list[Unit],
    spans: list[tuple[int, int]],
) -> None:
    """Read the per-agency lists under ``root`` in document order. A stack, not recursion, since how deep
    the outline nests is up to the text: each entry is a node to walk, or (``addressed``) an item whose
    heading addresses agencies, read when its turn in document order comes."""
    todo: list[tuple[Node, bool]] = [(root, False)]
    while todo:
        node, addressed = todo.pop()
        if addressed:
            units.extend(child_units(node, text, province))
            spans.append((node.start, node.end))
        elif not any(a <= node.start < b for a, b in skip):
            todo.extend(reversed(_read_node(node, text, province, units, spans)))


def _read_node(
    node: Node, text: Text, province: str | None, units: list[Unit], spans: list[tuple[int, int]]
) -> list[tuple[Node, bool]]:
    """Read the items an intro paragraph of ``node`` addresses; else its children in order, each marked
    as addressed by its heading or left to walk."""
    intro = _intro(node, text, province)
    if intro and node.children:
        for child in node.children:
            units.extend(addressed_units(child, text, intro, [], province))
            spans.append((child.start, child.end))
        return []
    heads = [_heading_addressees(c, text, province) for c in node.children]
    addressed = sum(1 for h in heads if h)
    per_agency = addressed >= 2 and addressed >= _ADDRESSED_SHARE * len(heads)
    marked = []
    for child, head in zip(node.children, heads, strict=True):
        if per_agency and not head:
            # among agency items, one headed by a name the gazetteer lacks ("c) Cục đo đạc và bản đồ Nhà
            # nước có trách nhiệm:") is one of them
            head = _heading_addressees(child, text, province, strict=False)
        # a heading that only names agencies ("4. Các bộ, cơ quan trung ương, địa phương:") addresses its
        # items wherever it stands; one that opens a sentence counts in a per-agency list only
        marked.append((child, bool(head and (per_agency or head[1] > 0))))
    return marked


def _heading_addressees(
    node: Node, text: Text, province: str | None, strict: bool = True
) -> tuple[list[AgencyMention], int] | None:
    """The agencies an item's heading addresses ("Bộ Công Thương:", "Bộ Tài chính chủ trì ...") and
    where its own task starts (0: the heading opens a sentence, its task); ``strict``: names the gazetteer
    reads only."""
    if node.kind in ("root", "part"):
        return None
    return addressees(text.text[node.heading_start : node.heading_end], node.heading_start, province, strict)


def _intro(node: Node, text: Text, province: str | None) -> list[AgencyMention] | None:
    """The agencies of a body paragraph ending in ":" that names them ("Ủy ban nhân dân các tỉnh, thành
    phố:") or opens with them before its verb ("Bộ Tài chính chỉ đạo ...:"), addressing the items after it."""
    if node.kind == "root":
        return None
    body = text.text[node.body_start : node.body_end].rstrip()
    if not body.endswith(":"):
        return None
    last = body.rsplit("\n", 1)[-1]
    base = node.body_start + len(body) - len(last)
    found = addressees(last.strip(), base + len(last) - len(last.lstrip()), province, True)
    if not found or 0 < found[1] < len(last.strip()):
        return None
    if found[1] == 0 and is_background(last, province):
        return None  # "Sở Tài chính gửi kèm bộ tài liệu gồm:": what the sender encloses is no work
    # names only, or names opening a sentence that goes on to the items ("Bộ Tài chính chỉ đạo Bảo hiểm xã
    # hội Việt Nam:" over "a) ...", "b) ...": the items are the work it directs)
    return found[0]
