using System.Formats.Tar;
using System.Text.Json;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>A service that reads templates at run time, built by BuildChanged against the real engine and run.</summary>
public class ExtraInputsEndToEndTests
{
    [Fact]
    public async Task The_image_holds_the_templates_the_binary_reads_owned_by_its_user_and_a_template_edit_rebuilds_only_that_service()
    {
        var engine = RealEngine.Require();
        var docker = new BuildxDockerCli(engine);
        using var repo = new TestRepository();
        TemplatesMonorepo.WriteTo(repo.Root);
        repo.Commit("templates");
        using var build = new RealBuild();
        var registry = "gmb-extras-" + Guid.NewGuid().ToString("N")[..8];
        string[] arguments = ["BuildChanged", "--monorepo", repo.Root, "--registry", registry];
        var images = new HashSet<string>();
        try
        {
            var first = await BuildAsync(build, arguments, images);
            Assert.Equal("built", first["frontend"].Status);
            Assert.Equal("built", first["api"].Status);
            var output = await RunAsync(docker, $"{registry}/frontend:latest");
            Assert.Contains(TemplatesMonorepo.Home.Trim(), output);
            Assert.Contains("body { color: teal; }", output);
            Assert.Contains("motd: have a nice day", output);
            await AssertOwnedByNonRootUserAsync(docker, $"{registry}/frontend:latest",
                ["srv/templates/home.html", "srv/templates/parts/footer.html", "srv/static/site.css", "srv/shared/motd.txt"]);

            repo.Write("services/frontend/templates/home.html", "<h1>New season</h1>\n");
            var second = await BuildAsync(build, arguments, images);
            Assert.Equal("built", second["frontend"].Status);
            Assert.Contains("extra input of frontend (templates/**)", second["frontend"].Reason);
            Assert.Equal("skipped", second["api"].Status);
            Assert.Contains("<h1>New season</h1>", await RunAsync(docker, $"{registry}/frontend:latest"));
        }
        finally
        {
            await docker.RemoveImagesAsync([.. images]);
        }
    }

    static async Task<string> RunAsync(BuildxDockerCli docker, string image)
    {
        var run = await docker.RunAsync("run", "--rm", "--network", "none", image);
        Assert.True(run.ExitCode == 0, $"{image} exited {run.ExitCode}: {run.StandardError}");
        return run.StandardOutput;
    }

    /// <summary>Exports a container of the image and reads the files' owners from the tar (scratch has no shell to ask).</summary>
    static async Task AssertOwnedByNonRootUserAsync(BuildxDockerCli docker, string image, string[] files)
    {
        var create = await docker.RunAsync("create", image);
        Assert.True(create.ExitCode == 0, create.StandardError);
        var container = create.StandardOutput.Trim();
        var tar = Path.Combine(Path.GetTempPath(), $"gmb-export-{Guid.NewGuid():N}.tar");
        try
        {
            var export = await docker.RunAsync("export", "-o", tar, container);
            Assert.True(export.ExitCode == 0, export.StandardError);
            var owners = new Dictionary<string, (int Uid, int Gid)>(StringComparer.Ordinal);
            await using (var stream = File.OpenRead(tar))
            {
                using var reader = new TarReader(stream);
                while (reader.GetNextEntry() is { } entry) owners[entry.Name.TrimStart('.', '/')] = (entry.Uid, entry.Gid);
            }
            foreach (var file in files)
            {
                Assert.True(owners.TryGetValue(file, out var owner), $"{file} is not in the image; it holds {string.Join(", ", owners.Keys.Where(k => k.StartsWith("srv", StringComparison.Ordinal)))}");
                Assert.Equal((65532, 65532), owner);
            }
        }
        finally
        {
            await docker.RunAsync("rm", container);
            File.Delete(tar);
        }
    }

    sealed record Row(string Status, string Reason);

    static async Task<Dictionary<string, Row>> BuildAsync(RealBuild build, string[] arguments, HashSet<string> images)
    {
        var result = await build.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"BuildChanged exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(build.ReportFile, TestContext.Current.CancellationToken));
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var s in doc.RootElement.GetProperty("services").EnumerateArray())
        {
            rows[s.GetProperty("name").GetString()!] = new Row(s.GetProperty("status").GetString()!,
                s.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : "");
            if (s.TryGetProperty("tags", out var tags))
                foreach (var tag in tags.EnumerateArray()) images.Add(tag.GetString()!);
        }
        return rows;
    }
}
