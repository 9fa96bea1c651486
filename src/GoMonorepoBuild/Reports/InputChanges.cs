using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Reports;

/// <summary>Which input files of a service differ from its previous build's (paths sorted ordinally).</summary>
public sealed record InputChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Modified, IReadOnlyList<string> Removed)
{
    public static InputChanges None { get; } = new([], [], []);

    [JsonIgnore]
    public bool IsEmpty => Added.Count == 0 && Modified.Count == 0 && Removed.Count == 0;

    [JsonIgnore]
    public int Count => Added.Count + Modified.Count + Removed.Count;

    /// <summary>Compares two path → digest maps. Pure.</summary>
    public static InputChanges Between(IReadOnlyDictionary<string, string> previous, IReadOnlyDictionary<string, string> current) =>
        new(
            current.Keys.Where(p => !previous.ContainsKey(p)).Order(StringComparer.Ordinal).ToList(),
            current.Where(c => previous.TryGetValue(c.Key, out var before) && before != c.Value)
                .Select(c => c.Key).Order(StringComparer.Ordinal).ToList(),
            previous.Keys.Where(p => !current.ContainsKey(p)).Order(StringComparer.Ordinal).ToList());

    /// <summary>
    /// What changed in a service's inputs since <paramref name="previous"/> (its row in the previous report);
    /// null when there is nothing to compare with (no previous row, or one written before inputs were recorded).
    /// </summary>
    public static InputChanges? Since(ServiceReport? previous, IReadOnlyDictionary<string, string> current) =>
        previous?.Inputs is { } before ? Between(before, current) : null;

    /// <summary>"a.go (modified), go.sum (added) and 3 more": at most <paramref name="max"/> files named.</summary>
    public string Describe(int max = 5)
    {
        var all = Added.Select(p => $"{p} (added)")
            .Concat(Modified.Select(p => $"{p} (modified)"))
            .Concat(Removed.Select(p => $"{p} (removed)"))
            .ToList();
        var named = string.Join(", ", all.Take(max));
        return all.Count > max ? $"{named} and {all.Count - max} more" : named;
    }
}
