namespace Bulwark.Core.Kernel.Events;

/// <summary>A change of one grid's journaled state (see <see cref="GridBook"/>); the grid is keyed by source and symbol.</summary>
public abstract record GridEvent(string Source, string Symbol) : BotEvent;
