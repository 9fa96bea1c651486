namespace GoMonorepoBuild.Affected;

/// <summary>
/// A selected service the analysis could not look into because a problem blocks it (see
/// <see cref="Workspace.Services.BlockedService"/>). <see cref="Affected"/> says whether the changes may reach it:
/// a changed file in a module its module reaches, the file its problem sits in, or a change to every service.
/// </summary>
/// <param name="Name">The service's name.</param>
/// <param name="Path">Its folder, relative to the monorepo root.</param>
/// <param name="Problem">The first problem as "file:line:column: reason" (what is wrong and what to do).</param>
/// <param name="Problems">Every problem that blocks it, the same way.</param>
/// <param name="Affected">Whether the changes may affect it (a run that builds it must then fail rather than guess).</param>
public sealed record BlockedServiceEntry(string Name, string Path, string Problem, IReadOnlyList<string> Problems, bool Affected);
