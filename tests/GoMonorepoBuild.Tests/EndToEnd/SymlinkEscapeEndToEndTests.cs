using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Building;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>
/// A link in a service's embedded files that leads to a host file outside the repository, through BuildChanged on the
/// real engine (issue 14, item 1): the host file is never read, staged or shipped, and the build does what go build
/// does (checked with go 1.23): a pattern naming the link fails with "cannot embed irregular file"; a link inside an
/// embedded folder is left out.
/// </summary>
public class SymlinkEscapeEndToEndTests : IDisposable
{
    const string Web = "services/catalog/internal/web";

    readonly string outside = Directory.CreateTempSubdirectory("gmb-host-").FullName;
    readonly string secret = "host-secret-" + Guid.NewGuid().ToString("N");
    readonly string registry = "gmb-link-" + Guid.NewGuid().ToString("N")[..8];

    public SymlinkEscapeEndToEndTests() => File.WriteAllText(Path.Combine(outside, "secret.txt"), secret + "\n");

    public void Dispose() => Directory.Delete(outside, recursive: true);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_embed_pattern_matching_a_link_to_a_host_file_fails_the_service_with_gos_message_and_the_file_is_never_staged_or_built()
    {
        var engine = RealEngine.Require();
        using var build = new RealBuild();
        var monorepo = new MonorepoCopy(build);
        // `//go:embed ... static/*.css` matches it: go build says "pattern static/*.css: cannot embed irregular file static/leak.css".
        File.CreateSymbolicLink(monorepo[$"{Web}/static/leak.css"], Path.Combine(outside, "secret.txt"));
        try
        {
            var result = await build.RunAsync("BuildChanged", "--monorepo", monorepo.Path, "--only", "catalog", "--registry", registry);

            var output = result.StandardOutput + result.StandardError;
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("pattern static/*.css: cannot embed irregular file static/leak.css", output);
            Assert.Contains($"{Web}/static/leak.css", output);
            Assert.Contains($"{Web}/web.go", output);
            Assert.Contains("catalog", output);
            AssertNowhereUnder(Path.Combine(build.Root, ".nuke"));
            Assert.Empty(await ImagesAsync(engine));
        }
        finally
        {
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }

    [Fact]
    public async Task A_link_to_a_host_file_inside_an_embedded_folder_is_left_out_as_go_build_does_and_never_reaches_the_context_or_the_image()
    {
        var engine = RealEngine.Require();
        using var build = new RealBuild();
        var monorepo = new MonorepoCopy(build);
        File.CreateSymbolicLink(monorepo[$"{Web}/templates/leak.html.tmpl"], Path.Combine(outside, "secret.txt"));
        // A regular file beside it, unique to this run: proof that the search below would see embedded text.
        var visible = "visible-" + Guid.NewGuid().ToString("N");
        monorepo.Write($"{Web}/templates/extra.html.tmpl", $"{{{{define \"extra\"}}}}{visible}{{{{end}}}}\n");
        try
        {
            var result = await build.RunAsync("BuildChanged", "--monorepo", monorepo.Path, "--only", "catalog", "--registry", registry);

            Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
            Assert.Equal("built", BuildReportFile.Read(build)["catalog"].Status());
            AssertNowhereUnder(Path.Combine(build.Root, ".nuke"));
            var image = Assert.Single(await ImagesAsync(engine), t => t.EndsWith(":latest", StringComparison.Ordinal));
            var filesystem = await ExportAsync(engine, image, build.Root);
            Assert.Contains(visible, filesystem);
            Assert.DoesNotContain(secret, filesystem);
        }
        finally
        {
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }

    /// <summary>No file below <paramref name="folder"/> (staged contexts, logs, reports) holds the secret, and no link leads to it.</summary>
    void AssertNowhereUnder(string folder)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            Assert.False(entry.LinkTarget is { } target && target.StartsWith(outside, StringComparison.Ordinal), $"{entry.FullName} links to the host file");
            if (entry is FileInfo { LinkTarget: null } file)
                Assert.False(File.ReadAllText(file.FullName).Contains(secret, StringComparison.Ordinal), $"{file.FullName} holds the host file's secret");
        }
    }

    async Task<List<string>> ImagesAsync(DockerEnvironment engine)
    {
        var listed = await Docker(engine).RunAsync(["image", "ls", "--format", "{{.Repository}}:{{.Tag}}", "--filter", $"reference={registry}/*"], Ct);
        return listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    /// <summary>The image's whole file system as text (docker export of a container created from it, never run).</summary>
    static async Task<string> ExportAsync(DockerEnvironment engine, string image, string scratch)
    {
        var docker = Docker(engine);
        var container = (await docker.RunAsync(["create", image], Ct)).StandardOutput.Trim();
        try
        {
            var tar = Path.Combine(scratch, "image.tar");
            await docker.RunAsync(["export", "-o", tar, container], Ct);
            return System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(tar, Ct));
        }
        finally
        {
            await docker.TryRunAsync(["rm", "-f", container], CancellationToken.None);
        }
    }

    static Tool Docker(DockerEnvironment engine) => Tool.Named("docker").WithEnvironment(engine.Variables());
}
