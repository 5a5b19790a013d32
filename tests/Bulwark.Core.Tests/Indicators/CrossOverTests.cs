using Bulwark.Core.Indicators;

namespace Bulwark.Core.Tests.Indicators;

public sealed class CrossOverTests
{
    /// <summary>Feeds the differences value - reference (against a reference of 100) and records (up, down) per bar.</summary>
    private static List<(bool Up, bool Down)> Run(params decimal[] differences)
    {
        var cross = new CrossOver();
        var seen = new List<(bool, bool)>();
        foreach (var d in differences)
        {
            cross.Update(100m + d, 100m);
            seen.Add((cross.Up, cross.Down));
        }
        return seen;
    }

    private static readonly (bool, bool) None = (false, false);
    private static readonly (bool, bool) Up = (true, false);
    private static readonly (bool, bool) Down = (false, true);

    [Fact]
    public void BelowThenAbove_CrossesUpOnTheBarThatIsAbove() =>
        Assert.Equal([None, None, Up, None], Run(-2m, -1m, 0.5m, 3m));

    [Fact]
    public void AboveThenBelow_CrossesDownOnTheBarThatIsBelow() =>
        Assert.Equal([None, Down, None], Run(1m, -0.01m, -4m));

    [Fact]
    public void FirstBar_NeverCrosses_WhateverItsSide()
    {
        Assert.Equal([None], Run(5m));
        Assert.Equal([None], Run(-5m));
    }

    [Fact]
    public void TouchingThenCrossing_CrossesWhenTheSideFinallyChanges() =>
        Assert.Equal([None, None, None, Up], Run(-1m, 0m, 0m, 1m));

    [Fact]
    public void TouchingThenCrossingDown_CrossesWhenTheSideFinallyChanges() =>
        Assert.Equal([None, None, Down], Run(2m, 0m, -2m));

    [Fact]
    public void TouchingAndGoingBack_IsNoCross()
    {
        Assert.Equal([None, None, None], Run(-1m, 0m, -1m));
        Assert.Equal([None, None, None], Run(1m, 0m, 1m));
    }

    [Fact]
    public void StartingOnTheReference_CrossesOnlyAfterASide()
    {
        // No side before the first non-zero difference, so moving off zero is not a cross.
        Assert.Equal([None, None, None, Down], Run(0m, 1m, 0m, -1m));
    }

    [Fact]
    public void Side_IsTheLastNonZeroSide_AndZeroBeforeAny()
    {
        var cross = new CrossOver();
        var sides = new List<int>();
        foreach (var d in new[] { 0m, 2m, 0m, -1m, 0m, 3m })
        {
            cross.Update(100m + d, 100m);
            sides.Add(cross.Side);
        }
        Assert.Equal([0, 1, 1, -1, -1, 1], sides);
    }

    [Fact]
    public void Flags_HoldForOneBarOnly() =>
        Assert.Equal([None, Up, None, Down, Up], Run(-1m, 1m, 1m, -1m, 1m));
}
