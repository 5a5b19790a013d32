namespace Bulwark.Core.Indicators;

/// <summary>
/// A moving average of single values (of the close for bars) that can say which side of it a value is on, so a trend
/// filter or a crossover can take any of the averages.
/// </summary>
public interface IMovingAverage : IIndicator
{
    /// <summary>The values the average is over, and after which it is ready.</summary>
    int Period { get; }

    /// <summary>The average after the latest value; 0 before ready.</summary>
    decimal Value { get; }

    /// <summary>Which side of the average <paramref name="value"/> is on: 1 above, -1 below, 0 on it; 0 before ready.</summary>
    int SideOf(decimal value);

    /// <summary>Takes the next value.</summary>
    void Update(decimal value);
}
