namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// A service's build input cannot become an image: the message names the service, what is wrong and what to do.
/// </summary>
public sealed class InvalidServiceInputException(string service, string problem)
    : Exception($"Service '{service}': {problem}")
{
    public string Service { get; } = service;
    public string Problem { get; } = problem;
}
