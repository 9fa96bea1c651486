namespace GoMonorepoBuild.Workspace;

/// <summary>Binary search over the model's ordinally sorted path lists.</summary>
internal static class ListExtensions
{
    public static int BinarySearch(this IReadOnlyList<string> sorted, string value)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var mid = low + (high - low) / 2;
            var c = string.CompareOrdinal(sorted[mid], value);
            if (c == 0) return mid;
            if (c < 0) low = mid + 1;
            else high = mid - 1;
        }
        return ~low;
    }
}
