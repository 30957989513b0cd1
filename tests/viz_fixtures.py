"""Synthetic graphs in the docs/graph-model.md shape, for the viz tests (small, crafted, and big).

Names are invented (provinces "Tỉnh A1", ...): the views must work for any province, ministry or party body.
Every stated fact carries evidence pointing into a generated source text, like the real build does.
"""

from __future__ import annotations

import hashlib

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.namespaces import FIELD, ID, OA, VPO

AGENCY_NAMES = [
    ("Sở Khoa học và Công nghệ", "Department of Science and Technology", "Sở KH&CN"),
    ("Sở Tài chính", "Department of Finance", None),
    ("Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", "Sở KH&ĐT"),
    ("Sở Thông tin và Truyền thông", "Department of Information and Communications", "Sở TT&TT"),
]


class Builder:
    """Accumulates triples and source texts; evidence offsets are computed from the texts it writes."""

    def __init__(self) -> None:
        self.g = Graph()
        self.texts: dict[str, str] = {}
        for kind, vi, en in [
            ("Plan", "Kế hoạch", "Plan"),
            ("Conclusion", "Kết luận", "Conclusion"),
            ("Resolution", "Nghị quyết", "Resolution"),
            ("Task", "Nhiệm vụ", "Task"),
            ("lead", "chủ trì", "lead"),
            ("coordinate", "phối hợp", "coordinate"),
        ]:
            self.g.add((VPO[kind], RDFS.label, Literal(vi, lang="vi")))
            self.g.add((VPO[kind], RDFS.label, Literal(en, lang="en")))
        self.g.add((FIELD["science"], SKOS.prefLabel, Literal("Khoa học và công nghệ", lang="vi")))
        self.g.add((FIELD["science"], SKOS.prefLabel, Literal("Science and technology", lang="en")))

    def source(self, file_name: str, text: str, doc: URIRef) -> URIRef:
        sha = hashlib.sha256(text.encode()).hexdigest()[:16]
        src = ID[f"source/{sha}"]
        self.texts[file_name] = text
        self.g.add((src, RDF.type, VPO.OfficialText))
        self.g.add((src, VPO.fileName, Literal(file_name)))
        self.g.add((src, VPO.describes, doc))
        return src

    def evidence(self, subject: URIRef, src: URIRef, file_name: str, quote: str) -> None:
        start = self.texts[file_name].index(quote)
        end = start + len(quote)
        ev = URIRef(f"{src}/{start}-{end}".replace("/source/", "/evidence/"))
        pos, q = URIRef(f"{ev}/pos"), URIRef(f"{ev}/quote")
        self.g.add((subject, VPO.evidence, ev))
        self.g.add((ev, RDF.type, VPO.Evidence))
        self.g.add((ev, VPO.source, src))
        self.g.add((ev, OA.hasSelector, pos))
        self.g.add((ev, OA.hasSelector, q))
        self.g.add((pos, RDF.type, OA.TextPositionSelector))
        self.g.add((pos, OA.start, Literal(start)))
        self.g.add((pos, OA.end, Literal(end)))
        self.g.add((q, RDF.type, OA.TextQuoteSelector))
        self.g.add((q, OA.exact, Literal(quote)))

    def province(self, slug: str, vi: str, en: str) -> URIRef:
        p = ID[f"province/{slug}"]
        self.g.add((p, RDF.type, VPO.Province))
        self.g.add((p, RDFS.label, Literal(vi, lang="vi")))
        self.g.add((p, RDFS.label, Literal(en, lang="en")))
        return p

    def agency(
        self, scope: str, slug: str, vi: str, en: str | None, abbr: str | None, **kw: URIRef
    ) -> URIRef:
        a = ID[f"agency/{scope}/{slug}"]
        self.g.add((a, RDF.type, VPO.Agency))
        self.g.add((a, SKOS.prefLabel, Literal(vi, lang="vi")))
        if en:
            self.g.add((a, SKOS.prefLabel, Literal(en, lang="en")))
        if abbr:
            self.g.add((a, VPO.abbreviation, Literal(abbr)))
        for key, value in kw.items():
            self.g.add((a, VPO[key], value))
        return a

    def document(self, iri: URIRef, kind: str, number: str, label: str, **kw: URIRef | Literal) -> URIRef:
        self.g.add((iri, RDF.type, VPO[kind]))
        self.g.add((iri, VPO.identifier, Literal(number)))
        self.g.add((iri, RDFS.label, Literal(label)))
        for key, value in kw.items():
            self.g.add((iri, VPO[key], value))
        return iri


