namespace Bulwark.Core.Calendar;

/// <summary>A session as a builder describes it: its date, bounds, and the occasion of its early close if it has one.</summary>
internal readonly record struct SessionSpec(DateOnly Date, SessionRow Bounds, string? EarlyCloseName);
