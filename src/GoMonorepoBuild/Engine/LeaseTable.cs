using System.Globalization;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// containerd's <c>ctr leases ls</c> table (ID, CREATED AT, LABELS). BuildKit holds each cache record's snapshots by a
/// lease; once its cache index is gone those leases would keep the snapshots on disk for ever.
/// </summary>
internal static class LeaseTable
{
    /// <summary>
    /// The ids of the leases created before the second <paramref name="moment"/> falls in (the table gives whole seconds, so
    /// a lease of that same second may be younger and stays); rows it cannot read are left alone.
    /// </summary>
    public static IReadOnlyList<string> CreatedBefore(string table, DateTimeOffset moment)
    {
        var second = moment.AddTicks(-(moment.UtcTicks % TimeSpan.TicksPerSecond));
        return table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(row => row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length >= 2
                && DateTimeOffset.TryParse(cells[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
                && created < second)
            .Select(cells => cells[0])
            .ToList();
    }
}
