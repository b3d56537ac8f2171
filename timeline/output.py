"""Writing outputs safely: whole or not at all, never over a file that is not entirely timeline's own
output, never replacing a device, a pipe or a symlink; and CSV cells a spreadsheet will not run.

Which files are timeline's: each folder that `-o` writes a file into gets a small record,
`.timeline-outputs`, holding for every file written there the SHA-256 and size of the bytes
written. A file counts as timeline's only while it is byte for byte what the record says: a file
the user edited, appended to (`timeline extract -f mermaid >> report.md`) or wrote themselves is
theirs, and `-o` refuses it without `--force`. A signature inside the output (the old rule) cannot
tell a user's report that quotes or appends timeline output from timeline's own file; a hash
embedded in a signature line could, but would change every format's bytes, and CSV, JSON and
`timeline tag`'s JSON array have no place for it. The record leaves every output as it was
(deterministic, the same bytes as on stdout) and works the same for every format.

What `-o PATH` does, by what PATH is (symlinks followed: writing through a symlink the user
named is their choice; the symlink itself is never replaced):
- nothing there: the file is created (through a temporary file in the same folder, then renamed);
- a regular file: replaced the same way (keeping its permissions) if it is timeline's own output
  or empty, else refused unless `force`; never an input of the command;
- a character device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe): opened and
  written to, never read and never replaced; a write error (`/dev/full`) is an OutputError;
- a directory or a block device: refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Container, Iterator
from pathlib import Path
from typing import BinaryIO

from timeline.bidi import no_bidi
from timeline.errors import OutputError

__all__ = ["RECORD", "atomic_write", "check_parent", "recorded_outputs", "remove_stale_temps", "spreadsheet_safe",
           "streamed_output", "temp_name", "write_output", "written_by_timeline"]

#: The record of the files `-o` wrote into a folder (name -> sha256 and size of the bytes written).
RECORD = ".timeline-outputs"
_ABOUT = ("The files timeline wrote into this folder with -o: the SHA-256 and size of what it wrote. "
          "A file that differs from its entry was changed after timeline wrote it, and -o will not "
          "replace it without --force.")

# Cells a spreadsheet would read as a formula (or that some read as one after a tab or a CR).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """`value` made a text cell that Excel, LibreOffice and Google Sheets show and never evaluate.

    A value starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
    (OWASP's advice against CSV injection); that includes numbers such as "-5", since every cell
    timeline writes is text. Bidi overrides and isolates are dropped (timeline.bidi: an RLO would
    reverse the rest of the cell). Anything else is returned unchanged.
    """
    value = no_bidi(value)
    return "'" + value if value.startswith(FORMULA_START) else value


# --- the record -----------------------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def regular_sha256(path: Path) -> str | None:
    """SHA-256 of a regular file (not through a symlink, not a device or a pipe); None if there is
    none: what a manifest's entry is checked against before timeline replaces or removes a file."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        return _sha256_file(path)
    except OSError:
        return None


def _load_record(folder: Path) -> dict[str, dict[str, object]] | None:
    """The entries of `folder`'s record; {} when there is none; None when a file of that name
    exists but is not a record timeline wrote (then it is not touched)."""
    path = folder / RECORD
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError):  # RecursionError: nested too deep for the parser
        return None
    if not (isinstance(data, dict) and data.get("generator") == "timeline" and isinstance(data.get("files"), dict)):
        return None
    return {str(k): v for k, v in data["files"].items() if isinstance(v, dict)}


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on `folder` while its record is read and rewritten (where the system has
    flock), so two runs writing into one folder keep both entries."""
    try:
        import fcntl

        fd = os.open(folder, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def one_writer(folder: Path) -> Iterator[None]:
    """Hold `folder` (made now if it is missing and its parent is there) for one writer at a time:
    a second `timeline build` into it waits for the first to finish, then builds on what it wrote.
    Two at once left pages of one build beside the manifest of the other, a stale site that a
    third build called "up to date". A folder made here that the writer left empty is removed."""
    made = False
    try:
        folder.mkdir()
        made = True
    except FileExistsError:
        pass
    except OSError:  # no parent, no permission: the writer says so itself
        yield
        return
    try:
        with _folder_lock(folder):
            yield
    finally:
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty: a build that failed before writing


def _record(real: Path, data: bytes) -> None:
    """Note in the record of `real`'s folder that `real` holds exactly `data`; drop the entries of
    files that are gone or whose size changed."""
    _record_digest(real, hashlib.sha256(data).hexdigest(), len(data))


def _record_digest(real: Path, digest: str, size: int) -> None:
    """`_record` of a file whose SHA-256 and size are known."""
    folder = real.parent
    with _folder_lock(folder):
        entries = _load_record(folder)
        if entries is None:
            raise OutputError(f"{folder / RECORD}: is not timeline's record of its outputs; "
                              f"{real.name} was written but cannot be recorded")
        kept: dict[str, object] = {}
        for name, entry in entries.items():
            try:
                if name != real.name and (folder / name).stat().st_size == entry.get("size"):
                    kept[name] = entry
            except OSError:
                pass
        kept[real.name] = {"sha256": digest, "size": size}
        text = json.dumps({"generator": "timeline", "about": _ABOUT, "files": kept}, indent=1, sort_keys=True)
        atomic_write(folder / RECORD, text + "\n")


def _state(path: Path) -> str:
    """"ours" (exactly what the record says, or the record itself), "changed" (recorded, but its
    bytes differ now) or "theirs" (anything else; a device or a pipe is never read)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return "theirs"
    if not stat.S_ISREG(st.st_mode):
        return "theirs"
    real = Path(os.path.realpath(path))
    entries = _load_record(real.parent)
    if real.name == RECORD:
        return "ours" if entries is not None else "theirs"
    entry = (entries or {}).get(real.name)
    if entry is None:
        return "theirs"
    try:
        same = entry.get("size") == st.st_size and _sha256_file(real) == entry.get("sha256")
    except OSError:
        return "theirs"
    return "ours" if same else "changed"


