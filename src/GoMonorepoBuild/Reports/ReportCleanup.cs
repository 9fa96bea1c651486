namespace GoMonorepoBuild.Reports;

/// <summary>
/// A report read back from disk is advisory: valid JSON can still hold nulls where the types promise values
/// (<c>{"services":null}</c>, <c>[null]</c>, a step without a name), from a hand edit, another tool or an older
/// writer. <see cref="Clean"/> keeps what is whole and names what it dropped, so nothing broken reaches a later
/// run's comparisons or is carried into its report.
/// </summary>
internal static class ReportCleanup
{
    public static BuildReport Clean(BuildReport report, ICollection<string> dropped)
    {
        // The reader fills non-nullable members with null when the JSON says null: each check below is for that.
        if (report.Services is null)
        {
            dropped.Add("services (null)");
            return report with { Services = [] };
        }
        var services = new List<ServiceReport>(report.Services.Count);
        for (var i = 0; i < report.Services.Count; i++)
        {
            var where = $"services[{i}]";
            if (report.Services[i] is not { } service) dropped.Add($"{where} (null)");
            else if (string.IsNullOrEmpty(service.Name)) dropped.Add($"{where} (no name)");
            else if (!Enum.IsDefined(service.Status)) dropped.Add($"{where} (unknown status {(int)service.Status})");
            else services.Add(CleanService(service, $"{where} ({service.Name})", dropped));
        }
        return report with { Services = services };
    }

    static ServiceReport CleanService(ServiceReport service, string where, ICollection<string> dropped) => service with
    {
        Path = service.Path ?? "",
        Tags = Texts(service.Tags, $"{where}.tags", dropped),
        AffectedBecause = Texts(service.AffectedBecause, $"{where}.affectedBecause", dropped),
        StepDetails = Steps(service.StepDetails, $"{where}.stepDetails", dropped),
        Inputs = Inputs(service.Inputs, $"{where}.inputs", dropped),
        FirstMissedStep = MissedStep(service.FirstMissedStep, $"{where}.firstMissedStep", dropped),
    };

    static List<string> Texts(IReadOnlyList<string> texts, string where, ICollection<string> dropped)
    {
        var kept = texts.Where(t => t is not null).ToList();
        if (kept.Count < texts.Count) dropped.Add($"{where} ({texts.Count - kept.Count} null)");
        return kept;
    }

    static List<StepRecord> Steps(IReadOnlyList<StepRecord> steps, string where, ICollection<string> dropped)
    {
        var kept = steps.Where(s => s is { Name: not null }).ToList();
        if (kept.Count < steps.Count) dropped.Add($"{where} ({steps.Count - kept.Count} null or without a name)");
        return kept;
    }

    static IReadOnlyDictionary<string, string>? Inputs(IReadOnlyDictionary<string, string>? inputs, string where, ICollection<string> dropped)
    {
        if (inputs is null || inputs.Values.All(v => v is not null)) return inputs;
        // One unknown digest makes every comparison with this build doubtful: compare with nothing rather than guess.
        dropped.Add($"{where} (null digests)");
        return null;
    }

    static MissedStep? MissedStep(MissedStep? missed, string where, ICollection<string> dropped)
    {
        if (missed is null) return null;
        if (missed.Name is null)
        {
            dropped.Add($"{where} (no name)");
            return null;
        }
        var changes = missed.ChangedInputs;
        if (changes is not null && (changes.Added is null || changes.Modified is null || changes.Removed is null
                                    || changes.Added.Concat(changes.Modified).Concat(changes.Removed).Any(p => p is null)))
        {
            dropped.Add($"{where}.changedInputs (null)");
            changes = null;
        }
        return missed with { Reason = missed.Reason ?? "", ChangedInputs = changes };
    }
}
