namespace Bulwark.Core.Kernel.Events;

/// <summary>A bar of <paramref name="Symbol"/> opening at <paramref name="BarTime"/> was refused as bad data, for <paramref name="Problem"/>; nothing saw it.</summary>
public sealed record BarRejected(string Symbol, DateTimeOffset BarTime, string Problem) : BotEvent;
