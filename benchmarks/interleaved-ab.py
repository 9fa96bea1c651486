#!/usr/bin/env python3
# Interleaved A/B of whole commands (issue 19 figures in BENCHMARKS.md): each round runs every command once, the order
# reversed every other round, output discarded; prints per command the median, minimum and mean wall time and the median
# user+sys CPU of the process tree (os.wait4). Usage: benchmarks/interleaved-ab.py <rounds> <name>=<command> ...
# (each command split on spaces and run without a shell; its first word is a path to an executable).
import os, sys, time, statistics as st
rounds=int(sys.argv[1]); variants=[a.split('=',1) for a in sys.argv[2:]]
res={n:[] for n,_ in variants}; cpu={n:[] for n,_ in variants}
for r in range(rounds):
    order = variants if r%2==0 else variants[::-1]
    for n,cmd in order:
        t=time.perf_counter()
        pid=os.fork()
        if pid==0:
            fd=os.open('/dev/null',os.O_WRONLY); os.dup2(fd,1); os.dup2(fd,2)
            a=cmd.split(); os.execv(a[0],a)
        _,status,ru=os.wait4(pid,0)
        res[n].append((time.perf_counter()-t)*1000); cpu[n].append((ru.ru_utime+ru.ru_stime)*1000)
        if status!=0: print("FAIL",n)
for n,_ in variants:
    print(f"{n}: wall median {st.median(res[n]):.1f} ms (min {min(res[n]):.1f}, mean {st.mean(res[n]):.1f}), cpu median {st.median(cpu[n]):.1f} ms")
