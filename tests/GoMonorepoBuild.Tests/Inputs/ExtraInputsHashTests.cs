using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Workspace;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Inputs;

/// <summary>A service's extra inputs (files read at run time) in its input hash, on real files.</summary>
public sealed class ExtraInputsHashTests : IDisposable
{
    readonly TempTree tree = new();

    public ExtraInputsHashTests() => TemplatesMonorepo.WriteTo(tree.Root);

    public void Dispose() => tree.Dispose();

    string HashOf(string service)
    {
        var model = GoWorkspace.Load(tree.Root, TemplatesMonorepo.Options);
        // Fresh digests per call: ContentDigests remembers what it has read.
        return ServiceInputHash.Compute(model.Service(service)!.ImageInputs, new ContentDigests(tree.Root), "FROM scratch\n", [], ["linux/amd64"], "sha256:b").Value;
    }

    [Fact]
    public void Editing_adding_or_deleting_a_template_changes_the_input_hash_and_an_unmatched_file_does_not()
    {
        var (frontend, api) = (HashOf("frontend"), HashOf("api"));

        tree.Write("services/frontend/static/notes.txt", "edited, still not shipped\n");
        Assert.Equal(frontend, HashOf("frontend"));

        tree.Write("services/frontend/templates/home.html", "<h1>edited</h1>\n");
        var edited = HashOf("frontend");
        Assert.NotEqual(frontend, edited);

        tree.Write("services/frontend/templates/new.html", "<p>new</p>\n");
        var added = HashOf("frontend");
        Assert.NotEqual(edited, added);

        File.Delete(Path.Combine(tree.Root, "shared/motd.txt"));
        Assert.NotEqual(added, HashOf("frontend"));
        Assert.Equal(api, HashOf("api"));
    }
}
