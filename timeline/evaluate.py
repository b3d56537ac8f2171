"""Evaluation: read TimeML gold documents and score a tagger on them as TempEval-3 Task A does.

Strict match = same span, relaxed = overlapping spans; type and value F1 are relaxed F1 counting a
match only when the attribute is equal too. Gold and predictions are paired one-to-one per document.
"""

from __future__ import annotations

import re
import stat
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.temporal.timex import Timex

__all__ = [
    "ERROR_KINDS",
    "GoldDocument",
    "GoldTimex",
    "Report",
    "Score",
    "Tagger",
    "TimexError",
    "evaluate",
    "format_report",
    "read_corpus",
    "read_timeml",
    "report_to_dict",
    "score",
]

Tagger = Callable[[str, date], Sequence[Timex]]

#: Error kinds, in the order the verbose report lists them.
ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "wrong span", "wrong type", "wrong value", "wrong mod")

CONTEXT_CHARS = 30  # characters shown on each side of an error's span
_SPACES = re.compile(r"\s+")


# --------------------------------------------------------------------------------------------- reader


@dataclass(frozen=True)
class GoldTimex:
    """A gold TIMEX3 annotation: [start, end) character offsets into the document text, and attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """A TimeML document: its id, creation date (DCT), plain text of <TEXT>, and the gold timexes in it."""

    id: str
    dct: date
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> GoldDocument:
    """Read one TimeML file; raise ValueError (one line, naming the file) if it is not valid TimeML."""
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe would wait for a writer
            raise ValueError(f"{path}: cannot read ({'a directory' if path.is_dir() else 'not a regular file'})")
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not valid TimeML: bad XML ({exc})") from None
    except OSError as exc:  # a folder named *.tml, a link to nowhere, no permission
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None

    text_elem = root if root.tag == "TEXT" else root.find(".//TEXT")
    if text_elem is None:
        raise ValueError(f"{path}: not valid TimeML: no <TEXT> element")
    dct_timex = root.find(".//DCT/TIMEX3")
    if dct_timex is None:
        raise ValueError(f"{path}: not valid TimeML: no <DCT><TIMEX3 value=...> element")
    dct_value = dct_timex.get("value", "")
    try:
        dct = date.fromisoformat(dct_value[:10])
    except ValueError:
        raise ValueError(f"{path}: not valid TimeML: DCT value {dct_value!r} is not a date") from None

    docid_elem = root.find(".//DOCID")
    doc_id = (docid_elem.text or "").strip() if docid_elem is not None else ""

    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(text_elem, parts, 0, timexes, path)
    text = "".join(parts)
    timexes.sort(key=lambda t: (t.start, t.end))
    return GoldDocument(id=doc_id or path.stem, dct=dct, text=text, timexes=tuple(timexes))


def _walk(elem: ET.Element, parts: list[str], pos: int, timexes: list[GoldTimex], path: Path) -> int:
    """Append the text inside `elem` to `parts` from offset `pos`, recording TIMEX3 spans; return the end."""
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _walk(child, parts, pos, timexes, path)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if elem.tag == "TIMEX3":
        kind, value = elem.get("type"), elem.get("value")
        if kind is None or value is None:
            raise ValueError(f"{path}: not valid TimeML: TIMEX3 {elem.get('tid', '?')} lacks type or value")
        text = "".join(elem.itertext())
        timexes.append(GoldTimex(start, pos, text, kind, value, elem.get("mod") or None))
    return pos


def read_corpus(path: Path) -> list[GoldDocument]:
    """Read a single .tml/.xml file, or every *.tml under a folder (recursively, in sorted path order)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.rglob("*.tml"), key=lambda p: p.relative_to(path).as_posix())
        if not files:
            raise ValueError(f"{path}: no *.tml files in this folder")
        return [read_timeml(f) for f in files]
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    return [read_timeml(path)]


# --------------------------------------------------------------------------------------------- scorer


@dataclass(frozen=True)
class Score:
    """One figure's counts: `matched` pairs out of `gold` annotations and `predicted` timexes."""

    matched: int
    gold: int
    predicted: int

    @property
    def precision(self) -> float:
        """Matched predictions / all predictions (0 when there are none)."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Matched gold / all gold (0 when there is none)."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class TimexError:
    """One disagreement between gold and prediction, with enough context to read it on one line."""

    kind: str
    doc_id: str
    start: int
    end: int
    gold_text: str | None
    gold_type: str | None
    gold_value: str | None
    gold_mod: str | None
    pred_text: str | None
    pred_type: str | None
    pred_value: str | None
    pred_mod: str | None
    context: str

    def sort_key(self) -> tuple[int, str, int, int, str, str]:
        """Kind (in ERROR_KINDS order), document, position: the verbose report's order."""
        return (ERROR_KINDS.index(self.kind), self.doc_id, self.start, self.end,
                self.gold_text or "", self.pred_text or "")