def written_by_timeline(path: Path) -> bool:
    """Whether `path` is a regular file holding exactly what timeline last wrote there with `-o`
    (its folder's record has its SHA-256 and size), or that record itself: replacing such a file
    loses nothing. Anything else, including a device or a pipe, is never read."""
    return _state(path) == "ours"


def recorded_outputs(folder: Path) -> set[Path]:
    """The files of `folder` that hold exactly what `-o` last wrote there (its record says so):
    timeline's outputs, which a folder of articles does not read back as articles."""
    return {folder / name for name in (_load_record(folder) or {}) if _state(folder / name) == "ours"}


# --- writing --------------------------------------------------------------------------------------


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- temporary files ------------------------------------------------------------------------------
#
# Every temporary file (or staging folder) timeline makes is named `.tlPID-XXXXXXXX.tmp`: hidden,
# short whatever the target's name (a 250-byte file name still has room), and naming the process
# that made it, so a later run can tell a leftover of a killed run (its process is gone) from the
# work of a run still going, and removes only those. Timeline before this scheme named them
# `.TARGET.PID-N.tmp`; those are removed too, beside a TARGET timeline made.

_TEMP_RE = re.compile(r"\.tl([0-9]{1,10})-[0-9a-f]{8}\.tmp")
_LEGACY_TEMP_RE = re.compile(r"\.(.+)\.([0-9]{1,10})-[0-9]{1,20}\.tmp")


# A staging folder may be on a file system shared with other machines, whose process ids this one
# cannot check: it is removed only when also a day old.
_STAGING_AGE = 24 * 3600


def temp_name(pid: int | None = None) -> str:
    """A fresh name for a temporary file or folder of process `pid` (default: this one)."""
    return f".tl{os.getpid() if pid is None else pid}-{secrets.token_hex(4)}.tmp"


