"""The editor's last word: an edits file that drops, re-dates, heads, annotates and adds events.

```yaml
events:
  000-3b01959ef49d4888-2545d202: {drop: true}
  000-3b01959ef49d4888-e5d307dc:
    date: 2025-10-14          # a TIMEX3 value; `until:` for an interval
    headline: Lee announces crackdown on gangs abroad
    note: Date from the ministry's statement of 14 October.
    status: reported
add:
  - {date: 2025-11-03, text: "The Korean Desk opens in Phnom Penh.", source: Yonhap, url: "https://…"}
```

Events are keyed by the `id` they have in JSON (a hash of the article, the date phrase and the
sentence: stable across rebuilds, and across versions of an article where the sentence is the
same). `apply()` is a pure function of events and edits, used after the events are found and before
anything is rendered, diffed, tabled or chosen for a story, so every output agrees. A malformed file
is one UserError naming the file and line; an id that matches nothing is a warning (`Edits.stale`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.article import clean_text, file_line
from timeline.errors import UserError
from timeline.events import Event

if TYPE_CHECKING:
    from timeline.chronology import Timeline

#: The file `timeline build` reads at the top of a source folder.
EDITS_FILE = "edits.yml"
#: The most an edits file is read of (`--edits /dev/zero` would fill the memory; an editor's file
#: is kilobytes, and YAML of 8 MB takes a minute to read).
EDITS_LIMIT = 8 * 2**20

_EVENT_KEYS = ("drop", "date", "until", "headline", "note", "status")
_DAY_KEYS = ("drop", "date", "headline", "note")
_ADD_KEYS = ("date", "until", "text", "headline", "note", "status", "source", "url")
_TRUE, _FALSE = ("true", "yes", "on"), ("false", "no", "off")
#: An event's id is its article's and "-HASH" or "-HASH-N" (timeline.events): the dashes an ending has.
_SUFFIX_DASHES = 2


@dataclass(frozen=True)
class EventEdit:
    """What the editor says of one event: drop it, or change some of its fields."""

    drop: bool = False
    date: str | None = None
    until: str | None = None
    headline: str | None = None
    note: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Addition:
    """An event the articles lack, added by the editor."""

    date: str
    text: str
    until: str | None = None
    headline: str | None = None
    note: str | None = None
    status: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Edits:
    """A parsed edits file: edits by event id, additions in the file's order, and edits of the
    days of a story (`timeline story`) by their date value."""

    path: str = ""
    events: Mapping[str, EventEdit] = field(default_factory=dict)
    add: tuple[Addition, ...] = ()
    days: Mapping[str, EventEdit] = field(default_factory=dict)
    digest: str = ""  # SHA-256 of the file's bytes: a build whose edits changed renders again

    def __bool__(self) -> bool:
        return bool(self.events or self.add or self.days)

    def stale(self, events: Iterable[Event], versions: bool = False) -> list[str]:
        """A warning for each edit that matches none of `events` (all the events of a run)."""
        return self.unused(k for k in (self.key(e, versions) for e in events) if k is not None)

    def unused(self, used: Iterable[str]) -> list[str]:
        """A warning for each edited id not among `used` (the ids `key` gave for a run's events)."""
        seen = set(used)
        return [f"{self.path}: no event has the id {eid!r} (edit not applied)"
                for eid in self.events if eid not in seen]

    def key(self, event: Event, versions: bool = False) -> str | None:
        """The id under which `event` is edited: its own; with `versions`, also the id of the same
        sentence in another version of its article (ids are ARTICLE-HASH, and the hash of date,
        phrase and sentence is what two versions share)."""
        if event.id in self.events:
            return event.id
        if not versions or not event.id.startswith(event.article + "-"):
            return None
        local = event.id[len(event.article):]
        if local.count("-") > _SUFFIX_DASHES:
            return next((key for key in self.events if key.endswith(local)), None)
        return self._by_suffix.get(local)

    @cached_property
    def _by_suffix(self) -> dict[str, str]:
        """Each edited id under its endings from each of its last _SUFFIX_DASHES dashes ("-HASH",
        "-HASH-2"), the first in the file's order: `key` looks an event up once instead of testing
        every edit (a build or diff of thousands of events against a big edits file was quadratic)."""
        out: dict[str, str] = {}
        for key in self.events:
            at = len(key)
            for _ in range(_SUFFIX_DASHES):
                at = key.rfind("-", 0, at)
                if at < 0:
                    break
                out.setdefault(key[at:], key)
        return out

    def find(self, event: Event, versions: bool = False) -> EventEdit | None:
        """The edit of `event`, or None (see `key`)."""
        key = self.key(event, versions)
        return None if key is None else self.events[key]


NO_EDITS = Edits()


def load_edits(path: str | Path) -> Edits:
    """Read an edits file; UserError naming the file and line if it is not one."""
    import yaml

    name = str(path)
    try:
        with open(path, "rb") as f:  # a pipe too (`--edits <(...)`), to its end or the bound
            data = f.read(EDITS_LIMIT + 1)
        if len(data) > EDITS_LIMIT:
            raise UserError(f"{name}: over the limit of {EDITS_LIMIT:,} bytes for an edits file")
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise UserError(f"{name}: edits file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{name}: cannot read the edits file ({exc.__class__.__name__})") from None
    try:
        root = yaml.compose(text, Loader=_loader())
    except RecursionError:
        raise UserError(f"{name}: nested too deeply to be an edits file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{file_line(text, mark)}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise UserError(f"{name}{where}: {problem}") from None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if root is None:
        return Edits(path=name, digest=digest)
    return dataclasses.replace(_Reader(name, text).edits(root), digest=digest)


@cache
def _loader() -> type:
    """YAML's safe loader, except that an alias (`- *first`) composes to a shallow copy of the
    node it names carrying the alias's own line: a problem with the repetition (an addition given
    twice) is reported where it is repeated, not at the anchor. The copy shares the node's
    children, so a file of many aliases costs no more than before."""
    import copy

    import yaml

    class Loader(yaml.SafeLoader):
        def compose_node(self, parent: object, index: object) -> object:
            if not self.check_event(yaml.AliasEvent):
                return super().compose_node(parent, index)
            mark = self.peek_event()
            node = copy.copy(super().compose_node(parent, index))
            node.start_mark, node.end_mark = mark.start_mark, mark.end_mark
            return node

    return Loader


def folder_edits(sources: Sequence[str]) -> Edits:
    """The edits of a build: the `edits.yml` at the top of its source folders (one error if two
    folders edit the same event or day), or none."""
    found = [load_edits(p) for p in (Path(s) / EDITS_FILE for s in sources if Path(s).is_dir()) if _is_edits(p)]
    if not found:
        return NO_EDITS
    if len(found) == 1:
        return found[0]
    events: dict[str, EventEdit] = {}
    days: dict[str, EventEdit] = {}
    for edits in found:
        for into, items, what in ((events, edits.events, "event"), (days, edits.days, "day")):
            for key, value in items.items():
                if key in into:
                    raise UserError(f"{edits.path}: the {what} {key!r} is edited in another {EDITS_FILE} too")
                into[key] = value
    added: set[tuple[str, str]] = set()
    for edits in found:
        for a in edits.add:
            if (a.date, a.text) in added:
                raise UserError(f"{edits.path}: {_added_twice(a)} (in another {EDITS_FILE} too)")
            added.add((a.date, a.text))
    return Edits(" and ".join(e.path for e in found), events, tuple(a for e in found for a in e.add), days,
                 hashlib.sha256("".join(e.digest for e in found).encode()).hexdigest())


def _is_edits(path: Path) -> bool:
    """Whether a folder has its edits file; one that is there but no file (a link to a file moved, a
    folder, a named pipe the build would wait on) is one error naming it, never passed over unsaid."""
    if path.is_file():
        return True
    if path.is_symlink() and not path.exists():
        raise UserError(f"{path}: edits file not found (a link to nowhere)")
    if path.exists():
        what = "a directory" if path.is_dir() else "not a regular file"
        raise UserError(f"{path}: cannot read the edits file ({what})")
    return False


def _added_twice(addition: Addition) -> str:
    return (f"the event {addition.text[:60]!r} is added twice on {addition.date} (an addition is known by "
            "its date and text: give it once)")


class _Reader:
    """Validates the composed YAML nodes, so every problem names its line."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text  # the file's, so a line is the file's line (file_line)

    def fail(self, node: object, problem: str) -> UserError:
        mark = getattr(node, "start_mark", None)
        where = f":{file_line(self.text, mark)}" if mark is not None else ""
        return UserError(f"{self.path}{where}: {problem}")

    def mapping(self, node: object, what: str) -> list[tuple[object, object]]:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        return list(node.value)

    def scalar(self, node: object, what: str) -> str:
        import yaml

        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{what} must be a single value")
        # YAML's escapes ("\\e[31m", "\\x00", "\\ud800") write what no page, table, drawing or
        # terminal may get: controls are removed and a lone surrogate is U+FFFD, as in articles
        return clean_text(str(node.value))

    def edits(self, root: object) -> Edits:
        events: dict[str, EventEdit] = {}
        add: list[Addition] = []
        added: set[tuple[str, str]] = set()  # an addition's id is a hash of its date and text: each once
        days: dict[str, EventEdit] = {}
        for key_node, value in self.mapping(root, "the edits file"):
            key = self.scalar(key_node, "a top-level key")
            if key == "events":
                if self.is_null(value):
                    continue
                for id_node, edit_node in self.mapping(value, "events"):
                    eid = self.scalar(id_node, "an event id").strip()
                    if not eid:
                        raise self.fail(id_node, "an empty event id")
                    if eid in events:
                        raise self.fail(id_node, f"the event {eid!r} is edited twice")
                    events[eid] = self.event_edit(edit_node, eid)
            elif key == "days":
                if self.is_null(value):
                    continue
                for day_node, edit_node in self.mapping(value, "days"):
                    day = self.scalar(day_node, "a day").strip()
                    if _interval(day) is None:
                        raise self.fail(day_node, f"the day {day!r} is not a TIMEX3 date value on the calendar")
                    if day in days:
                        raise self.fail(day_node, f"the day {day!r} is edited twice")
                    days[day] = self.event_edit(edit_node, day, _DAY_KEYS)
            elif key == "add":
                if self.is_null(value):
                    continue
                import yaml

                if not isinstance(value, yaml.SequenceNode):
                    raise self.fail(value, "add must be a list of events")
                for item in value.value:
                    addition = self.addition(item)
                    if (addition.date, addition.text) in added:
                        raise self.fail(item, _added_twice(addition))
                    added.add((addition.date, addition.text))
                    add.append(addition)
            else:
                raise self.fail(key_node, f"unknown key {key!r} (expected events, add or days)")
        return Edits(self.path, events, tuple(add), days)

    @staticmethod
    def is_null(node: object) -> bool:
        import yaml

        return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")

    def fields(self, node: object, allowed: Sequence[str], what: str) -> dict[str, tuple[str, object]]:
        out: dict[str, tuple[str, object]] = {}
        for key_node, value in self.mapping(node, what):
            key = self.scalar(key_node, "a field name")
            if key not in allowed:
                raise self.fail(key_node, f"unknown field {key!r} in {what} (expected {', '.join(allowed)})")
            out[key] = (self.scalar(value, key), value)
        return out

    def value(self, fields: dict[str, tuple[str, object]], key: str, *, date: bool = False) -> str | None:
        if key not in fields:
            return None
        text, node = fields[key]
        text = text.strip()
        if not text:
            raise self.fail(node, f"{key} is empty")
        if date and _interval(text) is None:
            raise self.fail(node, f"{key} {text!r} is not a TIMEX3 date value on the calendar (e.g. 2025-10-14, "
                                  "2025-10, 2025)")
        if key == "status":
            from timeline.meta import STATUSES

            if text not in STATUSES:
                raise self.fail(node, f"status {text!r} is not one of {', '.join(STATUSES)}")
        return text

    def until(self, fields: dict[str, tuple[str, object]]) -> str | None:
        """The `until` of an edit: a date value that ends no earlier than the edit's `date` begins."""
        until = self.value(fields, "until", date=True)
        date = self.value(fields, "date", date=True)
        if until is not None and date is not None:
            start, end = _interval(date), _interval(until)
            if start is not None and end is not None and (end[1] <= start[0]  # type: ignore[operator]
                                                          or _earlier_clock(until, date)):
                raise self.fail(fields["until"][1], f"until {until!r} ends before date {date!r} begins")
        return until

    def event_edit(self, node: object, eid: str, keys: Sequence[str] = _EVENT_KEYS) -> EventEdit:
        fields = self.fields(node, keys, f"the edit of {eid}")
        drop = False
        if "drop" in fields:
            text, where = fields["drop"]
            if text.lower() not in _TRUE + _FALSE:
                raise self.fail(where, f"drop must be true or false, not {text!r}")
            drop = text.lower() in _TRUE
        edit = EventEdit(drop=drop, date=self.value(fields, "date", date=True),
                         until=self.until(fields), headline=self.value(fields, "headline"),
                         note=self.value(fields, "note"), status=self.value(fields, "status"))
        if edit == EventEdit():
            raise self.fail(node, f"the edit of {eid} changes nothing (give {', '.join(keys)})")
        given = [k for k in keys if k != "drop" and k in fields]
        if drop and given:  # which one the editor meant is theirs to say: a drop silently lost the rest
            raise self.fail(node, f"the edit of {eid} drops it and gives {', '.join(given)} too: "
                                  "drop it or edit it, not both")
        return edit

    def addition(self, node: object) -> Addition:
        fields = self.fields(node, _ADD_KEYS, "an added event")
        for required in ("date", "text"):
            if required not in fields:
                raise self.fail(node, f"an added event needs {required}")
        date, text = self.value(fields, "date", date=True), self.value(fields, "text")
        assert date is not None and text is not None
        return Addition(date=date, text=" ".join(text.split()), until=self.until(fields),
                        headline=self.value(fields, "headline"), note=self.value(fields, "note"),
                        status=self.value(fields, "status"), source=self.value(fields, "source"),
                        url=self.value(fields, "url"))


_CLOCK = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d(?::\d\d)?)")


def _earlier_clock(until: str, date: str) -> bool:
    """Whether `until` is a clock time before `date`'s on the same day ("T09:00" until "T10:00"):
    the calendar's intervals are days, so only the clocks can tell."""
    a, b = _CLOCK.match(until), _CLOCK.match(date)
    return a is not None and b is not None and a[1] == b[1] and f"{a[2]}:00"[:8] < f"{b[2]}:00"[:8]


def _interval(value: str) -> tuple[object, object, str] | None:
    from timeline import calendar

    return calendar.interval(value)


def _redate(event: Event, value: str) -> Event:
    from timeline import calendar

    place = calendar.interval(value)
    assert place is not None  # checked when the file was read
    start, end, granularity = place
    return dataclasses.replace(event, date=value, start=start, end=end, granularity=granularity,
                               label=calendar.label(value), mod=None, anchor="editor", ongoing=False)


def _edited(event: Event, edit: EventEdit) -> Event:
    changed: list[str] = []
    if edit.date is not None and edit.date != event.date:
        event = _redate(event, edit.date)
        changed.append("date")
    if edit.until is not None and edit.until != event.until:
        event = dataclasses.replace(event, until=edit.until, ongoing=False)
        place = _interval(edit.until)
        if place is not None and place[1] > event.end:  # type: ignore[operator]
            event = dataclasses.replace(event, end=place[1])  # type: ignore[arg-type]
        changed.append("until")
    for name in ("headline", "note", "status"):
        new = getattr(edit, name)
        if new is not None and new != getattr(event, name):
            event = dataclasses.replace(event, **{name: new})
            changed.append(name)
    if not changed:
        return event
    return dataclasses.replace(event, edited=tuple(dict.fromkeys((*event.edited, *changed))))


def added_event(addition: Addition) -> Event:
    """The Event of an addition: its id is a hash of date and text, so it is stable too."""
    from timeline import calendar

    place = calendar.interval(addition.date)
    assert place is not None
    start, end, granularity = place
    if addition.until is not None:
        until = calendar.interval(addition.until)
        if until is not None and until[1] > end:
            end = until[1]
    digest = hashlib.sha1(f"{addition.date}\x1f{addition.text}".encode()).hexdigest()[:8]
    return Event(id=f"edit-{digest}", article="", sentence=0, text=addition.text, phrase="", offset=(0, 0),
                 date=addition.date, start=start, end=end, granularity=granularity,
                 label=calendar.label(addition.date), until=addition.until, anchor="editor",
                 status=addition.status or "reported", headline=addition.headline, note=addition.note,
                 edited=("added",), cite=addition.source, cite_url=addition.url)


def apply(events: Iterable[Event], edits: Edits, *, add: bool = True, versions: bool = False) -> list[Event]:
    """`events` with the editor's edits: dropped ones gone, edited ones changed and marked in
    `edited`, and (with `add`) the editor's additions at the end. With `versions`, an edit also
    applies to the same sentence in another version of its article (`Edits.find`). Order is the
    caller's to make."""
    if not edits:
        return list(events)
    out: list[Event] = []
    for event in events:
        edit = edits.find(event, versions)
        if edit is None:
            out.append(event)
        elif not edit.drop:
            out.append(_edited(event, edit))
    if add:
        out.extend(added_event(a) for a in edits.add)
    return out


def edit_timeline(timeline: Timeline, edits: Edits, *, versions: bool = False) -> Timeline:
    """A Timeline with the edits applied and its events put back in chronological order."""
    from timeline.chronology import order_key

    if not edits:
        return timeline
    rank = {a.id: i for i, a in enumerate(timeline.articles)}
    events = sorted(apply(timeline.events, edits, versions=versions), key=lambda e: order_key(e, rank))
    return dataclasses.replace(timeline, events=tuple(events))


def edit_results(results: Sequence[Any], edits: Edits, *, versions: bool = False) -> list[Any]:
    """Processed articles (pipeline.ArticleResult) with the edits applied to each one's events (in
    text order, as `process` leaves them); the additions belong to no article: `additions()`.
    With `versions`, an edit also applies to the same sentence in another version (`Edits.key`)."""
    if not edits.events:
        return list(results)
    out = []
    for r in results:
        events = apply(r.events, edits, add=False, versions=versions)
        out.append(r if len(events) == len(r.events) and all(a is b for a, b in zip(events, r.events, strict=True))
                   else dataclasses.replace(r, events=tuple(events)))
    return out


def additions(edits: Edits) -> list[Event]:
    """The events the editor added, in the file's order."""
    return [added_event(a) for a in edits.add]
