"""`kg build`: source texts (or record JSON files) → records → graph files + embedded store, atomically.

Steps, in ``build`` from top to bottom: collect inputs; take each text's record from the record cache of
the output folder, or extract it, in parallel across cores, or read records that were already extracted
(``*.json``, the form of ``kg extract --json``) — kg.build_inputs; resolve the corpus's document and
agency identities once (kg.resolve); map to RDF (kg.rdf) as a stream of N-Triples lines, sorted on disk in
runs, each run bulk-loaded into a new Oxigraph store as it is made; write kg.nt (the runs merged), then
kg.ttl and kg.jsonld (one pass over kg.nt each); load the ontology and infer (kg.store.infer); write
kg-inferred.ttl. No step holds the corpus's graph in memory (issue 15). All of it goes into a new generation
directory data/.builds/<id>/, and only when all of it is written (and fsynced) does one rename switch the
symlink data/current to it; data/kg.* are then published as hard links of current's files
(kg.store.generations). A failed or killed build leaves the previous one intact, and the next build removes
what it left. One build at a time per output folder (kg.store.lock): a second one fails at once, or waits.

Bad inputs (empty, binary, not UTF-8, larger than ``max_bytes``, a FIFO or device, a record JSON that does
not parse or nests too deep, an extractor crash on one text, a second copy of a text) do not sink the
corpus: each is skipped with a one-line reason naming the file (``BuildResult.skipped``), and the
graph of the good files is built; the CLI then exits 1 so a script notices. ``strict=True`` (``kg build
--strict``) instead fails the whole build on the first bad input, leaving the previous build as it was. When
no input is readable at all there is nothing to build: BuildError, previous build intact.

The function never prints: progress goes through the optional ``progress(done, total, path)`` callback."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path

from pyoxigraph import Store
from rdflib import Graph

from kg import build_fingerprint
from kg import store as kgstore
from kg.build_inputs import Progress, Skipped, collect_inputs, read_inputs, record_cache
from kg.errors import BuildError, KGError, shown_path
from kg.models import Record, real_date
from kg.namespaces import SCHEMA, VPO
from kg.paths import DATA_DIR, FIELDS_FILE, ONTOLOGY_FILE, RAW_DIR
from kg.rdf.mapping import emit_records, records_to_graph
from kg.rdf.ntriples import ox_line
from kg.rdf.runs import Runs, sorted_unique
from kg.rdf.serialize import jsonld, turtle
from kg.rdf.sink import LineSink
from kg.resolve import Corpus, resolve_corpus
from kg.store import generations
from kg.store.infer import infer
from kg.store.lock import build_lock
from kg.text.decode import MAX_BYTES

Mark = Callable[[str], None]
OUTPUT_NAMES = ("kg.ttl", "kg.nt", "kg.jsonld", "kg-inferred.ttl")


@dataclass(frozen=True)
class BuildResult:
    """What a build produced (the CLI and `kg status` print it)."""

    inputs: int
    triples: int
    inferred: dict[str, int]
    outputs: tuple[Path, ...]
    store: Path
    warnings: tuple[str, ...] = field(default_factory=tuple)
    skipped: tuple[Skipped, ...] = field(default_factory=tuple)
    extracted: int = 0  # texts extracted by this build
    cached: int = 0  # texts whose record the record cache held
    unchanged: bool = False  # nothing changed since the current build, which was kept (kg.build_fingerprint)


def ontology_turtle() -> list[tuple[Path, bytes]]:
    """The ontology files present (policy.ttl, fields.ttl), to load into the ontology graph."""
    return [(p, p.read_bytes()) for p in (ONTOLOGY_FILE, FIELDS_FILE) if p.is_file()]


def build(
    paths: Sequence[Path] = (RAW_DIR,),
    out_dir: Path = DATA_DIR,
    store_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    strict: bool = False,
    wait: bool = False,
    max_bytes: int = MAX_BYTES,
    cache: bool = True,
) -> BuildResult:
    """Build the graph from ``paths`` into a new generation of ``out_dir`` and switch to it atomically.

    The store is ``out_dir/current/store``; ``store_dir``, when given elsewhere, becomes a link to it.
    Unreadable inputs (or larger than ``max_bytes``) and repeats of an earlier text are skipped and listed in
    the result (``strict``: the build fails instead). BuildLocked when another build of ``out_dir`` is running
    (``wait``: wait for it instead). Texts whose record the record cache of ``out_dir`` holds are not
    extracted again (``cache=False``: every text is, and the cache refreshed; kg.build_inputs)."""
    with build_lock(out_dir, wait):
        generations.prepare(out_dir, OUTPUT_NAMES, store_dir)  # what a killed build left is set right first
        return _build_locked(paths, out_dir, store_dir, jobs, progress, strict, max_bytes, cache)


def _build_locked(
    paths: Sequence[Path],
    out_dir: Path,
    store_dir: Path | None,
    jobs: int | None,
    progress: Progress | None,
    strict: bool,
    max_bytes: int,
    cache: bool,
) -> BuildResult:
    inputs = collect_inputs(paths)
    stamp = build_fingerprint.fingerprint(inputs, max_bytes, store_dir) if cache else None
    if stamp is not None and (kept := _kept(out_dir, store_dir, stamp)) is not None:
        return kept
    records_cache = record_cache(out_dir)
    records_cache.tidy()
    read = read_inputs(inputs, jobs, progress, max_bytes, records_cache, reuse=cache)
    records, skipped = read.records, read.skipped
    if skipped and (strict or not records):
        extra = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        why = "no input could be read" if not records else "--strict: an input could not be read"
        raise BuildError(f"{why}: {skipped[0].reason}{extra}; the previous build is left as it was")
    corpus = resolve_corpus(records)
    before = generations.built_inputs(out_dir)
    warnings = [*read.warnings, *_date_warnings(records), *_smaller_warning(len(records), before)]
    # only a clean build may be kept next time: a kept build would not repeat its warnings or skipped inputs
    clean = stamp if not (skipped or warnings) else None
    result = write_outputs(records, corpus, out_dir, store_dir, fingerprint=clean)
    return replace(
        result, skipped=tuple(skipped), warnings=tuple(warnings), extracted=read.extracted, cached=read.cached
    )


def _kept(out_dir: Path, store_dir: Path | None, stamp: str) -> BuildResult | None:
    """The current build, when it was made from exactly this (same fingerprint); None otherwise."""
    summary = generations.summary(out_dir)
    if summary.get("fingerprint") != stamp:
        return None
    try:
        inputs, triples, inferred = int(summary["inputs"]), int(summary["triples"]), dict(summary["inferred"])
    except (KeyError, TypeError, ValueError):
        return None
    generations.publish(out_dir, OUTPUT_NAMES, store_dir)
    return BuildResult(inputs, triples, inferred, *_published(out_dir, store_dir), unchanged=True)


def _published(out_dir: Path, store_dir: Path | None) -> tuple[tuple[Path, ...], Path]:
    """The output files and the store a build of ``out_dir`` is read from."""
    store = store_dir or out_dir / generations.CURRENT / generations.STORE
    return tuple(out_dir / n for n in OUTPUT_NAMES), store


def _smaller_warning(built: int, before: int | None) -> list[str]:
    """A build replaces the previous one whole: when it holds fewer documents, say so (a user who meant to
    add a text to the corpus by building just that text would otherwise lose the rest without a word)."""
    if before is None or built >= before:
        return []
    return [
        f"built from {built} input{'s' if built != 1 else ''}; the previous build had {before} and is "
        "replaced — to add a text to the corpus use `kg add`"
    ]


def _date_warnings(records: Sequence[Record]) -> list[str]:
    """One line per document whose date does not exist (from its text or its record file): the graph keeps
    it as text only (kg.rdf.mapping), so the user should know why the document has no typed date."""
    return [
        f"{shown_path(r.source.path)}: the document date {r.document.date} does not exist; kept as text, "
        "not typed as a date"
        for r in records
        if r.document.date and not real_date(r.document.date)
    ]


def map_records(records: Sequence[Record], corpus: Corpus | None = None) -> Graph:
    """``records_to_graph`` with the cyclic garbage collector paused: building millions of small rdflib
    objects otherwise triggers full collections over and over (minutes at national scale)."""
    with _gc_paused():
        return records_to_graph(records, corpus)


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_outputs(
    records: Sequence[Record],
    corpus: Corpus,
    out_dir: Path,
    store_dir: Path | None,
    mark: Mark | None = None,
    fingerprint: str | None = None,
) -> BuildResult:
    """Write a complete new generation (files, store), switch ``out_dir/current`` to it, publish copies.
    ``mark(step)`` is called as each step ends (benchmarks/build_bench.py times them). ``fingerprint`` is
    recorded with the generation, so a rebuild from the same inputs can keep it (kg.build_fingerprint)."""
    gen = generations.new_generation(out_dir)
    mark = mark or _unmarked
    try:
        triples, inferred = _write_generation(gen, records, corpus, mark, fingerprint)
        previous = generations.switch(out_dir, gen)
    except BaseException as exc:
        if generations.current(out_dir) == gen:  # the switch itself happened: gen is the build now
            raise
        shutil.rmtree(gen, ignore_errors=True)
        if isinstance(exc, BuildError):
            raise BuildError(f"{exc}; the previous build is left as it was") from exc
        raise
    generations.publish(out_dir, OUTPUT_NAMES, store_dir)
    generations.retire_old_store(out_dir, store_dir)
    generations.prune(out_dir, keep=(gen, previous))
    mark("switch, publish, prune")
    return BuildResult(len(records), triples, inferred, *_published(out_dir, store_dir))


def _unmarked(step: str) -> None:
    """No one is timing the steps."""


def _write_generation(
    gen: Path, records: Sequence[Record], corpus: Corpus, mark: Mark, fingerprint: str | None = None
) -> tuple[int, dict[str, int]]:
    """Every output of the build into ``gen``, fsynced, and the generation sealed; returns the number of
    asserted triples and the rule counts."""
    store = gen / generations.STORE
    try:
        triples, inferred = _write_streams(gen, store, records, corpus, mark)
    except BaseException as exc:
        # The failure's frames (infer's, say) hold the open store. Dropping them closes RocksDB now; otherwise
        # it stays open until the traceback is collected and may write into its directory after removal.
        exc.__traceback__ = None
        if isinstance(exc, OSError):
            raise BuildError(f"{store}: cannot write the graph store: {exc}") from None
        raise
    generations.sync_tree(store)
    summary = {"inputs": len(records), "triples": triples, "inferred": inferred}
    generations.seal(gen, {**summary, "fingerprint": fingerprint} if fingerprint else summary)
    mark("fsync the store, seal")
    return triples, inferred


def _write_streams(
    gen: Path, store: Path, records: Sequence[Record], corpus: Corpus, mark: Mark
) -> tuple[int, dict[str, int]]:
    """Records → N-Triples lines, sorted on disk in runs, each run loaded into the store as it is made; then
    kg.nt (the runs merged), kg.ttl and kg.jsonld (each a pass over kg.nt), inference, kg-inferred.ttl. No
    step holds the corpus's graph: memory is one run, one subject, and the store's own (issue 15)."""
    st = kgstore.new_store(store)
    load = partial(_load_run, st)
    with Runs(gen, on_run=load) as runs, _gc_paused():
        emit_records(LineSink(runs), records, corpus)
        mark("map to N-Triples runs, each run sorted and bulk-loaded into the store")
        triples = _write_lines(gen / "kg.nt", runs.merged())
    mark("kg.nt (runs merged)")
    generations.write_file(gen / "kg.ttl", _encoded(turtle(_read_lines(gen / "kg.nt"))))
    mark("kg.ttl")
    responsible = _responsible(st)
    generations.write_file(gen / "kg.jsonld", _encoded(jsonld(_read_lines(gen / "kg.nt"), responsible, gen)))
    mark("kg.jsonld")
    _load_ontology(st)
    inferred = infer(st)
    mark("ontology, inference")
    lines = sorted_unique(_graph_lines(st, kgstore.INFERRED_GRAPH), gen)
    generations.write_file(gen / "kg-inferred.ttl", _encoded(turtle(lines)))
    st.flush()
    mark("kg-inferred.ttl, store flushed")
    return triples, inferred


def _load_run(st: Store, run: list[str]) -> None:
    kgstore.load_graph(st, "".join(run).encode("utf-8"), str(kgstore.ASSERTED_GRAPH))


def _write_lines(path: Path, lines: Iterable[str]) -> int:
    """Sorted lines written to ``path`` (fsynced); returns how many."""
    count = 0

    def counted() -> Iterator[bytes]:
        nonlocal count
        for batch in _batched(lines, 10_000):
            count += len(batch)
            yield "".join(batch).encode("utf-8")

    generations.write_file(path, counted())
    return count


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    for batch in _batched(pieces, 1_000):
        yield "".join(batch).encode("utf-8")


def _batched(items: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _read_lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8", newline="") as f:
        yield from f


RESPONSIBLE_QUERY = f"""SELECT DISTINCT ?doc ?agency WHERE {{
  ?doc <{VPO.ingested}> ?ingested ; <{VPO.hasTask}> ?task . ?agency <{VPO.leads}> ?task }}"""


def _responsible(st: Store) -> list[str]:
    """The ``schema:legislationResponsible`` lines of the JSON-LD export (kg.rdf.serialize), sorted: who leads
    each document's tasks, a join the store answers at once."""
    _, rows = kgstore.select(st, RESPONSIBLE_QUERY, [str(kgstore.ASSERTED_GRAPH)])
    prop = kgstore.node(str(SCHEMA.legislationResponsible))
    return sorted({ox_line(row["doc"], prop, row["agency"]) for row in rows})


def _graph_lines(st: Store, graph: str) -> Iterator[str]:
    for quad in st.quads_for_pattern(None, None, None, kgstore.node(graph)):
        yield ox_line(quad.subject, quad.predicate, quad.object)


def _load_ontology(st: Store) -> None:
    for file, data in ontology_turtle():
        try:
            kgstore.load_graph(st, data, str(kgstore.ONTOLOGY_GRAPH), "ttl")
        except KGError as exc:
            raise BuildError(f"{file}: cannot load the ontology: {exc}") from exc
