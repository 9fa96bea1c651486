using System.Text;

namespace GoMonorepoBuild.Targets;

/// <summary>An exception as a user reads it: its message and each inner exception's, the stack trace only when verbose.</summary>
internal static class ExceptionText
{
    public static string Describe(Exception exception, bool verbose)
    {
        if (verbose) return exception.ToString();
        var text = new StringBuilder();
        var seen = new HashSet<string>();
        foreach (var e in Chain(exception))
        {
            if (!seen.Add(e.Message)) continue;
            if (text.Length > 0) text.Append(Environment.NewLine).Append("  because: ");
            text.Append(e.Message);
        }
        return text.ToString();
    }

    static IEnumerable<Exception> Chain(Exception exception)
    {
        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.Flatten().InnerExceptions)
                foreach (var e in Chain(inner))
                    yield return e;
            yield break;
        }
        for (var e = exception; e is not null; e = e.InnerException)
            yield return e;
    }
}
