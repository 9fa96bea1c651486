using GoMonorepoBuild.Tests.Affected;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// A clone that lacks an object its history names (lost objects, or a snapshot whose old blobs were dropped, as the
/// corpus's loki): the analysis answers without what it does not need, and never shows libgit2's text.
/// </summary>
public class IncompleteCloneTests : IDisposable
{
    readonly TestRepository origin = SampleMonorepo.WriteTo(new TestRepository());
    readonly string clone = Path.Combine(Path.GetTempPath(), "gmb-incomplete-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try { Directory.Delete(clone, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        origin.Dispose();
    }

    [Fact]
    public async Task A_rename_whose_content_the_clone_lacks_counts_as_a_deletion_plus_an_addition_with_a_note_naming_the_object()
    {
        var baseSha = origin.Commit("base");
        // Renamed with an edit, so finding the rename compares the two files' content.
        origin.Delete("libs/auth/token.go")
            .Write("libs/auth/tokens.go", "package auth\n\nfunc Token() string { return \"t2\" }\n").Commit("rename token.go");
        await GitCli.CloneAsync(origin.Root, clone);
        var blob = await GitCli.OutputAsync(clone, "rev-parse", "HEAD:libs/auth/tokens.go");
        await GitCli.LooseObjectsOnlyAsync(clone);
        File.Delete(Path.Combine(clone, ".git", "objects", blob[..2], blob[2..]));

        var run = await InProcessBuild.RunAsync(new AffectedBuild(), clone, ["Affected", "--services", "services/*", "--base", baseSha]);

        var output = run.Output + run.Error;
        Assert.True(run.ExitCode == 0, output);
        Assert.Contains("orders", output);
        Assert.Contains("count as a deletion plus an addition", output);
        Assert.Contains($"git object {blob}", output);
        Assert.Contains("`git fsck`", output);
        Assert.DoesNotContain("cannot read header", output);
    }
}
