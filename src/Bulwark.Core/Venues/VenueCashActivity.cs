namespace Bulwark.Core.Venues;

/// <summary>
/// Cash the venue booked on the account without an order, as it reports it. <paramref name="Sequence"/> orders a venue's
/// activities and never repeats, so a consumer that remembers the last one it applied applies each exactly once;
/// <paramref name="ActivityId"/> is the venue's own name for it. <paramref name="Amount"/> is signed: negative is a charge.
/// <paramref name="Symbol"/> is the position it is for, when it is for one.
/// </summary>
public sealed record VenueCashActivity(
    long Sequence,
    string ActivityId,
    CashActivityKind Kind,
    string? Symbol,
    decimal Amount,
    DateTimeOffset Time,
    string Description);
