using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// The image repository name a service builds into. Docker accepts only lowercase letters and digits joined by
/// single separators ('.', '_', '__' or dashes) in a path component, so a service name is lowercased and then checked.
/// </summary>
public static partial class ImageName
{
    const int MaxLength = 128;

    /// <summary>The image name for a service (its name lowercased); throws a clear error when it cannot be one.</summary>
    public static string FromServiceName(string serviceName)
    {
        var candidate = serviceName.ToLowerInvariant();
        Validate(candidate, serviceName);
        return candidate;
    }

    /// <summary>
    /// The image repository a service builds into: <c>&lt;registry&gt;/&lt;image name&gt;</c>. The one formula the
    /// decisions (where an image for these inputs must be), the builds (their tags) and the debug images share.
    /// </summary>
    public static string Repository(string registry, string serviceName) => $"{registry.TrimEnd('/')}/{FromServiceName(serviceName)}";

    /// <summary>Throws <see cref="InvalidServiceInputException"/> unless <paramref name="name"/> is a valid image name component.</summary>
    public static void Validate(string name) => Validate(name, name);

    public static bool IsValid(string name) => Problem(name) is null;

    static void Validate(string name, string service)
    {
        if (Problem(name) is { } problem)
            throw new InvalidServiceInputException(service, problem);
    }

    static string? Problem(string name)
    {
        if (name.Length == 0)
            return "an empty name cannot be an image name; give the service a name.";
        if (name.Length > MaxLength)
            return $"'{name}' is longer than {MaxLength} characters, too long for an image name; use a shorter service folder name.";
        if (!Component().IsMatch(name))
            return $"'{name}' cannot be an image name: image names use lowercase letters and digits, joined by single " +
                   "'.', '_', '__' or '-' separators (none at the start or end). Rename the service's folder " +
                   "(e.g. 'order-api' instead of 'order api' or '_orders').";
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Component();
}
