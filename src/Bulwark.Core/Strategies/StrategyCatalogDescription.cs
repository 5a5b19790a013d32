namespace Bulwark.Core.Strategies;

/// <summary>How the catalog describes a run's parameters in one line.</summary>
public static partial class StrategyCatalog
{
    /// <summary>
    /// The parameters a run's one-line description shows: all but the protective exits, time stops, ADX filters, volume
    /// filters, bandwidth limits, squeeze filter and failsafe channel left off ("none"), the filters' ADX period when all
    /// are off and the slope's bars when it is off, the volume filter's period when both its ratios are off, the trend
    /// average's kind when there is no trend average, the squeeze's deviations when there is no squeeze filter, the ATR
    /// period of a strategy whose stops in ATRs are off (the grid's, which spaces its levels, always shows), what the
    /// trail follows when there is no trail, and the steps of a scale-out when there is none or one.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Described(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var atrOff = AllOff(parameters, StopParameters[3], StopParameters[4], StopParameters[8]);
        var trailOff = AllOff(parameters, StopParameters[1], StopParameters[4], StopParameters[5]);
        var scaleOutOff = AllOff(parameters, StopParameters[7]);
        var filterOff = AllOff(parameters, MinAdxParameter, MaxAdxParameter, DiFilterParameter, AdxSlopeParameter);
        var slopeOff = AllOff(parameters, AdxSlopeParameter);
        var volumeOff = AllOff(parameters, MinVolumeRatioParameter, MaxVolumeRatioParameter);
        var trendOff = AllOff(parameters, TrendPeriodParameter);
        var squeezeOff = AllOff(parameters, SqueezeBarsParameter);
        return parameters.Where(p => !(p.Value == "none" && (StopParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase)
                || p.Key.Equals(MaxHoldParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(MaxHoldSessionsParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(MinAdxParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(MaxAdxParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(DiFilterParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(AdxSlopeParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(MinVolumeRatioParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(MaxVolumeRatioParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(MinBandwidthParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(MaxBandwidthParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(SqueezeBarsParameter, StringComparison.OrdinalIgnoreCase)
                || p.Key.Equals(FailsafePeriodParameter, StringComparison.OrdinalIgnoreCase)))
            && !(filterOff && p.Key.Equals(AdxPeriodParameter, StringComparison.OrdinalIgnoreCase))
            && !(slopeOff && p.Key.Equals(AdxSlopeBarsParameter, StringComparison.OrdinalIgnoreCase))
            && !(volumeOff && p.Key.Equals(VolumePeriodParameter, StringComparison.OrdinalIgnoreCase))
            && !(trendOff && p.Key.Equals(TrendAverageParameter, StringComparison.OrdinalIgnoreCase))
            && !(squeezeOff && p.Key.Equals(SqueezeDeviationsParameter, StringComparison.OrdinalIgnoreCase))
            && !(atrOff && p.Key.Equals(AtrPeriodParameter, StringComparison.OrdinalIgnoreCase))
            && !(trailOff && p.Key.Equals(TrailFromParameter, StringComparison.OrdinalIgnoreCase))
            && !((scaleOutOff || p.Value == "1") && p.Key.Equals(ScaleOutStepsParameter, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Whether <paramref name="parameters"/> have any of <paramref name="keys"/>, all of them "none".</summary>
    private static bool AllOff(IReadOnlyDictionary<string, string> parameters, params string[] keys)
    {
        var given = parameters.Where(p => keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        return given.Count > 0 && given.All(p => p.Value == "none");
    }
}
