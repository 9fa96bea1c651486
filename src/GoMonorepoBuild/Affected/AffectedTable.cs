using Spectre.Console;
using Spectre.Console.Rendering;

namespace GoMonorepoBuild.Affected;

/// <summary>The console view: one row per affected service with its first reason, and the counts below.</summary>
public static class AffectedTable
{
    public static IRenderable Render(AffectedResult result)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Service")
            .AddColumn("Path")
            .AddColumn("Reason")
            .AddColumn(new TableColumn("More").RightAligned());
        foreach (var service in result.Services)
            table.AddRow(
                Markup.Escape(service.Name),
                Markup.Escape(service.Path),
                $"[bold]{service.FirstReason.Kind}[/] {Markup.Escape(service.FirstReason.ChainText)}",
                service.Reasons.Count > 1 ? $"+{service.Reasons.Count - 1}" : "");
        foreach (var blocked in result.BlockedServices.Where(b => b.Affected))
            table.AddRow(
                Markup.Escape(blocked.Name),
                Markup.Escape(blocked.Path),
                $"[bold red]Blocked[/] {Markup.Escape(blocked.Problem)}",
                blocked.Problems.Count > 1 ? $"+{blocked.Problems.Count - 1}" : "");
        var caption = $"{result.Services.Count} affected, {result.ChangedFiles.Count} changed files, {result.IgnoredFiles.Count} ignored";
        if (result.OutsideFiles > 0) caption += $", {result.OutsideFiles} outside the monorepo";
        var blockedCount = result.BlockedServices.Count;
        if (blockedCount > 0)
            caption += $"; blocked: {blockedCount} ({result.AffectedBlockedServices.Count} may be affected: fix their problems to analyse them)";
        if (result.RemovedServices.Count > 0) caption += $"; removed: {string.Join(", ", result.RemovedServices)}";
        if (result.NotCheckedOut.Count > 0) caption += $"; not checked out (sparse): {string.Join(", ", result.NotCheckedOut.Select(n => n.Name))}";
        if (result.Fallback is not null) caption += "; FALLBACK: every service selected without analysis";
        return table.Caption(Markup.Escape(caption));
    }
}
