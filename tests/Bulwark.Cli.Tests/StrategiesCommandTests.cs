using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>`strategies` lists every built-in strategy with its parameters, in the form --param takes them.</summary>
public sealed class StrategiesCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryListedParameterSet_IsAcceptedBackByBacktest()
    {
        using var dir = new TempDir();
        dir.File("x.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,100\n2024-01-03,10,12,10,11,100\n");

        var list = await BulwarkProcess.RunAsync(dir.Path, Timeout, "strategies", "--json");

        Assert.True(list.ExitCode == 0, list.All);
        var strategies = JsonDocument.Parse(list.StdOut).RootElement.GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal(["sma-cross", "ema-cloud", "donchian-breakout", "keltner-breakout", "macd-cross", "ma-cross", "trix", "supertrend", "parabolic-sar", "aroon", "ichimoku", "kama", "hull", "rsi-reversion", "bollinger-reversion", "stochastic-reversion", "hmm-regime", "grid"], strategies.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, true], strategies.Select(s => s.GetProperty("sizesItsOwnOrders").GetBoolean()));
        foreach (var s in strategies)
        {
            var name = s.GetProperty("name").GetString()!;
            string[] parameters = [.. s.GetProperty("parameters").EnumerateObject().SelectMany(p => new[] { "--param", $"{p.Name}={p.Value.GetString()}" })];
            Assert.NotEmpty(parameters);
            var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", "--strategy", name, .. parameters, "--data", "x.csv", "--no-calendar"]);
            Assert.True(run.ExitCode == 0, $"{name}: {run.All}");
            // The first line repeats them, except a protective exit left off ("stopLossPercent=none") and, with no stop in
            // ATRs, the period it would measure the range over (the grid's own atrPeriod is shown), and with no trail what
            // it would follow, a time stop left off, the steps of a scale-out that is off (or of one step), and the ADX
            // filters left off with their ADX period (and the slope's bars with the slope), the trend average's kind
            // with no trend average, the bandwidth limits left off, the squeeze filter left off with its deviations, the failsafe channel left off,
            // and the volume filter left off with its period.
            var stopInAtrsOff = parameters.Contains("stopLossAtr=none");
            var trailOff = parameters.Contains("trailingStopPercent=none") && parameters.Contains("trailingStopAtr=none")
                && parameters.Contains("breakEvenPercent=none");
            var described = parameters.Where((p, i) => i % 2 == 1 && !p.EndsWith("Percent=none", StringComparison.Ordinal)
                && !p.EndsWith("Atr=none", StringComparison.Ordinal) && !(stopInAtrsOff && p.StartsWith("atrPeriod=", StringComparison.Ordinal))
                && !(trailOff && p.StartsWith("trailFrom=", StringComparison.Ordinal)) && p != "maxHoldDays=none" && p != "maxHoldSessions=none"
                && p != "scaleOutSteps=1" && p != "minAdx=none" && p != "maxAdx=none" && p != "diFilter=none" && p != "adxSlope=none"
                && !(parameters.Contains("adxSlope=none") && p.StartsWith("adxSlopeBars=", StringComparison.Ordinal))
                && !(parameters.Contains("trendPeriod=none") && p.StartsWith("trendAverage=", StringComparison.Ordinal))
                && p != "minBandwidth=none" && p != "maxBandwidth=none" && p != "squeezeBars=none" && p != "failsafePeriod=none"
                && p != "minVolumeRatio=none" && p != "maxVolumeRatio=none"
                && !(parameters.Contains("minVolumeRatio=none") && parameters.Contains("maxVolumeRatio=none") && p.StartsWith("volumePeriod=", StringComparison.Ordinal))
                && !(parameters.Contains("squeezeBars=none") && p.StartsWith("squeezeDeviations=", StringComparison.Ordinal))
                && !(parameters.Contains("minAdx=none") && parameters.Contains("maxAdx=none") && parameters.Contains("diFilter=none")
                    && parameters.Contains("adxSlope=none") && p.StartsWith("adxPeriod=", StringComparison.Ordinal)));
            Assert.StartsWith($"{name} {string.Join(" ", described)} on x:", run.StdOut, StringComparison.Ordinal);
        }
    }
}
