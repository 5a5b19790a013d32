using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// Cash the venue booked without an order (<see cref="VenueCashActivity"/>), applied to the account's cash: a
/// position's financing, or another charge or credit the venue reported. <paramref name="Sequence"/> is the venue's, so a
/// re-delivery or a recovery's re-read of the same activity is not applied twice.
/// </summary>
public sealed record CashActivityRecorded(
    long Sequence,
    string ActivityId,
    CashActivityKind Kind,
    string? Symbol,
    decimal Amount,
    DateTimeOffset ActivityTime,
    string Description) : BotEvent;
