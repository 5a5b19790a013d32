namespace Bulwark.Core.Calendar;

/// <summary>Which of a session's no-entry windows an instant is in (<see cref="TradingHoursOptions"/>).</summary>
public enum EntryWindow
{
    /// <summary>Entries may go out (as far as the windows go).</summary>
    None,

    /// <summary>Within <see cref="TradingHoursOptions.NoEntriesAfterOpen"/> of a regular open that follows a gap.</summary>
    AfterOpen,

    /// <summary>Within <see cref="TradingHoursOptions.NoEntriesBeforeClose"/> of a regular close that is followed by a gap.</summary>
    BeforeClose,
}