def small_graph(crafted: bool = False) -> tuple[Graph, dict[str, str]]:
    """Two provinces implementing one central conclusion; tasks with lead/coordinate agencies.

    With ``crafted``, one plan's title, a task and its source text carry HTML and attribute-breaking text.
    """
    b = Builder()
    g = b.g
    party = b.agency(
        "central", "bo-chinh-tri", "Bộ Chính trị", "Politburo", None, level=VPO.central, branch=VPO.party
    )
    kl = b.document(
        ID["doc/bct/2024/9-kl-tw"],
        "Conclusion",
        "9-KL/TW",
        "9-KL/TW",
        issuedBy=party,
        ingested=Literal(False),
    )
    nq = b.document(ID["doc/bchtw/2012/8-nq-tw"], "Resolution", "8-NQ/TW", "8-NQ/TW", ingested=Literal(False))
    g.add((kl, VPO.implements, nq))
    for i, (pslug, pvi, pen) in enumerate(
        [("tinh-a1", "Tỉnh Ánh Dương", "Anh Duong"), ("tinh-b2", "Tỉnh Bình Sơn", "Binh Son")], start=1
    ):
        prov = b.province(pslug, pvi, pen)
        ubnd = b.agency(
            pslug,
            "ubnd-tinh",
            f"Ủy ban nhân dân {pvi.lower()}",
            None,
            "UBND tỉnh",
            level=VPO.provincial,
            branch=VPO.state,
            jurisdiction=prov,
        )
        doc = ID[f"doc/ubnd-{pslug}/2024/{100 + i}-kh-ubnd"]
        number = f"{100 + i}/KH-UBND"
        title = "TRIỂN KHAI KẾT LUẬN SỐ 9-KL/TW"
        if crafted and i == 2:
            title = 'Kế hoạch <script>window.__pwned=1</script> " onmouseover="window.__pwned=2" <b>đậm</b>'
        tasks = [
            f"Nhiệm vụ {j} của {pvi}: tổ chức tuyên truyền, phổ biến kết quả khoa học số {j}"
            for j in (1, 2, 3)
        ]
        if crafted and i == 2:
            tasks[0] = 'Nhiệm vụ <img src=x onerror="window.__pwned=3"> " onmouseover="alert(1)"'
        text = (
            f"ỦY BAN NHÂN DÂN\nSố: {number}\n{title}\nCăn cứ Kết luận số 9-KL/TW của Bộ Chính trị;\n"
            + "".join(
                f"{j}. Sở KH&CN chủ trì, phối hợp với Sở Tài chính: {t}.\n" for j, t in enumerate(tasks, 1)
            )
            + "<script>window.__pwned=4</script>\n"
        )
        fname = f"{pslug}_{100 + i}-kh-ubnd.txt"
        src = b.source(fname, text, doc)
        b.document(
            doc,
            "Plan",
            number,
            f"{number} ({pvi.removeprefix('Tỉnh ')})",
            issuedBy=ubnd,
            jurisdiction=prov,
            ingested=Literal(True),
            title=Literal(title, lang="vi"),
            dateIssued=Literal("2024-06-10", datatype=XSD.date),
            inField=FIELD["science"],
        )
        b.evidence(doc, src, fname, f"Số: {number}")
        g.add((doc, VPO.implements, kl))
        g.add((doc, VPO.basedOn, kl))
        st = ID[f"lineage/{pslug}/1"]
        g.add((doc, VPO.lineageStatement, st))
        g.add((st, RDF.type, VPO.LineageStatement))
        g.add((st, VPO.lineageRelation, VPO.implements))
        g.add((st, VPO.lineageTarget, kl))
        b.evidence(st, src, fname, "Căn cứ Kết luận số 9-KL/TW của Bộ Chính trị")
        sokh = b.agency(
            pslug,
            "so-khoa-hoc-va-cong-nghe",
            *AGENCY_NAMES[0],
            level=VPO.provincial,
            branch=VPO.state,
            jurisdiction=prov,
            parentAgency=ubnd,
        )
        sotc = b.agency(
            pslug,
            "so-tai-chinh",
            *AGENCY_NAMES[1],
            level=VPO.provincial,
            branch=VPO.state,
            jurisdiction=prov,
            parentAgency=ubnd,
        )
        for j, t in enumerate(tasks, 1):
            task = ID[f"task/{pslug}/t{j}"]
            g.add((task, RDF.type, VPO.Task))
            g.add((task, VPO.taskText, Literal(t, lang="vi")))
            g.add((task, VPO.taskOf, doc))
            g.add((doc, VPO.hasTask, task))
            g.add((task, VPO.inField, FIELD["science"]))
            if j == 2:
                g.add((task, VPO.deadlineText, Literal("Năm 2024-2025")))
            b.evidence(task, src, fname, t)
            for agency, role in ((sokh, VPO.lead), (sotc, VPO.coordinate)):
                a = ID[
                    f"assignment/{pslug}/t{j}/{str(agency).rsplit('/', 1)[-1]}/{str(role).rsplit('#')[-1]}"
                ]
                g.add((a, RDF.type, VPO.Assignment))
                g.add((a, VPO.assignedTask, task))
                g.add((a, VPO.assignedAgency, agency))
                g.add((a, VPO.role, role))
                g.add((task, VPO.hasAssignment, a))
                g.add((agency, VPO.leads if role == VPO.lead else VPO.coordinates, task))
                b.evidence(a, src, fname, "Sở KH&CN" if role == VPO.lead else "Sở Tài chính")
    return g, b.texts


