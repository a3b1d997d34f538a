#!/usr/bin/env python3
"""Helper of tools/bench/peers: times whole processes, extracts the floor's SQL, prints the table.

  peers_helper.py time OUT LABEL N [--ok CODES] [--concurrent] -- CMD... [::: CMD...]
      Run CMD once (stdin and stdout /dev/null, stderr kept); append one line to the TSV file
      OUT: label, N, wall seconds, peak RSS in KB. With --concurrent, the commands separated by
      ':::' start together and the run lasts until the last one ends; its RSS is the largest. Wall time is
      measured around fork/exec and wait4(); RSS is ru_maxrss from wait4(), the figure GNU
      time's %M prints, without timing /usr/bin/time's own start. CODES: exit codes that count
      as success, comma separated (default 0).
  peers_helper.py floor-sql LOG OFFSET OUT
      Read the PostgreSQL server log from byte OFFSET (log_statement = all) and write to OUT, one
      per line, every statement it logged, with bound parameters ($1 = NULL ...) put in place of
      their placeholders, so that psql can send the same SQL. Prints how many.
  peers_helper.py table RESULTS
      Print the Markdown table of a run from the TSV file RESULTS: per label and N, the median
      of its runs, every run, the median's ratio to the floor's median, the largest peak RSS.
"""
import os
import re
import statistics
import subprocess
import sys
import time


def run_once(commands):
    """Start every command at once; return (wall seconds, peak RSS KB, exit codes)."""
    start = time.perf_counter()
    with open(os.devnull, "rb") as null_in, open(os.devnull, "wb") as null_out:
        procs = [subprocess.Popen(c, stdin=null_in, stdout=null_out) for c in commands]
        pending = {p.pid: p for p in procs}
        rss, codes = 0, {}
        while pending:
            pid, status, usage = os.wait4(-1, 0)
            if pid not in pending:
                continue
            del pending[pid]
            rss = max(rss, usage.ru_maxrss)
            codes[pid] = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
    for p in procs:
        p.returncode = codes[p.pid]  # reaped above: keep Popen from waiting again
    return wall, rss, [codes[p.pid] for p in procs]


def cmd_time(args):
    out, label, n = args[0], args[1], args[2]
    rest = args[3:]
    ok, concurrent = {0}, False
    while rest and rest[0] != "--":
        if rest[0] == "--ok":
            ok = {int(c) for c in rest[1].split(",")}
            rest = rest[2:]
        elif rest[0] == "--concurrent":
            concurrent, rest = True, rest[1:]
        else:
            sys.exit(f"peers_helper: unknown option {rest[0]}")
    commands, current = [], []
    for word in rest[1:]:
        if word == ":::" and concurrent:
            commands.append(current)
            current = []
        else:
            current.append(word)
    commands.append(current)
    wall, rss, codes = run_once(commands)
    bad = [c for c in codes if c not in ok]
    if bad:
        sys.exit(f"peers_helper: {label} (N={n}) exited with {bad[0]}: {' '.join(commands[0])}")
    with open(out, "a", encoding="utf-8") as f:
        f.write(f"{label}\t{n}\t{wall:.4f}\t{rss}\n")
    print(f"  {label:<8} N={n:<6} {wall:.3f} s  peak RSS {rss / 1024:.1f} MB", flush=True)


LOGGED = re.compile(r"LOG:  (?:statement|execute [^:]*): (.*)$")
PARAMS = re.compile(r"DETAIL:  parameters: (.*)$")
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")


def cmd_floor_sql(args):
    log, offset, out = args[0], int(args[1]), args[2]
    with open(log, "rb") as f:
        f.seek(offset)
        lines = f.read().decode("utf-8", "replace").splitlines()
    statements = []
    for line in lines:
        if line.startswith("\t") and statements:  # a statement's continuation line
            statements[-1] += "\n" + line[1:]
            continue
        if m := LOGGED.search(line):
            statements.append(m.group(1))
        elif (m := PARAMS.search(line)) and statements:
            values = {int(k): v for k, v in PARAM.findall(m.group(1))}
            statements[-1] = re.sub(r"\$(\d+)", lambda p: values.get(int(p.group(1)), p.group(0)), statements[-1])
    if not statements:
        sys.exit("peers_helper: the server log shows no statement (is log_statement honoured?)")
    with open(out, "w", encoding="utf-8") as f:
        for s in statements:
            f.write(s.rstrip().rstrip(";") + ";\n")
    print(len(statements))


ROWS = [
    ("floor", "raw catalog read: psql, strata's statements, output discarded (the floor)"),
    ("floor2", "two raw catalog reads at once (psql on A and on B)"),
    ("inspect", "`strata inspect --url A` (YAML to /dev/null)"),
    ("diff", "`strata diff --from A --to B` (two databases)"),
    ("plan", "`strata plan --url A --schema B.yaml` (YAML from `strata inspect` of B)"),
]


def cmd_table(args):
    runs = {}
    with open(args[0], encoding="utf-8") as f:
        for line in f:
            label, n, wall, rss = line.rstrip("\n").split("\t")
            runs.setdefault((label, int(n)), []).append((float(wall), int(rss)))
    sizes = sorted({n for _, n in runs})
    print("| N tables | what | median (s) | runs (s) | ratio to the floor | peak RSS |")
    print("| ---: | --- | ---: | --- | ---: | ---: |")
    for n in sizes:
        floor = statistics.median(w for w, _ in runs[("floor", n)]) if ("floor", n) in runs else None
        for label, text in ROWS:
            if (label, n) not in runs:
                continue
            walls = [w for w, _ in runs[(label, n)]]
            median = statistics.median(walls)
            rss = max(r for _, r in runs[(label, n)])
            ratio = f"{median / floor:.2f}×" if floor else "-"
            listed = ", ".join(f"{w:.3f}" for w in walls)
            print(f"| {n:,} | {text} | {median:.3f} | {listed} | {ratio} | {rss / 1024:.1f} MB |")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    commands = {"time": cmd_time, "floor-sql": cmd_floor_sql, "table": cmd_table}
    if sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
