namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// Writes a service's Dockerfile and stages its context under <c>&lt;outDir&gt;/&lt;service&gt;/</c>
/// (<c>Dockerfile</c> and <c>context/</c>). The Dockerfile is rewritten only when its text changes.
/// </summary>
public static class ServiceGenerator
{
    public static GeneratedService Generate(string monorepoRoot, ServiceBuildInput input, DockerfileOptions options, string outDir)
    {
        var dockerfile = DockerfileGenerator.Render(input, options);
        var serviceDir = Path.Combine(Path.GetFullPath(outDir), input.Name);
        var staging = ContextStager.Stage(monorepoRoot, input, Path.Combine(serviceDir, "context"));
        var dockerfilePath = Path.Combine(serviceDir, "Dockerfile");
        if (!File.Exists(dockerfilePath) || File.ReadAllText(dockerfilePath) != dockerfile)
            File.WriteAllText(dockerfilePath, dockerfile);
        return new GeneratedService(input.Name, dockerfilePath, staging.ContextDir, staging);
    }
}
