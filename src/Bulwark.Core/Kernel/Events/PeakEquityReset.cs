namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The peak the drawdown stop measures from, set to the account's value then (<paramref name="Equity"/>), lower than the
/// peak before: the operator resumed trading after the stop, accepting the loss so far. <paramref name="Reason"/> says so.
/// </summary>
public sealed record PeakEquityReset(decimal Equity, string Reason) : BotEvent;
