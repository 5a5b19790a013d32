namespace Bulwark.Core.Kernel.Events;

/// <summary>The operator's flatten is done: no position is held and no order is working. <paramref name="Summary"/> says so.</summary>
public sealed record FlattenCompleted(string Summary) : BotEvent;
