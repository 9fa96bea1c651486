namespace GoMonorepoBuild.Ci.Builders;

/// <summary>
/// The <c>docker</c> arguments that create, inspect, select and remove a buildx builder. Builds then pass
/// <c>--builder &lt;name&gt;</c> (BuildChanged's <c>--builder</c>), so the rest of the build does not change.
/// </summary>
public static class BuilderCommands
{
    public static IReadOnlyList<string> Create(BuilderSpec spec)
    {
        var args = new List<string> { "buildx", "create", "--name", spec.Name, "--driver", DriverName(spec.Driver) };
        foreach (var (key, value) in spec.DriverOptions) args.AddRange(["--driver-opt", $"{key}={value}"]);
        if (spec.Platforms.Count > 0) args.AddRange(["--platform", string.Join(',', spec.Platforms)]);
        if (spec.Bootstrap) args.Add("--bootstrap");
        if (spec.Use) args.Add("--use");
        if (spec.Endpoint is not null) args.Add(spec.Endpoint);
        return args;
    }

    /// <summary>Starts the builder if needed and prints its nodes and platforms: the check that it is reachable.</summary>
    public static IReadOnlyList<string> Inspect(string name, bool bootstrap = false) =>
        bootstrap ? ["buildx", "inspect", "--bootstrap", name] : ["buildx", "inspect", name];

    public static IReadOnlyList<string> Use(string name) => ["buildx", "use", name];

    /// <summary>Removes the builder; <paramref name="keepState"/> keeps BuildKit's cache volume for the next builder of that name.</summary>
    public static IReadOnlyList<string> Remove(string name, bool keepState = false) =>
        keepState ? ["buildx", "rm", "--keep-state", name] : ["buildx", "rm", name];

    public static string DriverName(BuilderDriver driver) => driver switch
    {
        BuilderDriver.DockerContainer => "docker-container",
        BuilderDriver.Remote => "remote",
        _ => "kubernetes",
    };
}
