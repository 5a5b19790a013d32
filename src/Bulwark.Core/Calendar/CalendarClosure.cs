namespace Bulwark.Core.Calendar;

/// <summary>An extra full-day closure, e.g. one announced at short notice. <paramref name="Name"/> is shown as the reason.</summary>
public sealed record CalendarClosure(DateOnly Date, string? Name = null);
