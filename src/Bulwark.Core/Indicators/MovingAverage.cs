using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// What the moving averages share: one output, the average itself, and a bar taken as its close. Each average says how
/// it is ready, what its value is and which side of it a value is on.
/// </summary>
public abstract class MovingAverage : IMovingAverage
{
    public abstract int Period { get; }

    public abstract bool IsReady { get; }

    public abstract decimal Value { get; }

    public int OutputCount => 1;

    public abstract int SideOf(decimal value);

    public abstract void Update(decimal value);

    public decimal GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, "A moving average has one output.");

    public void Update(in Bar bar) => Update(bar.Close);
}
