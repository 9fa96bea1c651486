using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// The real Docker engine tests build against: the one in DOCKER_HOST / DOCKER_CONFIG (the Test target passes
/// the engine EnsureEngine provisioned). Without one, engine tests skip locally and FAIL in CI (CI=true).
/// </summary>
public static class RealEngine
{
    public static DockerEnvironment Require()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host) || File.Exists("/var/run/docker.sock"))
            return DockerEnvironment.Ambient;
        const string why = "no Docker engine: run the tests through './build.sh Test' (it provisions one) or set DOCKER_HOST";
        if (IsCi) Assert.Fail(why);
        Assert.Skip(why);
        return null!;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
