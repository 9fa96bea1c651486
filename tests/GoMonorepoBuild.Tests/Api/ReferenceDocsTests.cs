using GoMonorepoBuild.Docs;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Api;

/// <summary>
/// docs/reference.md is generated from the framework's base build, so a new or renamed target or parameter fails
/// here until the reference is regenerated (GMB_UPDATE_DOCS=1) and committed with the change.
/// </summary>
public class ReferenceDocsTests
{
    sealed class DocumentedBuild : MonorepoBuild;

    static string ReferenceFile => Path.Combine(RealBuild.RepositoryRoot, "docs", "reference.md");

    [Fact]
    public void The_committed_reference_lists_every_target_and_parameter_of_the_framework()
    {
        var generated = ReferenceDocument.Generate(new DocumentedBuild());
        if (Environment.GetEnvironmentVariable("GMB_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(ReferenceFile, generated);
            return;
        }
        Assert.True(File.Exists(ReferenceFile), $"{ReferenceFile} is missing: run this test with GMB_UPDATE_DOCS=1 and commit it.");
        Assert.True(File.ReadAllText(ReferenceFile).ReplaceLineEndings("\n") == generated,
            "docs/reference.md is stale: run `GMB_UPDATE_DOCS=1 dotnet test tests/GoMonorepoBuild.Tests --filter FullyQualifiedName~ReferenceDocs` and commit it.");
    }

    [Fact]
    public void The_reference_documents_each_target_parameter_and_overridable_member()
    {
        var generated = ReferenceDocument.Generate(new DocumentedBuild());

        Assert.Contains("| `BuildChanged` | Build the images of the selected services", generated);
        Assert.Contains("| `Services` | `--services` | `SERVICES` | list of text |  | Glob patterns", generated);
        Assert.Contains("| `--plan` |", generated);
        Assert.Matches(@"\| `protected virtual DockerfileOptions DockerfileOptionsFor\(GoService service\)` \| \S", generated);
        Assert.DoesNotContain("| `protected", generated.Split("### BuildBase")[0].Split("## Members")[0]);
    }
}
