using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>
/// moby's go.mod says go 1.26.3: on a machine with no registry and no Debian package of that Go, no builder image can
/// be had. The user must read which Go is missing and the ways out, not apt-get's command line.
/// </summary>
public class NoBuilderForGoVersionEndToEndTests
{
    [Fact]
    public async Task A_service_needing_a_Go_no_image_or_package_provides_fails_naming_the_version_and_go_image()
    {
        RealEngine.Require();
        using var example = new ExampleRepositoryCopy();
        var goMod = Path.Combine(example.Root, "services", "catalog", "go.mod");
        File.WriteAllText(goMod, File.ReadAllText(goMod).Replace("go 1.23", "go 1.99"));
        using var build = new RealBuild();

        var result = await build.RunAsync("BuildChanged", "--monorepo", example.Root, "--only", "catalog");

        var output = result.StandardOutput + result.StandardError;
        Assert.True(result.ExitCode != 0, output);
        Assert.Contains("No Go 1.99 builder image", output);
        Assert.Contains("golang-1.99-go", output);
        Assert.Contains("--go-image", output);
        Assert.DoesNotContain("apt-get -o", output);
    }
}
