namespace GoMonorepoBuild.Dockerfiles;

/// <summary>A service ready for <c>docker buildx build</c>: its Dockerfile and its staged, scoped context.</summary>
public sealed record GeneratedService(string Name, string DockerfilePath, string ContextDir, StagedContext Staging);
