using Bulwark.Core.Risk;
using Bulwark.Host.Operations;

namespace Bulwark.Host.Tests.Operations;

public sealed class BlackoutStatusTests
{
    [Fact]
    public void StatusShows_TheBlackoutsOfToday_AndThoseBeginningWithinAWeek_NotThosePastOrFurther()
    {
        var today = new DateOnly(2024, 5, 1);
        var blackouts = new Blackouts([
            new("AAPL", today.AddDays(-3), today.AddDays(-1), "past", false),
            new("AAPL", today.AddDays(-1), today, "today", true),
            new("*", today.AddDays(7), today.AddDays(7), "in a week", false),
            new("MSFT", today.AddDays(8), today.AddDays(9), "too far", false),
        ]);

        var shown = BlackoutStatus.Of(blackouts, today);

        Assert.Equal([("today", true, true), ("in a week", false, false)], shown.Select(b => (b.Reason, b.Active, b.Exit)));
        Assert.Equal(("2024-04-30", "2024-05-01"), (shown[0].From, shown[0].To));
    }
}
