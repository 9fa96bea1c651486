using System.Text;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// How target and parameter names are spelled and matched: <c>FailFast</c>, <c>--fail-fast</c>, <c>FAIL_FAST</c> and
/// <c>failfast</c> are one name.
/// </summary>
internal static class Names
{
    /// <summary>The form names are compared in: lower case, without dashes or underscores.</summary>
    public static string Canonical(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            if (c is not ('-' or '_'))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    public static bool Same(string a, string b) => Canonical(a) == Canonical(b);

    /// <summary><c>FailFast</c> → <c>fail-fast</c>; <c>IOTimeout</c> → <c>io-timeout</c>.</summary>
    public static string Kebab(string name) => Split(name, '-').ToLowerInvariant();

    /// <summary><c>FailFast</c> → <c>FAIL_FAST</c>.</summary>
    public static string UpperSnake(string name) => Split(name, '_').ToUpperInvariant();

    static string Split(string name, char separator)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                    builder.Append(separator);
            }
            builder.Append(c is '-' or '_' ? separator : c);
        }
        return builder.ToString();
    }

    /// <summary>The candidate closest to <paramref name="name"/>, or null when none is close enough to be a likely typo.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var wanted = Canonical(name);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var canonical = Canonical(candidate);
            var distance = canonical.StartsWith(wanted, StringComparison.Ordinal) && wanted.Length >= 3
                ? 1
                : Distance(wanted, canonical);
            if (distance < bestDistance)
                (best, bestDistance) = (candidate, distance);
        }
        return bestDistance <= Math.Max(2, wanted.Length / 3) ? best : null;
    }

    static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1),
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
