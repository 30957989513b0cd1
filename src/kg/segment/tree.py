"""The outline tree of the body: labelled lines nest by kind, paragraphs belong to the item before them;
recipients ("Nơi nhận", "Kính gửi") and signature blocks are set aside, and an attached document or an
appendix starts a new part."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.lexicon.lines import classify, type_word_line
from kg.segment.labels import parse_label
from kg.segment.outline import Line, Node
from kg.text.strings import fold

# How deep the outline tree may nest. Real documents nest eight levels at most (part, I., 1., 1.1., 1.1.1.,
# a), -, +); numbering a thousand levels deep ("1.1.1.…") is hostile input, and every reader of the tree
# (kg.extract.assignments walks it section by section) then stays within a fixed depth.
MAX_DEPTH = 24


@dataclass
class _Draft:
    """A node while the tree is being built (mutable; ``_freeze`` turns it into a ``Node``)."""

    label: str
    kind: str
    heading: Line
    body: list[Line] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)


class Tree:
    """Builds the outline tree over body lines, setting recipients and signature blocks aside."""

    def __init__(self, lines: list[Line], skip: set[int]) -> None:
        self.lines = lines
        self.skip = skip
        self.recipients: list[Line] = []
        self.signature: list[Line] = []
        self._last: Line | None = None

    def build(self, start: int) -> Node:
        """The tree of the body lines from index ``start`` (table lines skipped)."""
        root = _Draft("", "root", Line("", 0, 0))
        stack: list[_Draft] = [root]
        closing = False
        pending: Line | None = None  # a label alone on its line ("I.", "1.") waits for its heading
        for i in range(start, len(self.lines)):
            if i in self.skip:
                continue
            ln = self.lines[i]
            if pending is not None:
                ln = _with_label(pending, ln) if parse_label(ln.text) is None else ln
                pending = None
            elif _BARE_LABEL.match(ln.text):
                pending = ln
                continue
            closing = self._closing_state(ln, closing)
            if closing:
                continue
            self._place(ln, stack, root)
        return _freeze(root)

    def _closing_state(self, ln: Line, closing: bool) -> bool:
        """Whether ``ln`` belongs to a recipients/signature block (recorded), updating the state."""
        t = ln.text
        if classify(t, "closing"):
            to = (
                self.recipients
                if fold(t).lstrip("_").startswith(("noi nhan", "kinh gui"))
                else self.signature
            )
            to.append(ln)
            self._last = ln
            return True
        if not closing:
            return False
        if type_word_line(ln) or classify(t, "appendix") or self._opens_attachment(t):
            return False
        if (
            self.recipients
            and self.recipients[-1] is self._last
            and not self.signature
            and t[:1] not in "-–•+"
            and fold(self.recipients[0].text).startswith("kinh gui")
        ):
            return False  # the "Kính gửi:" list of a letter ends; its body follows
        if t[:1] in "-–•+" or t.startswith("Lưu"):
            self.recipients.append(ln)
            self._last = ln
        else:
            self.signature.append(ln)
        return True

    def _opens_attachment(self, t: str) -> bool:
        """After a signature, a top-level label ("I. MỤC ĐÍCH, YÊU CẦU", "Điều 1.") opens an attached
        document whose type line the signature line swallowed ("... Đinh Trung Tụng KẾ HOẠCH ...")."""
        parsed = parse_label(t)
        return bool(self.signature and parsed and parsed[0] in ("roman", "article"))

    def _place(self, ln: Line, stack: list[_Draft], root: _Draft) -> None:
        """Put ``ln`` under the open node it belongs to: a label closes the open nodes of its kind."""
        parsed = parse_label(ln.text)
        if type_word_line(ln) or (classify(ln.text, "appendix") and parsed is None):
            # "PHỤ LỤC I", "DANH MỤC NHIỆM VỤ"; a numbered "4. Danh mục dùng chung là ..." is an item
            del stack[1:]
            part = _Draft("", "part", ln)
            root.children.append(part)
            stack.append(part)
            return
        if parsed is None:
            while stack[-1].kind in ("dash", "plus") and len(stack) > 1:
                stack.pop()  # a paragraph after a bullet belongs to the bullet's parent
            stack[-1].body.append(ln)
            return
        kind, label, _rest = parsed
        node = _Draft(label, kind, ln)
        if kind not in ("dash", "plus", "letter"):
            # "2. Đối với ..." after "- ..." bullets: a numbered or roman item never sits inside a bullet (a
            # converter that dropped "1." left the first item's bullets open)
            while stack[-1].kind in ("dash", "plus") and len(stack) > 1:
                stack.pop()
        for depth in range(len(stack) - 1, 0, -1):
            if stack[depth].kind == kind:
                del stack[depth:]
                break
        if kind == "article":  # "Điều 4" closes the clauses of Điều 3, whatever nests under them
            while len(stack) > 1 and stack[-1].kind != "part":
                stack.pop()
        del stack[MAX_DEPTH:]  # deeper labels become siblings at the deepest level
        stack[-1].children.append(node)
        stack.append(node)


# A label printed alone on its line, its heading on the next ("**I.**" / "Trách nhiệm phối hợp ...").
_BARE_LABEL = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]$")


def _with_label(label: Line, ln: Line) -> Line:
    """The line ``ln`` with the bare ``label`` line before it, as one heading line."""
    return Line(f"{label.text} {ln.text}", label.start, ln.end)


def _freeze(root: _Draft) -> Node:
    """The frozen ``Node`` tree of ``root``, children first (a loop, not recursion: how deep the numbering
    nests is up to the text, "1.1.1.…" a thousand levels deep included)."""
    done: dict[int, Node] = {}
    todo: list[tuple[_Draft, tuple[str, ...], bool]] = [(root, (), False)]
    while todo:
        d, parent_path, children_done = todo.pop()
        path = (*parent_path, d.label) if d.kind != "root" else ()
        if not children_done:
            todo.append((d, parent_path, True))
            todo.extend((c, path, False) for c in reversed(d.children))
            continue
        done[id(d)] = _node(d, path, tuple(done.pop(id(c)) for c in d.children))
    return done[id(root)]


def _node(d: _Draft, path: tuple[str, ...], children: tuple[Node, ...]) -> Node:
    """The ``Node`` of draft ``d`` with its frozen children, offsets and the path of labels."""
    body = "\n".join(ln.text for ln in d.body)
    body_start = d.body[0].start if d.body else d.heading.end
    body_end = d.body[-1].end if d.body else d.heading.end
    end = max([body_end, d.heading.end, *(c.end for c in children)])
    heading_text = d.heading.text
    parsed = parse_label(heading_text)
    h_start = d.heading.start
    if parsed and d.kind not in ("article", "part"):
        rest = parsed[2]
        h_start = d.heading.end - len(rest)
        heading_text = rest
    return Node(
        label=d.label,
        kind=d.kind,
        heading=heading_text,
        body=body,
        start=d.heading.start,
        end=end,
        heading_start=h_start,
        heading_end=d.heading.end,
        body_start=body_start,
        body_end=body_end,
        path=path,
        children=children,
    )