def _running(pid: int, since: float | None = None) -> bool:
    """Whether process `pid` may still be the one that wrote a file last changed at `since`
    (seconds since the epoch): it exists and, where the system tells when it started (Linux's
    /proc), it started before then: a process ID the system gave again to a later process is not
    the writer's (on a busy machine IDs come round again)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True  # another user's process, or cannot tell: keep its files
    if since is not None:
        started = _started(pid)
        if started is not None and started > since + 1.0:
            return False
    return True


def _started(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), from /proc; None where it cannot tell."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/stat", encoding="ascii", errors="replace") as fh:
            boot = next(float(line.split()[1]) for line in fh if line.startswith("btime "))
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def stale_temp(name: str, owned: Container[str] = (), since: float | None = None) -> bool:
    """Whether `name` is a temporary file of a timeline run that is no longer running: one of
    timeline's temporary names, made by a process that is gone (`owned`: the names of the files
    timeline made in that folder, beside which the older `.TARGET.PID-N.tmp` names are its own)."""
    m = _TEMP_RE.fullmatch(name)
    if m is None:
        m = _LEGACY_TEMP_RE.fullmatch(name)
        if m is None or m.group(1) not in owned:
            return False
        return not _running(int(m.group(2)), since)
    return not _running(int(m.group(1)), since)


def remove_stale_temps(folder: Path, owned: Container[str] = (), *, keep: Container[str] = ()) -> list[Path]:
    """Remove from `folder` (not below it) the temporary files that killed timeline runs left
    (`stale_temp`); a staging folder is emptied of the files timeline puts there (`keep` are never
    removed) and removed if that empties it. Returns what it removed."""
    removed: list[Path] = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return removed
    for name in names:
        if not name.startswith(".") or name in keep:
            continue
        path = folder / name
        try:
            st = path.lstat()
            if not stale_temp(name, owned, st.st_mtime):
                continue
            if stat.S_ISREG(st.st_mode):
                path.unlink()
                removed.append(path)
            elif stat.S_ISDIR(st.st_mode) and time.time() - st.st_mtime > _STAGING_AGE:
                for inner in sorted(path.iterdir()):
                    if re.fullmatch(r"part-[0-9]{5}\.parquet|\.timeline-events", inner.name) and inner.is_file() \
                            and not inner.is_symlink():
                        inner.unlink()
                path.rmdir()
                removed.append(path)
        except OSError:
            continue
    return removed


def check_parent(path: str | Path) -> None:
    """OutputError when the folder `path` would go into is a file (`-o notes.txt/x.csv`), naming
    both: the write itself fails with "Not a directory", or "File exists" where a folder is made,
    which names neither. The nearest existing ancestor is the one that counts; none is fine."""
    for parent in Path(path).parents:
        if os.path.lexists(parent):
            if not os.path.isdir(parent):
                raise OutputError(f"{path}: cannot write ({parent} is not a folder)")
            return


def write_new(path: str | Path, data: bytes) -> None:
    """Create `path`, which must not exist, holding `data` (permissions: 0o666 less the umask).
    Written straight to the descriptor: a file object would ask the system three more times
    (its kind, whether it is a terminal, where it stands) for each of a site's thousands of pages."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def atomic_write(path: Path, content: str | bytes, *, mode: int | None = None) -> None:
    """Write `content` (text as UTF-8 with "\\n" line ends, or bytes) to `path` through a temporary
    file in the same folder, then rename; the file gets `mode`, else the permissions open() would give it."""
    parent = path.parent
    if not parent.is_dir():
        parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    while True:  # a name of our own, created exclusively (as mkstemp does, with one system call fewer)
        tmp = str(parent / temp_name())
        try:
            write_new(tmp, data)
            break
        except FileExistsError:
            continue
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    try:
        if mode is not None:
            os.chmod(tmp, mode)  # else 0o666 less the umask, as open() would create it
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_into(path: Path, data: bytes) -> None:
    """Write `data` into an existing device, FIFO or socket: opened for writing (a FIFO waits for
    its reader, as a shell's `>` does), never read, truncated or replaced."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BrokenPipeError:
        raise  # the reader went away: the CLI ends quietly, as for stdout
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _is_input(path: Path, inputs: tuple[str, ...]) -> bool:
    for src in inputs:
        if src == "-":
            continue
        try:
            if os.path.samefile(src, path):  # also through symlinks and hard links
                return True
        except (OSError, ValueError):
            if Path(src).resolve() == path.resolve():
                return True
    return False


def write_output(path: Path, content: str | bytes, *, force: bool = False, inputs: tuple[str, ...] = ()) -> None:
    """Write one output the user named with -o (the rules are in this module's docstring): refuse
    an input, a file that is not timeline's own output (unless `force`), a directory, a block
    device or the record; write into a device or pipe; else replace atomically and record it."""
    check_parent(path)
    st = _stat_target(path)
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
    except UnicodeEncodeError as exc:
        raise OutputError(f"{path}: cannot write ({exc.reason} in the output)") from None
    if st is not None and not stat.S_ISREG(st.st_mode):  # nothing is replaced, so it may even be the terminal
        _write_into(path, data)
        return
    real = _check_file_target(path, st, force, inputs)
    try:
        atomic_write(real, data, mode=st.st_mode & 0o777 if st is not None else None)
        _record(real, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _stat_target(path: Path) -> os.stat_result | None:
    """What `path` is now (None: nothing); a directory or a block device is refused."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except (OSError, ValueError) as exc:
        raise OutputError(f"{path}: cannot write ({getattr(exc, 'strerror', None) or exc})") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{path}: is a directory; give a file name to -o")
        if stat.S_ISBLK(st.st_mode):
            raise OutputError(f"{path}: is a block device; -o writes files, pipes and character devices only")
    return st


def _check_file_target(path: Path, st: os.stat_result | None, force: bool, inputs: tuple[str, ...]) -> Path:
    """The real path of a regular (or new) file -o may replace; refuse an input, the record, and a
    file that is not timeline's own output (unless `force`)."""
    if _is_input(path, inputs):
        raise OutputError(f"{path}: is also an input; choose another output file")
    real = Path(os.path.realpath(path))
    if real.name == RECORD:
        raise OutputError(f"{path}: is timeline's record of the files it wrote; choose another output file")
    if st is not None and st.st_size and not force:
        state = _state(real)
        if state == "changed":
            raise OutputError(f"{path}: was changed after timeline wrote it; use --force to replace it")
        if state != "ours":
            raise OutputError(f"{path}: exists and was not written by timeline; use --force to replace it")
    if real.parent.is_dir() and _load_record(real.parent) is None:
        raise OutputError(f"{real.parent / RECORD}: is not timeline's record of its outputs; "
                          "move it away or choose another folder")
    if real.parent.is_dir():  # what killed runs left beside the files -o wrote here
        remove_stale_temps(real.parent, {real.name, RECORD, *(_load_record(real.parent) or {})})
    return real


@contextlib.contextmanager
def streamed_output(path: Path, *, force: bool = False, inputs: tuple[str, ...] = (),
                    finish: Callable[[Path], None] | None = None) -> Iterator[BinaryIO]:
    """`write_output` for an output written piece by piece (`timeline events` of a large corpus):
    the same checks, made before anything is written. A file is written to a temporary file beside
    it, which replaces it (and is recorded) only when the block ends without an error; on any error
    or interruption the temporary file is removed and the old file is left as it was. A device or
    a pipe is written into as the pieces come."""
    st = _stat_target(path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        device = os.fdopen(fd, "wb")
        try:
            yield device
            device.flush()
        except BrokenPipeError:
            raise  # the reader went away: the CLI ends quietly, as for stdout
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        finally:
            with contextlib.suppress(OSError):
                device.close()  # what could not be written was said above
        return
    real = _check_file_target(path, st, force, inputs)
    real.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = real.parent / temp_name()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
            break
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        if finish is not None:  # a last pass over the whole file before it replaces the target
            finish(tmp)
        if st is not None:
            os.chmod(tmp, st.st_mode & 0o777)
        digest, size = _sha256_file(tmp), tmp.stat().st_size
        os.replace(tmp, real)
        _record_digest(real, digest, size)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
