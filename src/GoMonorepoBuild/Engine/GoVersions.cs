namespace GoMonorepoBuild.Engine;

/// <summary>Go versions as toolchains and images are chosen by: the minor version of a go directive.</summary>
public static class GoVersions
{
    /// <summary>Used when no go.mod says which Go it needs.</summary>
    public const string Fallback = "1.23";

    /// <summary>"1.23" for "1.23", "1.23.5" or "1.23rc1"; null when the text is not a Go version.</summary>
    public static string? Minor(string? goDirective)
    {
        if (string.IsNullOrWhiteSpace(goDirective)) return null;
        var parts = goDirective.Trim().Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], out var major)) return null;
        var minorDigits = new string(parts[1].TakeWhile(char.IsDigit).ToArray());
        return minorDigits.Length == 0 ? null : $"{major}.{int.Parse(minorDigits)}";
    }
}