@dataclass(frozen=True)
class Report:
    """Counts, the TempEval-3 figures and the list of errors for a scored corpus."""

    documents: int
    gold: int
    predicted: int
    strict: Score
    relaxed: Score
    type: Score
    value: Score
    mod_matched: int
    errors: tuple[TimexError, ...] = field(default=())

    @property
    def strict_precision(self) -> float:
        """Strict precision."""
        return self.strict.precision

    @property
    def strict_recall(self) -> float:
        """Strict recall."""
        return self.strict.recall

    @property
    def strict_f1(self) -> float:
        """Strict F1."""
        return self.strict.f1

    @property
    def relaxed_precision(self) -> float:
        """Relaxed precision."""
        return self.relaxed.precision

    @property
    def relaxed_recall(self) -> float:
        """Relaxed recall."""
        return self.relaxed.recall

    @property
    def relaxed_f1(self) -> float:
        """Relaxed F1."""
        return self.relaxed.f1

    @property
    def type_f1(self) -> float:
        """Type F1: relaxed F1 counting only matches with the right type."""
        return self.type.f1

    @property
    def value_f1(self) -> float:
        """Value F1 (the headline figure): relaxed F1 counting only matches with the right value."""
        return self.value.f1

    @property
    def mod_accuracy(self) -> float:
        """Share of relaxed matches whose mod (None included) equals the gold mod."""
        return self.mod_matched / self.relaxed.matched if self.relaxed.matched else 0.0


