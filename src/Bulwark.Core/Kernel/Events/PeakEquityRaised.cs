namespace Bulwark.Core.Kernel.Events;

public sealed record PeakEquityRaised(decimal Equity) : BotEvent;
