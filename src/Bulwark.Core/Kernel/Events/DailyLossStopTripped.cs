namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The daily loss stop tripped on <paramref name="TradingDate"/>: the account's value (<paramref name="Value"/>) had
/// fallen the limit or more from <paramref name="OpeningValue"/>, its value when the day began. No position is opened or
/// added to for the rest of that day; <paramref name="Reason"/> says so with the figures.
/// </summary>
public sealed record DailyLossStopTripped(DateOnly TradingDate, decimal OpeningValue, decimal Value, string Reason) : BotEvent;
