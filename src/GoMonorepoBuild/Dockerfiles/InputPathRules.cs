namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// Rules for monorepo-relative paths that end up in a Dockerfile's shell commands and in a staged context:
/// relative, '/'-separated, no '..', and only characters that need no shell quoting.
/// </summary>
static class InputPathRules
{
    public static void Validate(string service, string what, string path)
    {
        if (path == ".") return;
        string? problem =
            path.Length == 0 ? "is empty"
            : path.StartsWith('/') || Path.IsPathRooted(path) ? "is absolute; paths are relative to the monorepo root"
            : path.Contains('\\') ? "uses '\\'; use '/' as the separator"
            : path.Split('/').Any(s => s is "" or "." or "..") ? "has an empty, '.' or '..' segment"
            : path.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or '@' or '~'))
                ? "contains characters other than letters, digits and '/._-+@~', which the generated Dockerfile does not quote"
            : null;
        if (problem is not null)
            throw new InvalidServiceInputException(service, $"the {what} '{path}' {problem}.");
    }
}
