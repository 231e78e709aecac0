"""Time `quotes extract` and `quotes build` over a corpus folder: MB/s and peak memory.

Each command runs as its own process. Wall time includes start-up; MB are the corpus's bytes
on disk (10**6 bytes). Peak memory is the high-water mark of the summed resident memory of the
command and every process it starts (sampled every 50 ms from /proc), so `--jobs 2` counts the
writer and both workers; the kernel's own figure for the largest single process
(ru_maxrss from wait4, the largest of the process and its workers) is printed beside it.

CPU time is printed too, as wall time on a machine shared with other work mostly measures the
others: the command's own (for `build`, the writer, read from /proc/PID/stat at the last sample)
and the total with its workers (wait4). From them, `free cores` estimates the rate on `--cores`
otherwise idle cores: MB / max(own CPU, total CPU / cores), as the writer cannot be split.

    python benchmarks/run.py /tmp/corpus25 --jobs 1 2
    python benchmarks/run.py /tmp/corpus25 --only build --jobs 2 --db /tmp/bench.db
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from quotes.documents import iter_files

QUOTES = Path(sys.executable).with_name("quotes")
PAGE = os.sysconf("SC_PAGE_SIZE")


TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Result:
    name: str
    command: str
    megabytes: float
    seconds: float
    peak_tree_mb: float
    peak_process_mb: float
    exit_code: int
    own_cpu: float
    total_cpu: float
    cores: int

    @property
    def rate(self) -> float:
        return self.megabytes / self.seconds

    @property
    def free_cores_rate(self) -> float:
        """MB/s if the command had `cores` idle cores: the writer alone, or all the work shared out."""
        return self.megabytes / max(self.own_cpu, self.total_cpu / self.cores)

    def line(self) -> str:
        return (
            f"{self.name:18} {self.megabytes:8.1f} MB {self.seconds:8.1f} s {self.rate:6.2f} MB/s  "
            f"peak {self.peak_tree_mb:6.0f} MB (largest process {self.peak_process_mb:.0f} MB)  exit {self.exit_code}\n"
            f"{'':18} CPU {self.own_cpu:.1f} s own, {self.total_cpu:.1f} s with workers: "
            f"{self.free_cores_rate:.2f} MB/s on {self.cores} free cores"
        )


def corpus_megabytes(folder: Path) -> float:
    """The corpus size, summed while walking: a list of every file (rglob's) would raise this process's
    high-water mark, which the commands it starts inherit and report as their own."""
    return sum(path.stat().st_size for path in iter_files([folder])) / 1e6


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                ppid = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of one process so far, from /proc; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (workers, a fork server and its workers)."""
    tree, todo, found = _children(), [pid], []
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(tree.get(current, ()))
    return found


def tree_rss(pids: list[int]) -> int:
    """Resident bytes of these processes."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def measure(name: str, argv: list[str], megabytes: float, cores: int) -> Result:
    """Run argv to completion (stdout discarded) and sample its memory and CPU time meanwhile."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
        peak = 0
        own_cpu = 0.0
        tree_cpu: dict[int, float] = {}  # every process of the tree, last CPU seen (workers the build does not wait for too)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak, own_cpu
            while not done.is_set():
                pids = descendants(process.pid)
                peak = max(peak, tree_rss(pids))
                for pid in pids:
                    tree_cpu[pid] = cpu_seconds(pid) or tree_cpu.get(pid, 0.0)
                own_cpu = tree_cpu.get(process.pid, own_cpu)
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        if process.returncode:
            err.seek(0)
            sys.stderr.write(err.read().decode(errors="replace")[-2000:])
    largest = usage.ru_maxrss / 1024  # KiB on Linux
    waited = usage.ru_utime + usage.ru_stime  # the process and the workers it waited for
    total_cpu = max(waited, sum(tree_cpu.values()))  # a fork server's workers are not waited for by it
    return Result(
        name, " ".join(argv), megabytes, seconds, peak / 1e6, largest, process.returncode,
        own_cpu, total_cpu, cores,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--only", choices=["extract", "build"])
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/bench.db"))
    parser.add_argument("--json", type=Path, help="Append the results as JSON lines here.")
    parser.add_argument("--cores", type=int, default=os.cpu_count(), help="Free cores to estimate the rate for.")
    args = parser.parse_args(argv)
    megabytes = corpus_megabytes(args.corpus)
    results = []
    if args.only in (None, "extract"):
        results.append(measure("extract", [str(QUOTES), "extract", str(args.corpus)], megabytes, args.cores))
        print(results[-1].line(), flush=True)
    if args.only in (None, "build"):
        args.db.parent.mkdir(parents=True, exist_ok=True)
        for jobs in args.jobs:
            for stale in args.db.parent.glob(args.db.name + "*"):
                stale.unlink()
            command = [str(QUOTES), "build", str(args.corpus), "--db", str(args.db), "--jobs", str(jobs)]
            results.append(measure(f"build --jobs {jobs}", command, megabytes, args.cores))
            print(results[-1].line(), flush=True)
    if args.json:
        with args.json.open("a") as out:
            for result in results:
                record = asdict(result) | {"rate": result.rate, "free_cores_rate": result.free_cores_rate}
                out.write(json.dumps(record | {"cpu": os.cpu_count()}) + "\n")
    return 1 if any(r.exit_code for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