def big_graph(provinces: int = 30, plans: int = 4, tasks: int = 12) -> Graph:
    """Several thousand nodes: ``provinces`` × ``plans`` plans × ``tasks`` tasks, 4 agencies a province."""
    b = Builder()
    g = b.g
    party = b.agency(
        "central", "bo-chinh-tri", "Bộ Chính trị", "Politburo", None, level=VPO.central, branch=VPO.party
    )
    kl = b.document(ID["doc/bct/2024/9-kl-tw"], "Conclusion", "9-KL/TW", "9-KL/TW", issuedBy=party)
    for p in range(provinces):
        prov = b.province(f"p{p}", f"Tỉnh Số {p}", f"Province {p}")
        agencies = [
            b.agency(f"p{p}", f"a{k}", vi, en, ab, level=VPO.provincial, branch=VPO.state, jurisdiction=prov)
            for k, (vi, en, ab) in enumerate(AGENCY_NAMES)
        ]
        for d in range(plans):
            doc = b.document(
                ID[f"doc/p{p}/2024/{d}-kh-ubnd"],
                "Plan",
                f"{d}/KH-UBND",
                f"{d}/KH-UBND (Số {p})",
                jurisdiction=prov,
                issuedBy=agencies[0],
            )
            g.add((doc, VPO.implements, kl))
            for t in range(tasks):
                task = ID[f"task/p{p}-{d}/t{t}"]
                g.add((task, RDF.type, VPO.Task))
                g.add((task, VPO.taskText, Literal(f"Nhiệm vụ {t} của kế hoạch {d}", lang="vi")))
                g.add((task, VPO.taskOf, doc))
                agency = agencies[t % len(agencies)]
                a = ID[f"assignment/p{p}-{d}/t{t}/lead"]
                g.add((a, RDF.type, VPO.Assignment))
                g.add((a, VPO.assignedTask, task))
                g.add((a, VPO.assignedAgency, agency))
                g.add((a, VPO.role, VPO.lead))
    return g
