using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Hosoda's Ichimoku Kinko Hyo without its lagging line. The conversion line (tenkan-sen) is the midpoint of the highest
/// high and the lowest low of the last <see cref="ConversionPeriod"/> bars, the base line (kijun-sen) the same over
/// <see cref="BasePeriod"/> bars. The leading spans are drawn <see cref="Displacement"/> bars ahead: span A, the mean
/// of the two lines, and span B, the midpoint of the last <see cref="SpanBPeriod"/> bars' range. Their values
/// <see cref="Displacement"/> bars ago are the cloud at this bar (<see cref="SpanA"/>, <see cref="SpanB"/>); the ones
/// made this bar are the cloud ahead (<see cref="LeadA"/>, <see cref="LeadB"/>). The lagging line (chikou span), this
/// close drawn <see cref="Displacement"/> bars back, reads the future at every bar but the last, so it is not an
/// output: a rule compares the close with the close <see cref="Displacement"/> bars ago instead. Ready once the cloud at
/// this bar is known, after the longest period + <see cref="Displacement"/> bars (78 with the usual 9, 26, 52).
/// Outputs in order: conversion, base, span A, span B, lead A, lead B. O(1) per update (amortised), no allocation
/// after construction.
/// </summary>
public sealed class Ichimoku : IIndicator
{
    private HighLowRange _conversion;
    private HighLowRange _base;
    private HighLowRange _spanB;
    private readonly decimal[] _leadA;
    private readonly decimal[] _leadB;
    private long _seen;

    /// <exception cref="ArgumentOutOfRangeException">A period or the displacement is below 1.</exception>
    public Ichimoku(int conversionPeriod, int basePeriod, int spanBPeriod, int displacement)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(conversionPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(basePeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spanBPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(displacement, 1);
        _conversion = new HighLowRange(conversionPeriod);
        _base = new HighLowRange(basePeriod);
        _spanB = new HighLowRange(spanBPeriod);
        // The spans of the last Displacement + 1 bars: this bar's and the one drawn at this bar.
        _leadA = new decimal[displacement + 1];
        _leadB = new decimal[displacement + 1];
        (ConversionPeriod, BasePeriod, SpanBPeriod, Displacement) = (conversionPeriod, basePeriod, spanBPeriod, displacement);
    }

    /// <summary>The usual 9, 26 and 52 bars, the spans drawn 26 bars ahead.</summary>
    public Ichimoku()
        : this(9, 26, 52, 26)
    {
    }

    public int ConversionPeriod { get; }
    public int BasePeriod { get; }
    public int SpanBPeriod { get; }
    public int Displacement { get; }

    public bool IsReady => _seen >= Math.Max(Math.Max(ConversionPeriod, BasePeriod), SpanBPeriod) + (long)Displacement;

    /// <summary>The conversion line (tenkan-sen); 0 before ready.</summary>
    public decimal Conversion => IsReady ? Midpoint(_conversion) : 0m;

    /// <summary>The base line (kijun-sen); 0 before ready.</summary>
    public decimal Base => IsReady ? Midpoint(_base) : 0m;

    /// <summary>Leading span A as drawn at this bar (made <see cref="Displacement"/> bars ago); 0 before ready.</summary>
    public decimal SpanA => IsReady ? _leadA[Slot] : 0m;

    /// <summary>Leading span B as drawn at this bar (made <see cref="Displacement"/> bars ago); 0 before ready.</summary>
    public decimal SpanB => IsReady ? _leadB[Slot] : 0m;

    /// <summary>Leading span A made this bar, drawn <see cref="Displacement"/> bars ahead; 0 before ready.</summary>
    public decimal LeadA => IsReady ? (Midpoint(_conversion) + Midpoint(_base)) / 2m : 0m;

    /// <summary>Leading span B made this bar, drawn <see cref="Displacement"/> bars ahead; 0 before ready.</summary>
    public decimal LeadB => IsReady ? Midpoint(_spanB) : 0m;

    /// <summary>The top of the cloud at this bar, the higher span; 0 before ready.</summary>
    public decimal CloudTop => Math.Max(SpanA, SpanB);

    /// <summary>The bottom of the cloud at this bar, the lower span; 0 before ready.</summary>
    public decimal CloudBottom => Math.Min(SpanA, SpanB);

    public int OutputCount => 6;

    public decimal GetOutput(int index) => index switch
    {
        0 => Conversion,
        1 => Base,
        2 => SpanA,
        3 => SpanB,
        4 => LeadA,
        5 => LeadB,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index,
            "Ichimoku has six outputs: conversion, base, span A, span B, lead A, lead B."),
    };

    public void Update(in Bar bar) => Update(bar.High, bar.Low);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low)
    {
        _conversion.Add(high, low);
        _base.Add(high, low);
        _spanB.Add(high, low);
        var slot = (int)(_seen % _leadA.Length);
        _seen++;
        _leadA[slot] = (Midpoint(_conversion) + Midpoint(_base)) / 2m;
        _leadB[slot] = Midpoint(_spanB);
    }

    /// <summary>Where the spans made <see cref="Displacement"/> bars before the latest bar are kept (overwritten by the next).</summary>
    private int Slot => (int)(_seen % _leadA.Length);

    private static decimal Midpoint(in HighLowRange range) => (range.Highest + range.Lowest) / 2m;
}
