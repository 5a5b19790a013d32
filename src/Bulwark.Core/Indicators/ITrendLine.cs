namespace Bulwark.Core.Indicators;

/// <summary>
/// An indicator whose reading is a trend's direction, up or down, once it is ready: the supertrend, the parabolic SAR,
/// the Aroon and Ichimoku strategies' trends.
/// </summary>
public interface ITrendLine : IIndicator
{
    /// <summary>Whether the trend is up after the latest bar; false before ready.</summary>
    bool IsUp { get; }
}
