using System.Diagnostics;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;

// What computing every service's input hash adds to a run, on a synthetic monorepo of N services committed to git
// (with one modified and one untracked file): digests from git's index (what BuildChanged uses) versus reading
// every input. The workspace model is loaded first and not timed: a run loads it anyway.
// Usage: dotnet run -c Release --project benchmarks/InputHashBenchmark -- [services=500] [runs=5]
var services = args.Length > 0 ? int.Parse(args[0]) : 500;
var runs = args.Length > 1 ? int.Parse(args[1]) : 5;
var root = Directory.CreateTempSubdirectory("gmb-hash-bench-").FullName;
try
{
    var info = SyntheticMonorepo.Write(root, new SyntheticMonorepoOptions(Services: services, Libs: services / 5, PackagesPerModule: 4, FilesPerPackage: 5, FanIn: 3));
    var git = Tool.Named("git").WithWorkingDirectory(root);
    await git.RunAsync(["init", "-q"]);
    await git.RunAsync(["add", "-A"]);
    await git.RunAsync(["-c", "user.name=b", "-c", "user.email=b@example.com", "commit", "-q", "-m", "synthetic"]);
    var model = GoWorkspace.Load(root);
    File.AppendAllText(Path.Combine(root, model.Services[0].SourceFiles[0]), "\n// modified\n");
    File.WriteAllText(Path.Combine(root, "untracked.go"), "package untracked\n");
    Console.WriteLine($"{model.Services.Count} services, {model.Modules.Count} modules, {info.GoFiles} .go files, " +
                      $"{model.Services.Sum(s => s.ImageInputs.Count)} service inputs in all; {Environment.ProcessorCount} cores");

    var dockerfile = new string('x', 2048);
    string HashAll(IFileDigests digests) =>
        string.Concat(model.Services.Select(s => ServiceInputHash.Compute(s.ImageInputs, digests, dockerfile + s.Name, [], [], "sha256:builder").Value[..2]));

    Measure("digests from git's index + status, then 500 hashes (BuildChanged's way)", () => HashAll(GitIndexDigests.For(root)));
    Measure("digests by reading every input file, then the hashes", () => HashAll(new ContentDigests(root)));
    if (HashAll(GitIndexDigests.For(root)) != HashAll(new ContentDigests(root))) throw new Exception("the two ways disagree");
    Console.WriteLine("both ways give the same hashes");

    void Measure(string what, Func<string> action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"| {what} | {times[times.Count / 2]:0} ms | {times[0]:0} ms | {times[^1]:0} ms |");
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}
