using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Workspace;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>Extra inputs from gomonorepobuild.json to the staged context and the generated Dockerfile.</summary>
public sealed class ExtraInputsImageTests : IDisposable
{
    readonly TempTree tree = new();
    readonly DockerfilesScratchFolder output = new();

    public ExtraInputsImageTests() => TemplatesMonorepo.WriteTo(tree.Root);

    public void Dispose()
    {
        tree.Dispose();
        output.Dispose();
    }

    GoService Frontend() => GoWorkspace.Load(tree.Root, TemplatesMonorepo.Options).Service("frontend")!;

    static ServiceBuildInput InputOf(GoService service) =>
        new ServiceBuildInput(service.Name, service.ModuleDir, service.Path, "1.23", service.ModuleFiles, service.SourceFiles)
            .WithExtraInputs(service.ExtraInputs);

    string Context => Path.Combine(output.Path, "frontend", "context");

    [Fact]
    public void The_settings_file_gives_each_service_its_globs_and_the_folder_they_go_to_in_the_image()
    {
        output.Write(ImageSettingsFile.FileName, """
            {
              "defaults": { "extraInputsPath": "/app/data" },
              "services": { "frontend": { "extraInputs": ["templates/**", "/shared/motd.txt"] }, "api": { "extraInputsPath": "/web" } }
            }
            """);
        var file = ImageSettingsFile.Load(output[ImageSettingsFile.FileName]);

        Assert.Equal(["templates/**", "/shared/motd.txt"], file.ExtraInputs["frontend"]);
        Assert.False(file.ExtraInputs.ContainsKey("api"));
        Assert.Equal("/app/data", file.For("frontend", ImageSettings.None).ApplyTo(DockerfileOptions.Default, new(false, false)).ExtraInputsPath);
        Assert.Equal("/web", file.For("api", ImageSettings.None).ApplyTo(DockerfileOptions.Default, new(false, false)).ExtraInputsPath);
        Assert.Equal("/srv", DockerfileOptions.Default.ExtraInputsPath);
    }

    [Theory]
    [InlineData("""{ "services": { "frontend": { "extraInputs": ["../other/**"] } } }""", "service 'frontend': the extra input \"../other/**\"")]
    [InlineData("""{ "defaults": { "extraInputs": ["templates/**"] } }""", "\"defaults\" sets \"extraInputs\"")]
    [InlineData("""{ "services": { "frontend": { "extraInputsPath": "srv" } } }""", "not an absolute folder in the image")]
    [InlineData("""{ "services": { "frontend": { "extraInputs": "templates/**" } } }""", "\"extraInputs\" (a list of globs)")]
    public void A_setting_that_cannot_work_fails_naming_the_file_and_what_to_fix(string json, string expected)
    {
        output.Write(ImageSettingsFile.FileName, json);
        var error = Assert.Throws<ImageSettingsException>(() => ImageSettingsFile.Load(output[ImageSettingsFile.FileName]));
        Assert.Contains(ImageSettingsFile.FileName, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Extra_inputs_are_staged_at_their_place_in_the_image_readable_by_anyone()
    {
        var source = Path.Combine(tree.Root, "services/frontend/templates/home.html");
        File.SetUnixFileMode(source, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        ContextStager.Stage(tree.Root, InputOf(Frontend()), Context, cancellationToken: TestContext.Current.CancellationToken);

        var staged = Directory.EnumerateFiles(Path.Combine(Context, ContextLayout.ExtrasFolder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Context, ContextLayout.ExtrasFolder), f)).Order(StringComparer.Ordinal);
        Assert.Equal(["shared/motd.txt", "static/site.css", "templates/home.html", "templates/parts/footer.html"], staged);
        var home = Path.Combine(Context, "extras/templates/home.html");
        Assert.Equal(TemplatesMonorepo.Home, File.ReadAllText(home));
        Assert.True(File.GetUnixFileMode(home).HasFlag(UnixFileMode.OtherRead));
    }

    [Fact]
    public void A_deleted_template_leaves_the_context_on_the_next_staging()
    {
        ContextStager.Stage(tree.Root, InputOf(Frontend()), Context, cancellationToken: TestContext.Current.CancellationToken);
        File.Delete(Path.Combine(tree.Root, "services/frontend/templates/parts/footer.html"));

        var again = ContextStager.Stage(tree.Root, InputOf(Frontend()), Context, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, again.Removed);
        Assert.False(File.Exists(Path.Combine(Context, "extras/templates/parts/footer.html")));
    }

    [Fact]
    public void A_linked_template_leading_out_of_the_monorepo_is_never_staged_and_the_error_names_it()
    {
        var outside = Directory.CreateTempSubdirectory("gmb-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.html"), "secret\n");
            File.CreateSymbolicLink(Path.Combine(tree.Root, "services/frontend/templates/secret.html"), Path.Combine(outside, "secret.html"));

            var error = Assert.Throws<OutsideMonorepoException>(() => ContextStager.Stage(tree.Root, InputOf(Frontend()), Context, cancellationToken: TestContext.Current.CancellationToken));

            Assert.Contains("services/frontend/templates/secret.html", error.Message);
            Assert.False(Directory.Exists(Context) && Directory.EnumerateFiles(Context, "secret.html", SearchOption.AllDirectories).Any());
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void The_runtime_stage_copies_the_extra_inputs_owned_by_the_non_root_user_into_its_working_directory()
    {
        var text = DockerfileGenerator.Render(InputOf(Frontend()), DockerfileOptions.Default);
        var runtime = text[text.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

        Assert.Contains("# Extra inputs (gomonorepobuild.json): templates/**, static/*.css, /shared/motd.txt; read at run time from /srv.", runtime);
        Assert.Contains("WORKDIR /srv\nCOPY --chown=65532:65532 extras/ /srv/\nUSER 65532:65532", runtime);
        var custom = DockerfileGenerator.Render(InputOf(Frontend()), DockerfileOptions.Default.WithExtraInputsPath("/app/data"));
        Assert.Contains("COPY --chown=65532:65532 extras/ /app/data/", custom);
        // A service without extra inputs keeps the Dockerfile it had.
        var plain = InputOf(Frontend()) with { ExtraInputs = ExtraInputs.None };
        Assert.DoesNotContain("extras/", DockerfileGenerator.Render(plain, DockerfileOptions.Default));
    }

    [Fact]
    public void Two_globs_putting_different_files_at_one_place_in_the_image_fail_naming_both()
    {
        tree.Write("templates/home.html", "root copy\n");
        var service = GoWorkspace.Load(tree.Root, WorkspaceOptions.Default.WithServiceExtraInputs(
            new Dictionary<string, IReadOnlyList<string>> { ["frontend"] = ["templates/**", "/templates/**"] }), cancellationToken: TestContext.Current.CancellationToken).Service("frontend")!;

        var error = Assert.Throws<InvalidServiceInputException>(() => InputOf(service).Validate());

        Assert.Contains("'services/frontend/templates/home.html' and 'templates/home.html' would both be copied to 'templates/home.html'", error.Message);
    }
}
