using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Dockerfiles;

public sealed class ContextStagerTests : IDisposable
{
    readonly BuildxHelloMonorepo _repo = new();
    readonly DockerfilesScratchFolder _out = new();

    string Context => Path.Combine(_out.Path, "hello", "context");

    string[] StagedFiles() => Directory.EnumerateFiles(Context, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Context, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_context_holds_exactly_the_service_inputs_with_module_files_and_sources_in_their_own_trees()
    {
        var staged = ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            ["modules/libs/greet/go.mod", "modules/services/hello/go.mod", "sources/libs/greet/greet.go", "sources/services/hello/main.go"],
            StagedFiles());
        Assert.Equal((4, 4, 0, 0), (staged.Files, staged.Copied, staged.Unchanged, staged.Removed));
        Assert.Equal(File.ReadAllText(Path.Combine(_repo.Root, "services/hello/main.go")),
            File.ReadAllText(Path.Combine(Context, "sources/services/hello/main.go")));
    }

    [Fact]
    public void Staged_files_keep_the_modification_time_of_their_source()
    {
        var source = Path.Combine(_repo.Root, "libs/greet/greet.go");
        File.SetLastWriteTimeUtc(source, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc));

        ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(File.GetLastWriteTimeUtc(source), File.GetLastWriteTimeUtc(Path.Combine(Context, "sources/libs/greet/greet.go")));
    }

    [Fact]
    public void Restaging_an_unchanged_service_copies_nothing()
    {
        ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);
        // Same size and mtime is trusted without reading: a staged file altered behind the stager's back stays.
        var staged = Path.Combine(Context, "sources/services/hello/main.go");
        var mtime = File.GetLastWriteTimeUtc(staged);
        var tampered = File.ReadAllText(staged).Replace("world", "WORLD");
        File.WriteAllText(staged, tampered);
        File.SetLastWriteTimeUtc(staged, mtime);

        var again = ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((0, 4, 0), (again.Copied, again.Unchanged, again.Removed));
        Assert.Equal(tampered, File.ReadAllText(staged));
    }

    [Fact]
    public void A_touched_but_identical_file_is_not_copied_again_but_takes_the_new_modification_time()
    {
        ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);
        var source = Path.Combine(_repo.Root, "services/hello/main.go");
        var touched = File.GetLastWriteTimeUtc(source).AddMinutes(5);
        File.SetLastWriteTimeUtc(source, touched);

        var again = ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, again.Copied);
        Assert.Equal(touched, File.GetLastWriteTimeUtc(Path.Combine(Context, "sources/services/hello/main.go")));
    }

    [Fact]
    public void A_changed_file_of_the_same_size_is_copied_with_its_new_time()
    {
        ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);
        var source = Path.Combine(_repo.Root, "libs/greet/greet.go");
        var staged = Path.Combine(Context, "sources/libs/greet/greet.go");
        File.WriteAllText(source, File.ReadAllText(source).Replace("hello, ", "howdy, "));
        File.SetLastWriteTimeUtc(source, File.GetLastWriteTimeUtc(source).AddSeconds(1));

        var again = ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, again.Copied);
        Assert.Contains("howdy, ", File.ReadAllText(staged));
        Assert.Equal(File.GetLastWriteTimeUtc(source), File.GetLastWriteTimeUtc(staged));
    }

    [Fact]
    public void Restaging_removes_files_and_folders_that_are_no_longer_inputs()
    {
        ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);
        File.WriteAllText(Path.Combine(Context, "stray.txt"), "left over");
        var withoutLib = _repo.Hello with { ModuleFiles = ["services/hello/go.mod"], SourceFiles = ["services/hello/main.go"] };

        var again = ContextStager.Stage(_repo.Root, withoutLib, Context, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["modules/services/hello/go.mod", "sources/services/hello/main.go"], StagedFiles());
        Assert.Equal(3, again.Removed);
        Assert.False(Directory.Exists(Path.Combine(Context, "sources/libs")));
    }

    [Fact]
    public void A_link_in_the_context_is_replaced_rather_than_written_through()
    {
        var outside = _out.Write("outside.go", "package outside\n");
        var staged = Path.Combine(Context, "sources/libs/greet/greet.go");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.CreateSymbolicLink(staged, outside);

        ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("package outside\n", File.ReadAllText(outside));
        Assert.Null(new FileInfo(staged).LinkTarget);
        Assert.Contains("func Hello", File.ReadAllText(staged));
    }

    [Fact]
    public void An_input_that_links_out_of_the_monorepo_is_refused_and_nothing_of_the_host_is_staged()
    {
        var outside = _out.Write("secret.go", "package greet // host secret\n");
        var input = Path.Combine(_repo.Root, "libs/greet/greet.go");
        File.Delete(input);
        File.CreateSymbolicLink(input, outside);

        var e = Assert.Throws<GoMonorepoBuild.Workspace.OutsideMonorepoException>(() => ContextStager.Stage(_repo.Root, _repo.Hello, Context, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("libs/greet/greet.go", e.Path);
        Assert.False(File.Exists(Path.Combine(Context, "sources/libs/greet/greet.go")));
    }

    [Fact]
    public void A_missing_input_file_is_a_clear_error_naming_the_service_and_the_file()
    {
        var e = Assert.Throws<InvalidServiceInputException>(() =>
            ContextStager.Stage(_repo.Root, _repo.Hello with { SourceFiles = ["services/hello/gone.go"] }, Context, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("hello", e.Service);
        Assert.Contains("'services/hello/gone.go' does not exist", e.Message);
    }

    [Fact]
    public void Staging_into_a_folder_that_contains_the_monorepo_is_refused_before_anything_is_deleted()
    {
        var parent = Path.GetDirectoryName(_repo.Root)!;
        var e = Assert.Throws<InvalidServiceInputException>(() => ContextStager.Stage(_repo.Root, _repo.Hello, parent, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("contains the monorepo", e.Message);
        Assert.True(File.Exists(Path.Combine(_repo.Root, "README.md")));
    }

    public void Dispose()
    {
        _repo.Dispose();
        _out.Dispose();
    }
}
