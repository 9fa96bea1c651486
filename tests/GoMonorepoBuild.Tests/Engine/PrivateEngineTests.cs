using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>A real second engine provisioned into a fresh home, beside whatever engine the machine already runs.</summary>
public sealed class PrivateEngineTests(PrivateEngineFixture fixture) : IClassFixture<PrivateEngineFixture>
{
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_home_gets_its_own_engine_whose_buildx_answers()
    {
        var engine = await fixture.EngineAsync();

        Assert.Equal("unix://" + Path.Combine(fixture.Options.Home, "run", "docker.sock"), engine.DockerHost);
        Assert.True(engine.Provisioned);
        Assert.Equal("none", engine.BuildNetwork);
        var buildx = await engine.Docker().RunAsync(["buildx", "version"], Ct);
        Assert.Contains("buildx", buildx.StandardOutput);
        var info = await engine.Docker().RunAsync(["info", "--format", "{{.DockerRootDir}} {{.Driver}}"], Ct);
        Assert.Equal($"{Path.Combine(fixture.Options.Home, "engine", "data")} overlayfs", info.StandardOutput.Trim());
        // Bounded, so its cache index stays small enough for dockerd to load at start (see OverloadedBuildCache).
        var builder = await engine.Docker().RunAsync(["buildx", "inspect"], Ct);
        Assert.Matches(@"Keep Bytes:\s+8GiB", builder.StandardOutput);
    }

    [Fact]
    public async Task A_second_ensure_reuses_the_running_engine()
    {
        await fixture.EngineAsync();
        var pidFile = Path.Combine(fixture.Options.Home, "run", "dockerd.pid");
        var pid = File.ReadAllText(pidFile);

        var again = await DockerEngine.EnsureAsync(fixture.Options, Ct);

        Assert.Equal(pid, File.ReadAllText(pidFile));
        Assert.True(again.Provisioned);
        await again.Docker().RunAsync(["info"], Ct);
    }

    [Fact]
    public async Task Leases_older_than_a_moment_are_released_and_newer_ones_kept()
    {
        await fixture.EngineAsync();
        var layout = new EngineLayout(fixture.Options.Home);
        var nameSpace = "gmb-test-" + Guid.NewGuid().ToString("N")[..8];
        var ctr = GoMonorepoBuild.Processes.Tool.Named(layout.Ctr);
        string[] scope = ["--address", layout.ContainerdSocket, "--namespace", nameSpace];
        await ctr.RunAsync([.. scope, "leases", "create", "--id", "old-1"], Ct);
        await ctr.RunAsync([.. scope, "leases", "create", "--id", "old-2"], Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(1100), Ct);
        var moment = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(1100), Ct);
        await ctr.RunAsync([.. scope, "leases", "create", "--id", "new-1"], Ct);

        var released = await new LocalEngineHost().DropLeasesAsync(layout, nameSpace, moment, Ct);

        Assert.Equal(2, released);
        var left = await ctr.RunAsync([.. scope, "leases", "ls", "-q"], Ct);
        Assert.Equal(["new-1"], left.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_Go_builder_image_is_seeded_offline_and_compiles_Go_without_a_network()
    {
        var engine = await fixture.EngineAsync();

        var image = await BuilderImage.ResolveAsync(engine, "1.23", null, fixture.Options, Ct);

        Assert.Equal(new BuilderImageRef("gomonorepobuild/go:1.23", true, image.Origin), image);
        Assert.Contains("Debian's golang-1.23", image.Origin);
        Assert.Contains("NOT the official golang image", image.Origin);
        var version = await engine.Docker().RunAsync(["run", "--rm", "--network", "none", image.Reference, "go", "version"], Ct);
        Assert.StartsWith("go version go1.23", version.StandardOutput);
        var compiled = await engine.Docker().RunAsync(
        [
            "run", "--rm", "--network", "none", image.Reference, "sh", "-c",
            "cd /tmp && printf 'package main\\nfunc main() { println(\"compiled\") }\\n' > m.go && go build -o m m.go && ./m && go env GOTOOLCHAIN GOPATH GOROOT",
        ], Ct);
        Assert.Equal("compiled", compiled.StandardError.Trim());
        Assert.Equal(["local", "/go", "/usr/local/go"], compiled.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var reused = await BuilderImage.ResolveAsync(engine, "1.23", null, fixture.Options, Ct);
        Assert.Equal(image, reused);
    }

    [Fact]
    public async Task A_buildx_build_on_the_private_engine_runs_its_steps_on_the_build_network()
    {
        var engine = await fixture.EngineAsync();
        var image = await BuilderImage.ResolveAsync(engine, "1.23", null, fixture.Options, Ct);
        var context = Directory.CreateTempSubdirectory("gmb-ctx-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM {image.Reference}\nRUN go version > /version\n", Ct);

            // The private engine has no bridge: a RUN step on the default network fails with "network bridge not found".
            var build = await engine.Docker().RunAsync(
                ["buildx", "build", "--network", engine.BuildNetwork!, "--no-cache", "--output", "type=cacheonly", context], Ct);

            Assert.Contains("go version > /version", build.StandardError);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    [Fact]
    public async Task An_official_golang_image_or_an_override_in_the_engine_is_used_as_it_is()
    {
        var engine = await fixture.EngineAsync();
        var folder = Directory.CreateTempSubdirectory("gmb-tiny-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "marker"), "not really go", Ct);
            await GoMonorepoBuild.Processes.Tool.Named("tar").RunAsync(["-C", folder, "-cf", Path.Combine(folder, "tiny.tar"), "marker"], Ct);
            await engine.Docker().RunAsync(["import", Path.Combine(folder, "tiny.tar"), "golang:1.23-alpine"], Ct);
            await engine.Docker().RunAsync(["tag", "golang:1.23-alpine", "example.org/team/go:custom"], Ct);

            var official = await BuilderImage.ResolveAsync(engine, "1.23", null, fixture.Options, Ct);
            var overridden = await BuilderImage.ResolveAsync(engine, "1.23", "example.org/team/go:custom", fixture.Options, Ct);

            Assert.Equal(new BuilderImageRef("golang:1.23-alpine", false, "the official golang image, present in the engine"), official);
            Assert.Equal(new BuilderImageRef("example.org/team/go:custom", false, "the Go image override, present in the engine"), overridden);
        }
        finally
        {
            await engine.Docker().TryRunAsync(["image", "rm", "golang:1.23-alpine", "example.org/team/go:custom"], CancellationToken.None);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_override_image_the_engine_lacks_and_cannot_pull_is_a_clear_error()
    {
        var engine = await fixture.EngineAsync();

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => BuilderImage.ResolveAsync(
            engine, "1.23", "gomonorepobuild/missing-go:0.0", fixture.Options.WithPullTimeout(TimeSpan.FromSeconds(10)), Ct));

        Assert.Contains("'gomonorepobuild/missing-go:0.0' is not in the engine", e.Message);
        Assert.Contains("docker build -t gomonorepobuild/missing-go:0.0", e.Message);
    }
}
