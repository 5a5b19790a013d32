namespace Bulwark.Core.Kernel.Events;

/// <summary>The end-of-day flatten began for <paramref name="Exchange"/>'s session of <paramref name="Session"/>.</summary>
public sealed record EndOfDayFlattenStarted(string Exchange, DateOnly Session, DateTimeOffset Close) : BotEvent;