def _match(gold: Sequence[GoldTimex], pred: Sequence[Timex]) -> list[tuple[int, int]]:
    """Pair overlapping gold and predictions one-to-one, largest overlap first (exact span wins ties)."""
    order = sorted(range(len(pred)), key=lambda j: (pred[j].start, pred[j].end, j))
    candidates: list[tuple[int, bool, int, int, int, int, int, int]] = []
    for i, g in enumerate(gold):
        for j in order:
            p = pred[j]
            if p.start >= g.end:
                break
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                exact = p.start == g.start and p.end == g.end
                candidates.append((-overlap, not exact, g.start, p.start, g.end, p.end, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for *_, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    pairs.sort()
    return pairs


def _context(text: str, start: int, end: int) -> str:
    """About 60 characters around [start, end), the span in brackets, whitespace shown as single spaces."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    snippet = f"{text[lo:start]}[{text[start:end]}]{text[end:hi]}"
    snippet = _SPACES.sub(" ", snippet).strip()
    return ("..." if lo > 0 else "") + snippet + ("..." if hi < len(text) else "")


def _error(kind: str, doc: GoldDocument, g: GoldTimex | None, p: Timex | None) -> TimexError:
    """Build one error record; its position is the union of the spans involved."""
    starts = [t.start for t in (g, p) if t is not None]
    ends = [t.end for t in (g, p) if t is not None]
    start, end = min(starts), max(ends)
    return TimexError(
        kind=kind,
        doc_id=doc.id,
        start=start,
        end=end,
        gold_text=g.text if g else None,
        gold_type=g.type if g else None,
        gold_value=g.value if g else None,
        gold_mod=g.mod if g else None,
        pred_text=p.text if p else None,
        pred_type=p.type if p else None,
        pred_value=p.value if p else None,
        pred_mod=p.mod if p else None,
        context=_context(doc.text, start, end),
    )


def score(results: Iterable[tuple[GoldDocument, Sequence[Timex]]]) -> Report:
    """Score (gold document, predicted timexes) pairs as TempEval-3 Task A does."""
    documents = n_gold = n_pred = strict = relaxed = typed = valued = modded = 0
    errors: list[TimexError] = []
    for doc, predictions in results:
        gold, pred = doc.timexes, list(predictions)
        documents += 1
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = _match(gold, pred)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        for i, j in pairs:
            g, p = gold[i], pred[j]
            relaxed += 1
            if (g.start, g.end) == (p.start, p.end):
                strict += 1
            else:
                errors.append(_error("wrong span", doc, g, p))
            if g.type == p.type:
                typed += 1
            else:
                errors.append(_error("wrong type", doc, g, p))
            if g.value == p.value:
                valued += 1
            else:
                errors.append(_error("wrong value", doc, g, p))
            if g.mod == p.mod:
                modded += 1
            else:
                errors.append(_error("wrong mod", doc, g, p))
        errors.extend(_error("missed", doc, g, None) for i, g in enumerate(gold) if i not in matched_gold)
        errors.extend(_error("spurious", doc, None, p) for j, p in enumerate(pred) if j not in matched_pred)
    errors.sort(key=TimexError.sort_key)
    return Report(
        documents=documents,
        gold=n_gold,
        predicted=n_pred,
        strict=Score(strict, n_gold, n_pred),
        relaxed=Score(relaxed, n_gold, n_pred),
        type=Score(typed, n_gold, n_pred),
        value=Score(valued, n_gold, n_pred),
        mod_matched=modded,
        errors=tuple(errors),
    )


def evaluate(docs: Iterable[GoldDocument], tagger: Tagger | None = None) -> Report:
    """Tag each document's text against its DCT (default: timeline.temporal.tag) and score the result."""
    if tagger is None:
        from timeline.temporal import tag

        tagger = tag

    def tagged(tag_fn: Tagger) -> Iterable[tuple[GoldDocument, Sequence[Timex]]]:
        for doc in docs:
            try:
                predictions = tag_fn(doc.text, doc.dct)
            except Exception as exc:
                exc.add_note(f"while tagging document {doc.id}")
                raise
            yield doc, predictions

    return score(tagged(tagger))


# --------------------------------------------------------------------------------------------- output


def _attrs(kind: str | None, value: str | None, mod: str | None) -> str:
    """TYPE VALUE [mod=MOD] for one side of an error line."""
    return f"{kind} {value}" + (f" mod={mod}" if mod else "")


def _quote(text: str | None) -> str:
    """A timex text in double quotes, on one line."""
    return '"' + _SPACES.sub(" ", text or "").strip() + '"'


def _error_line(e: TimexError) -> str:
    """One grep-friendly line: kind, document, text, gold and predicted attributes, context."""
    parts = [f"{e.kind:<11}", e.doc_id, _quote(e.gold_text if e.gold_text is not None else e.pred_text)]
    if e.gold_text is not None:
        parts.append("gold " + _attrs(e.gold_type, e.gold_value, e.gold_mod))
    if e.pred_text is not None:
        got = "got "
        if e.gold_text is not None and e.pred_text != e.gold_text:
            got += _quote(e.pred_text) + " "
        parts.append(got + _attrs(e.pred_type, e.pred_value, e.pred_mod))
    return "  ".join(parts) + "  | " + e.context


def format_report(report: Report, verbose: bool = False) -> str:
    """A compact table of the figures; with `verbose`, every error on its own line, grouped by kind."""
    lines = [
        f"documents     {report.documents:>7}",
        f"gold timexes  {report.gold:>7}",
        f"predictions   {report.predicted:>7}",
        "",
        f"{'':<13} {'precision':>9}  {'recall':>7}  {'F1':>7}  {'matched':>7}",
    ]
    for name, s in (("strict", report.strict), ("relaxed", report.relaxed),
                    ("type", report.type), ("value", report.value)):
        lines.append(f"{name:<13} {s.precision:>9.4f}  {s.recall:>7.4f}  {s.f1:>7.4f}  {s.matched:>7}")
    lines.append(f"{'mod accuracy':<13} {report.mod_accuracy:>9.4f}  "
                 f"({report.mod_matched} of {report.relaxed.matched} relaxed matches)")
    if verbose:
        for kind in ERROR_KINDS:
            group = [e for e in report.errors if e.kind == kind]
            if group:
                lines += ["", f"# {kind} ({len(group)})"]
                lines += [_error_line(e) for e in sorted(group, key=TimexError.sort_key)]
    return "\n".join(lines) + "\n"


def report_to_dict(report: Report) -> dict[str, object]:
    """JSON-ready form of a report: counts, the figures, and the errors."""

    def figures(s: Score) -> dict[str, object]:
        return {"precision": s.precision, "recall": s.recall, "f1": s.f1, "matched": s.matched}

    return {
        "documents": report.documents,
        "gold": report.gold,
        "predicted": report.predicted,
        "strict": figures(report.strict),
        "relaxed": figures(report.relaxed),
        "type": figures(report.type),
        "value": figures(report.value),
        "mod": {"accuracy": report.mod_accuracy, "matched": report.mod_matched,
                "compared": report.relaxed.matched},
        "errors": [
            {
                "kind": e.kind,
                "doc_id": e.doc_id,
                "start": e.start,
                "end": e.end,
                "gold": None if e.gold_text is None else
                {"text": e.gold_text, "type": e.gold_type, "value": e.gold_value, "mod": e.gold_mod},
                "predicted": None if e.pred_text is None else
                {"text": e.pred_text, "type": e.pred_type, "value": e.pred_value, "mod": e.pred_mod},
                "context": e.context,
            }
            for e in report.errors
        ],
    }
