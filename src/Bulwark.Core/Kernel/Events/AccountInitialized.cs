namespace Bulwark.Core.Kernel.Events;

/// <summary>The first event of a bot: its starting capital and the zone whose date its trading day follows.</summary>
public sealed record AccountInitialized(string BotId, decimal StartingCash, string Currency, string TradingTimeZone) : BotEvent;
