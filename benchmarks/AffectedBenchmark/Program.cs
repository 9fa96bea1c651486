using System.Diagnostics;
using AffectedBenchmark;
using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Workspace;
using LibGit2Sharp;

// Usage: dotnet run -c Release --project benchmarks/AffectedBenchmark -- [libs services packages files runs]
var a = args.Select(int.Parse).ToArray();
int libs = a.ElementAtOrDefault(0) is > 0 and var l ? l : 400, services = a.ElementAtOrDefault(1) is > 0 and var s ? s : 100;
int packages = a.ElementAtOrDefault(2) is > 0 and var p ? p : 8, files = a.ElementAtOrDefault(3) is > 0 and var f ? f : 5;
int runs = a.ElementAtOrDefault(4) is > 0 and var r ? r : 5;
var root = Path.Combine(Path.GetTempPath(), "gmb-affected-bench-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    var clock = Stopwatch.StartNew();
    var baseSha = await SyntheticRepository.CreateAsync(root, libs, services, packages, files);
    Console.WriteLine($"repository: {libs + services} modules, {(libs + services) * packages * files} .go files, created in {clock.Elapsed.TotalSeconds:F1} s");

    // A committed library change, an unstaged service change, and an untracked file.
    var git = Tool.Named("git").WithWorkingDirectory(root);
    File.AppendAllText(Path.Combine(root, "libs/lib3/p0/f1.go"), "\nfunc Extra() {}\n");
    await git.RunAsync(["-c", "user.name=b", "-c", "user.email=b@e", "commit", "-qam", "lib change"]);
    File.AppendAllText(Path.Combine(root, "services/svc5/p2/f0.go"), "\nfunc Extra() {}\n");
    File.WriteAllText(Path.Combine(root, "services/svc9/p1/new.go"), "package p1\n");

    await Measure("git diff --name-only <base> + git status --porcelain", async () =>
    {
        await git.RunAsync(["diff", "--name-only", baseSha]);
        await git.RunAsync(["status", "--porcelain"]);
    });
    await Measure("LibGit2Sharp RetrieveStatus (untracked included)", () =>
    {
        using var repo = new Repository(root);
        _ = repo.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true }).Count();
        return Task.CompletedTask;
    });
    var resolved = new ResolvedBase(BaseSource.Explicit, baseSha, "--base");
    await Measure("changed files (GitChanges.Compute: tree diff + status)", () =>
    {
        _ = GitChanges.Compute(root, resolved, null);
        return Task.CompletedTask;
    });
    await Measure("workspace model (GoWorkspace.Load)", () =>
    {
        _ = GoWorkspace.Load(root, ["services/*"]);
        return Task.CompletedTask;
    });
    AffectedResult? last = null;
    var loaded = GoWorkspace.Load(root, ["services/*"]);
    await Measure("Affected analysis with the model already loaded (shared with BuildChanged)", async () =>
        last = await new AffectedAnalysis().RunAsync(new AffectedRequest(root, ["services/*"]).WithBase(baseSha),
            () => loaded, CancellationToken.None));
    await Measure("whole Affected analysis (base resolution + changes + model + plan)", async () =>
        last = await new AffectedAnalysis().RunAsync(new AffectedRequest(root, ["services/*"]).WithBase(baseSha),
            () => GoWorkspace.Load(root, ["services/*"]), CancellationToken.None));
    Console.WriteLine($"  affected: {string.Join(", ", last!.Services.Select(x => x.Name))}; changed: {last.ChangedFiles.Count}");

    await Measure("walk the base tree reading every .go blob (no writes)", () =>
    {
        using var repo = new Repository(root);
        long total = 0;
        void Walk(Tree tree)
        {
            foreach (var entry in tree)
                if (entry.Target is Tree sub) Walk(sub);
                else if (entry.Name.EndsWith(".go") && entry.Target is Blob blob) total += blob.GetContentStream().Length;
        }
        Walk(repo.Lookup<Commit>(baseSha).Tree);
        return Task.CompletedTask;
    });
    await Measure("base tree snapshot (TreeSnapshot.Write)", () =>
    {
        using var snapshot = TreeSnapshot.Write(root, baseSha, ".");
        return Task.CompletedTask;
    });
    await Measure("base tree snapshot + GoWorkspace.Load of it", () =>
    {
        using var snapshot = TreeSnapshot.Write(root, baseSha, ".");
        _ = GoWorkspace.Load(snapshot.Folder!, ["services/*"]);
        return Task.CompletedTask;
    });
    File.Delete(Path.Combine(root, "libs/lib7/p3/f2.go"));
    loaded = GoWorkspace.Load(root, ["services/*"]);
    await Measure("Affected analysis with a deletion (snapshots the base tree and loads its model; head model loaded)", async () =>
        last = await new AffectedAnalysis().RunAsync(new AffectedRequest(root, ["services/*"]).WithBase(baseSha),
            () => loaded, CancellationToken.None));
    Console.WriteLine($"  affected: {string.Join(", ", last!.Services.Select(x => x.Name))}; changed: {last.ChangedFiles.Count}");
}
finally
{
    Directory.Delete(root, recursive: true);
}

async Task Measure(string name, Func<Task> action)
{
    await action(); // warm-up: JIT, page cache
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"| {name} | {times[times.Count / 2]:F0} ms | {times[0]:F0} ms | {times[^1]:F0} ms |");
}
