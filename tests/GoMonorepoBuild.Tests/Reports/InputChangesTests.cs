using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

public sealed class InputChangesTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("gmb-inputs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void Editing_adding_and_deleting_files_shows_as_modified_added_and_removed()
    {
        Write("svc/go.mod", "module svc\n");
        Write("svc/main.go", "package main\n");
        Write("svc/old.go", "package main\n");
        var before = InputDigests.FromFolder(_root, ["svc/go.mod", "svc/main.go", "svc/old.go"]);
        var previous = new ServiceReport("svc", "svc", ServiceStatus.Built) { Inputs = before };

        Write("svc/main.go", "package main\n\nfunc main() {}\n");
        Write("svc/new.go", "package main\n");
        File.Delete(Path.Combine(_root, "svc/old.go"));
        var now = InputDigests.FromFolder(_root, ["svc/go.mod", "svc/main.go", "svc/new.go", "svc/old.go"]);
        var changes = InputChanges.Since(previous, now)!;

        Assert.Equal(["svc/new.go"], changes.Added);
        Assert.Equal(["svc/main.go"], changes.Modified);
        Assert.Equal(["svc/old.go"], changes.Removed);
        Assert.Equal("svc/new.go (added), svc/main.go (modified) and 1 more", changes.Describe(max: 2));
    }

    [Fact]
    public void Digests_are_gits_blob_ids_of_the_content_sorted_by_path_whichever_way_they_are_read()
    {
        Write("b.go", "b");
        Write("a.go", "");
        var digests = InputDigests.FromFolder(_root, ["b.go", "a.go", "b.go"]);

        Assert.Equal(["a.go", "b.go"], digests.Keys);
        Assert.Equal("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", digests["a.go"]);
        Assert.Equal(digests, InputDigests.Compute(["a.go", "b.go"], p => new MemoryStream(File.ReadAllBytes(Path.Combine(_root, p)))));
    }

    [Fact]
    public void Unchanged_inputs_compare_empty_and_a_row_without_recorded_inputs_cannot_be_compared()
    {
        Write("svc/main.go", "package main\n");
        var digests = InputDigests.FromFolder(_root, ["svc/main.go"]);

        Assert.True(InputChanges.Since(new ServiceReport("svc", "svc", ServiceStatus.Built) { Inputs = digests }, digests)!.IsEmpty);
        Assert.Null(InputChanges.Since(new ServiceReport("svc", "svc", ServiceStatus.Built), digests));
        Assert.Null(InputChanges.Since(null, digests));
    }
}
