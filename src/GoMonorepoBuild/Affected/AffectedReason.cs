namespace GoMonorepoBuild.Affected;

/// <summary>
/// One reason a service is affected: its kind, a sentence, and the chain from the changed file to the service, e.g.
/// libs/auth/token.go → package example.com/libs/auth → imported by example.com/services/orders/internal/api → service orders.
/// </summary>
public sealed record AffectedReason(ReasonKind Kind, string Detail, IReadOnlyList<string> Chain)
{
    public string ChainText => string.Join(" -> ", Chain);
}
