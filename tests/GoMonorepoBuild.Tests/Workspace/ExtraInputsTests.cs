using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>Files a service reads at run time (gomonorepobuild.json's "extraInputs") as the workspace model lists them.</summary>
public sealed class ExtraInputsTests : IDisposable
{
    readonly TempTree tree = new();

    public ExtraInputsTests() => TemplatesMonorepo.WriteTo(tree.Root);

    public void Dispose() => tree.Dispose();

    GoWorkspace Load(IReadOnlyDictionary<string, IReadOnlyList<string>>? extras = null) =>
        GoWorkspace.Load(tree.Root, WorkspaceOptions.Default.WithServiceExtraInputs(extras ?? TemplatesMonorepo.ExtraInputs));

    [Fact]
    public void The_files_the_globs_match_are_image_inputs_of_the_service_with_their_place_in_the_image()
    {
        var frontend = Load().Service("frontend")!;

        Assert.Equal(
            [
                ("services/frontend/static/site.css", "static/site.css"),
                ("services/frontend/templates/home.html", "templates/home.html"),
                ("services/frontend/templates/parts/footer.html", "templates/parts/footer.html"),
                ("shared/motd.txt", "shared/motd.txt"),
            ],
            frontend.ExtraInputs.Files.Select(f => (f.Path, f.Target)));
        Assert.All(frontend.ExtraInputs.Paths, path => Assert.Contains(path, frontend.ImageInputs));
        Assert.DoesNotContain("services/frontend/static/notes.txt", frontend.ImageInputs);
        Assert.DoesNotContain("services/frontend/README.md", frontend.ImageInputs);
        Assert.Equal(frontend.ImageInputs.Order(StringComparer.Ordinal), frontend.ImageInputs);
        Assert.Empty(Load().Service("api")!.ExtraInputs.Files);
    }

    [Fact]
    public void The_model_explains_an_extra_input_by_the_glob_that_matched_it()
    {
        var model = Load();
        var frontend = model.Service("frontend")!;

        Assert.Equal(["services/frontend/templates/home.html", "extra input of frontend (templates/**)"],
            model.Explain("services/frontend/templates/home.html", frontend));
        Assert.Equal(["shared/motd.txt", "extra input of frontend (/shared/motd.txt)"], model.Explain("shared/motd.txt", frontend));
        Assert.Null(model.Explain("services/frontend/static/notes.txt", frontend));
        // A Go file matched by a broad glob is still explained as Go source.
        var broad = Load(new Dictionary<string, IReadOnlyList<string>> { ["frontend"] = ["**"] });
        Assert.Contains("package example.com/frontend", broad.Explain("services/frontend/main.go", broad.Service("frontend")!)!);
    }

    [Fact]
    public void A_glob_matching_nothing_is_a_warning_naming_the_service_and_the_glob()
    {
        var model = Load(new Dictionary<string, IReadOnlyList<string>> { ["frontend"] = ["templates/**", "tempaltes/**", "templates"] });

        Assert.Contains(model.Warnings, w => w.Contains("service frontend") && w.Contains("'tempaltes/**'") && w.Contains("matches no file in services/frontend"));
        Assert.Contains(model.Warnings, w => w.Contains("'templates' is a folder: write 'templates/**'"));
        Assert.DoesNotContain(model.Warnings, w => w.StartsWith("service frontend: the extra input 'templates/**'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_linked_folder_is_never_walked_and_git_folders_are_never_inputs()
    {
        File.CreateSymbolicLink(Path.Combine(tree.Root, "services/frontend/templates/shared"), Path.Combine(tree.Root, "shared"));
        tree.Write("services/frontend/templates/.git/config", "[core]\n");

        var frontend = Load().Service("frontend")!;

        Assert.DoesNotContain(frontend.ExtraInputs.Paths, p => p.Contains("templates/shared") || p.Contains(".git"));
    }

    [Fact]
    public void A_link_leading_out_of_the_monorepo_is_listed_so_that_using_it_fails_naming_it_rather_than_missing_silently()
    {
        var outside = Directory.CreateTempSubdirectory("gmb-outside-").FullName;
        try
        {
            File.CreateSymbolicLink(Path.Combine(tree.Root, "services/frontend/templates/linked"), outside);

            var frontend = Load().Service("frontend")!;

            Assert.Contains("services/frontend/templates/linked", frontend.ExtraInputs.Paths);
            Assert.Throws<OutsideMonorepoException>(() => new MonorepoFiles(tree.Root).ReadablePath("services/frontend/templates/linked"));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Theory]
    [InlineData("../shared/**", "'..' segment")]
    [InlineData("!static/*.map", "exclusions are not supported")]
    [InlineData("", "is empty")]
    [InlineData("//etc/**", "starts with '//'")]
    [InlineData("static\\*.css", "use '/'")]
    public void A_glob_that_would_leave_the_monorepo_or_cannot_work_is_refused_saying_why(string glob, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => ExtraInputGlob.Validate(glob));
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void A_glob_matches_paths_by_pattern_whether_or_not_the_file_exists()
    {
        var glob = ExtraInputGlob.Parse("templates/**", "services/frontend");
        Assert.True(glob.Matches("services/frontend/templates/gone.html"));
        Assert.False(glob.Matches("services/frontend/main.go"));
        Assert.False(glob.Matches("services/frontendx/templates/a.html"));
        Assert.Equal("templates/gone.html", glob.TargetOf("services/frontend/templates/gone.html"));
        var rooted = ExtraInputGlob.Parse("/shared/*.txt", "services/frontend");
        Assert.True(rooted.Matches("shared/motd.txt"));
        Assert.False(rooted.Matches("shared/deeper/motd.txt"));
    }
}
