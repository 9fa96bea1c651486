#!/usr/bin/env python3
"""A stand-in for the few hyperfine options the benchmark scripts use, where hyperfine is not installed:
--runs N, --warmup N, --export-json FILE, --style (ignored), --prepare CMD (for the command after it),
--command-name NAME, and the commands. Unlike hyperfine it takes the commands in turn run by run (A B A B ...),
so a busy machine's load falls on each alike. Writes hyperfine's JSON shape (results: command, mean, stddev, median,
times) and prints one line per command."""
import json, statistics, subprocess, sys, time

args = sys.argv[1:]
runs, warmup, export, commands = 10, 0, None, []
prepare = name = None
i = 0
while i < len(args):
    a = args[i]
    if a in ("--runs", "--warmup", "--export-json", "--style", "--prepare", "--command-name"):
        value = args[i + 1]; i += 2
        if a == "--runs": runs = int(value)
        elif a == "--warmup": warmup = int(value)
        elif a == "--export-json": export = value
        elif a == "--prepare": prepare = value
        elif a == "--command-name": name = value
        continue
    commands.append({"command": name or a, "run": a, "prepare": prepare, "times": []})
    prepare = name = None; i += 1

def sh(cmd):
    subprocess.run(["bash", "-c", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)

for _ in range(warmup):
    for c in commands: sh(c["run"])
for _ in range(runs):
    for c in commands:
        if c["prepare"]: sh(c["prepare"])
        started = time.perf_counter(); sh(c["run"]); c["times"].append(time.perf_counter() - started)
results = [{"command": c["command"], "mean": statistics.mean(c["times"]), "median": statistics.median(c["times"]),
            "stddev": statistics.stdev(c["times"]) if len(c["times"]) > 1 else None, "times": c["times"]} for c in commands]
for r in results: print(f"{r['command']}: median {r['median']:.3f} s, mean {r['mean']:.3f} s over {len(r['times'])} runs")
if export:
    with open(export, "w") as f: json.dump({"results": results}, f)
