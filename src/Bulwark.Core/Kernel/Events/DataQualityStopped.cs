namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The symbol's data looks wrong (<paramref name="Reason"/>): no position is opened or added to there until
/// <see cref="DataQualityResumed"/>. <paramref name="LastClose"/> is the close a following bar is measured from to lift
/// a jump's stop (null for the other stops, which any good bar lifts).
/// </summary>
public sealed record DataQualityStopped(string Symbol, string Reason, decimal? LastClose) : BotEvent;
