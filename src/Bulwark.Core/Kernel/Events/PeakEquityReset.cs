namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The peak the drawdown stop measures from, settled at the first bar after the operator resumed trading: the account's
/// value then when it was at or beyond the stop's limit (the operator accepted the loss so far), else the peak as it
/// was (<paramref name="Equity"/>). <paramref name="Reason"/> says which.
/// </summary>
public sealed record PeakEquityReset(decimal Equity, string Reason) : BotEvent;
