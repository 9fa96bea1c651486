using CliWrap;
using CliWrap.Buffered;
using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Acceptance;

/// <summary>
/// Issue 15's acceptance run through the library API, over the public Go monorepos in ../shared/corpus or $GMB_CORPUS
/// (skipped where they are absent, as in a user's clone): each snapshot, unpacked by its own <c>unpack</c> script, loads with
/// services and without a whole-run error, and each case of benchmarks/corpus-cases.tsv (an edit committed on top)
/// affects exactly the services written down from reading the code. benchmarks/corpus-acceptance.sh runs the same
/// cases through ./build.sh and writes the timings to BENCHMARKS.md.
/// </summary>
public class CorpusAcceptanceTests
{
    static readonly string CasesFile = Path.Combine(RealBuild.RepositoryRoot, "benchmarks", "corpus-cases.tsv");

    /// <param name="ExpectedBlocked">Services the edit breaks ("blocked:a,b" in the file): blocked, and affected by the change.</param>
    /// <param name="KnownGap">Why the tool differs from the expected set today (the file's optional sixth column, "known:&lt;why&gt;").</param>
    sealed record Case(string Snapshot, string Services, string Name, string Edit, IReadOnlyList<string> Expected, IReadOnlyList<string> ExpectedBlocked,
        string? KnownGap);

    static IReadOnlyList<string> Names(string text) => text is "-" or "" ? [] : text.Split(',');

    static IReadOnlyList<Case> Cases() => File.ReadAllLines(CasesFile)
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .Select(f => (Fields: f, Expected: f[4].Split(" blocked:")))
        .Select(x => new Case(x.Fields[0], x.Fields[1], x.Fields[2], x.Fields[3], Names(x.Expected[0]), x.Expected.Length > 1 ? Names(x.Expected[1]) : [],
            x.Fields.Length > 5 && x.Fields[5].StartsWith("known:", StringComparison.Ordinal) ? x.Fields[5][6..] : null))
        .ToList();

    public static TheoryData<string> Snapshots() => new(Cases().Select(c => c.Snapshot).Distinct());

    [Theory]
    [MemberData(nameof(Snapshots))]
    public async Task Every_snapshot_loads_and_each_committed_edit_affects_the_services_read_from_its_code(string snapshot)
    {
        var cases = Cases().Where(c => c.Snapshot == snapshot).ToList();
        var globs = cases[0].Services.Split(',');
        var temp = Directory.CreateTempSubdirectory("gmb-corpus-").FullName;
        try
        {
            var repo = (await Corpus.UnpackAsync(snapshot, temp)).Split('\n')[^1];
            await Git(repo, "git", "config", "gc.auto", "0"); // no background gc racing the clean-up

            var model = GoWorkspace.Load(repo, globs, cancellationToken: TestContext.Current.CancellationToken);
            Assert.NotEmpty(model.Services);

            var mismatches = new List<string>();
            foreach (var c in cases)
            {
                await Git(repo, "bash", "-c", c.Edit + " && git add -A && git -c user.name=corpus -c user.email=corpus@example.invalid " +
                                             $"-c commit.gpgsign=false commit -qm 'corpus case {c.Name}'");
                var request = new AffectedRequest(repo, globs).WithBase("HEAD~1").WithHead("HEAD");
                var result = await new AffectedAnalysis().RunAsync(request, () => GoWorkspace.Load(repo, globs), TestContext.Current.CancellationToken);
                var actual = result.Services.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
                if (!actual.SequenceEqual(c.Expected) && c.KnownGap is not null)
                    TestContext.Current.SendDiagnosticMessage($"{snapshot} {c.Name}: known gap, got [{string.Join(",", actual)}]: {c.KnownGap}");
                else if (!actual.SequenceEqual(c.Expected))
                    mismatches.Add($"{c.Name}: expected [{string.Join(",", c.Expected)}], got [{string.Join(",", actual)}]");
                var blocked = result.AffectedBlockedServices.Select(b => b.Name).Order(StringComparer.Ordinal).ToList();
                if (!blocked.SequenceEqual(c.ExpectedBlocked))
                    mismatches.Add($"{c.Name}: expected blocked and affected [{string.Join(",", c.ExpectedBlocked)}], got " +
                                   $"[{string.Join("; ", result.AffectedBlockedServices.Select(b => $"{b.Name}: {b.Problem}"))}]");
                await Git(repo, "git", "reset", "-q", "--hard", "HEAD~1");
            }
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); }
            catch (IOException) { } // a temp folder: a git process still finishing must not fail the acceptance run
        }
    }

    static Task<BufferedCommandResult> Git(string repo, string program, params string[] arguments) =>
        Cli.Wrap(program).WithArguments(arguments).WithWorkingDirectory(repo).ExecuteBufferedAsync(TestContext.Current.CancellationToken);
}
