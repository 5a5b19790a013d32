using Bulwark.Core.Strategies;
using static Bulwark.Core.Tests.Strategies.StrategyCatalogTests;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// Each signal strategy's own parameters through the catalog (donchian-breakout, keltner-breakout, rsi-reversion, macd-cross,
/// bollinger-reversion, stochastic-reversion): they reach the strategy beside the shared exits, time stops and filter, are
/// described in the order read, and each bad one is a problem naming it.
/// </summary>
public sealed class StrategyCatalogParameterTests
{
    [Fact]
    public void DonchianBreakout_TakesItsChannels_TheExitsTimeStopsAndTrendFilter_AndNamesBadPeriods()
    {
        var built = Build("donchian-breakout", ("entryPeriod", "55"), ("exitPeriod", "20"), ("allowShort", "true"),
            ("skipAfterWin", "true"), ("failsafePeriod", "89"), ("trendPeriod", "100"), ("trendAverage", "ema"), ("stopLossAtr", "2"), ("maxHoldSessions", "30"), ("minAdx", "20"));
        var strategy = Assert.IsType<DonchianBreakoutStrategy>(built.Strategy);
        Assert.Equal(100, strategy.BarsToFirstSignal);
        Assert.Equal((2m, 30, new TrendFilter(20m, 14)), (strategy.Protection!.StopLossAtr, strategy.MaxHoldSessions, strategy.TrendFilter));
        Assert.Equal(["entryPeriod=55", "exitPeriod=20", "allowShort=true", "skipAfterWin=true", "failsafePeriod=89", "trendPeriod=100", "trendAverage=ema", "stopLossAtr=2", "atrPeriod=14", "maxHoldSessions=30", "minAdx=20", "adxPeriod=14"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.entryPeriod: must be from 1 to 100000 bars, got 100001"], Problems(Build("donchian-breakout", ("entryPeriod", "100001"))));
        Assert.Single(Problems(Build("donchian-breakout", ("exitPeriod", "0"))), p => p.StartsWith("params.exitPeriod: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Equal(["entryPeriod=20", "exitPeriod=10", "allowShort=false", "skipAfterWin=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("donchian-breakout").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.trendPeriod: must be from 1 to 100000 bars, got 100001"], Problems(Build("donchian-breakout", ("trendPeriod", "100001"))));
        Assert.Equal(["params.failsafePeriod: takes skipped breakouts, so it needs skipAfterWin=true"], Problems(Build("donchian-breakout", ("failsafePeriod", "55"))));
        Assert.Single(Problems(Build("donchian-breakout", ("skipAfterWin", "yes"))), p => p.StartsWith("params.skipAfterWin: expected true or false", StringComparison.Ordinal));
        Assert.Single(Problems(Build("donchian-breakout", ("trendPeriod", "50"), ("trendAverage", "hull"))), p => p.StartsWith("params.trendAverage: expected one of sma, ema, kama, wma, hma, dema, tema, got 'hull'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("donchian-breakout", ("period", "5"))), p => p.StartsWith("params.period: unknown parameter of donchian-breakout", StringComparison.Ordinal));
    }

    [Fact]
    public void KeltnerBreakout_TakesItsChannel_TheExitsTimeStopsAndTrendFilter_AndNamesBadValues()
    {
        var built = Build("keltner-breakout", ("period", "30"), ("multiplier", "1.5"), ("rangePeriod", "40"), ("exitMultiplier", "-1.5"), ("allowShort", "true"),
            ("trendPeriod", "60"), ("trailingStopAtr", "3"), ("maxHoldDays", "20"), ("maxAdx", "30"));
        var strategy = Assert.IsType<KeltnerBreakoutStrategy>(built.Strategy);
        Assert.Equal(60, strategy.BarsToFirstSignal);
        Assert.Equal((3m, TimeSpan.FromDays(20), new TrendFilter(null, 14) { MaxAdx = 30m }), (strategy.Protection!.TrailingAtr, strategy.MaxHold, strategy.TrendFilter));
        Assert.Equal(["period=30", "multiplier=1.5", "rangePeriod=40", "exitMultiplier=-1.5", "allowShort=true", "trendPeriod=60", "trendAverage=sma", "trailingStopAtr=3", "atrPeriod=14", "trailFrom=close", "maxHoldDays=20", "maxAdx=30", "adxPeriod=14"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=20", "multiplier=2", "rangePeriod=10", "exitMultiplier=0", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("keltner-breakout").Parameters).Select(p => $"{p.Key}={p.Value}"));
        var squeeze = Build("keltner-breakout", ("squeezeBars", "10"), ("squeezeDeviations", "1.5"));
        Assert.Equal(["period=20", "multiplier=2", "rangePeriod=10", "exitMultiplier=0", "squeezeBars=10", "squeezeDeviations=1.5", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(squeeze.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Single(Problems(Build("keltner-breakout", ("trendPeriod", "0"))), p => p.StartsWith("params.trendPeriod: expected 'none' or a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("keltner-breakout", ("squeezeBars", "0"))), p => p.StartsWith("params.squeezeBars: expected 'none' or a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("keltner-breakout", ("squeezeDeviations", "0"))), p => p.StartsWith("params.squeezeDeviations: expected a number > 0", StringComparison.Ordinal));
        Assert.Equal(["params.exitMultiplier: must be from -1 to 1 (the channel), got 1.5"], Problems(Build("keltner-breakout", ("multiplier", "1"), ("exitMultiplier", "1.5"))));
        Assert.Single(Problems(Build("keltner-breakout", ("multiplier", "0"))), p => p.StartsWith("params.multiplier: expected a number > 0", StringComparison.Ordinal));
        Assert.Single(Problems(Build("keltner-breakout", ("rangePeriod", "0"))), p => p.StartsWith("params.rangePeriod: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("keltner-breakout", ("deviations", "2"))), p => p.StartsWith("params.deviations: unknown parameter of keltner-breakout", StringComparison.Ordinal));
    }

    [Fact]
    public void RsiReversion_TakesItsLevels_TheExitsTimeStopsAndTrendFilter_AndNamesBadLevels()
    {
        var built = Build("rsi-reversion", ("rsiPeriod", "2"), ("oversold", "10"), ("overbought", "90"), ("exitLevel", "70"), ("allowShort", "true"),
            ("trendPeriod", "200"), ("trendAverage", "ema"), ("stopLossPercent", "3"), ("maxHoldDays", "10"), ("minAdx", "15"));
        var strategy = Assert.IsType<RsiReversionStrategy>(built.Strategy);
        Assert.Equal(200, strategy.BarsToFirstSignal);
        Assert.Equal((3m, TimeSpan.FromDays(10), new TrendFilter(15m, 14)), (strategy.Protection!.StopLossPercent, strategy.MaxHold, strategy.TrendFilter));
        Assert.Equal(["rsiPeriod=2", "oversold=10", "overbought=90", "exitLevel=70", "shortExitLevel=mirror", "allowShort=true", "trendPeriod=200", "trendAverage=ema", "stopLossPercent=3", "maxHoldDays=10", "minAdx=15", "adxPeriod=14"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["rsiPeriod=14", "oversold=30", "overbought=70", "exitLevel=50", "shortExitLevel=mirror", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("rsi-reversion").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.exitLevel: must be from oversold (30) to overbought (70), got 75"], Problems(Build("rsi-reversion", ("exitLevel", "75"))));
        Assert.Equal(["params.shortExitLevel: must be from oversold (30) to overbought (70), got 80"], Problems(Build("rsi-reversion", ("shortExitLevel", "80"))));
        Assert.Single(Problems(Build("rsi-reversion", ("shortExitLevel", "middle"))), p => p.StartsWith("params.shortExitLevel: expected 'mirror' or a number > 0", StringComparison.Ordinal));
        Assert.Empty(Build("rsi-reversion", ("shortExitLevel", "60")).Problems);
        Assert.Equal(["params.oversold: must be below overbought (70), got 70"], Problems(Build("rsi-reversion", ("oversold", "70"))));
        Assert.Equal(["params.overbought: must be above 0 and below 100 (the RSI runs from 0 to 100), got 100"], Problems(Build("rsi-reversion", ("overbought", "100"))));
        Assert.Single(Problems(Build("rsi-reversion", ("oversold", "0"))), p => p.StartsWith("params.oversold: expected a number > 0", StringComparison.Ordinal));
        Assert.Single(Problems(Build("rsi-reversion", ("trendPeriod", "0"))), p => p.StartsWith("params.trendPeriod: expected 'none' or a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("rsi-reversion", ("trendPeriod", "50"), ("trendAverage", "zlema"))), p => p.StartsWith("params.trendAverage: expected one of sma, ema, kama, wma, hma, dema, tema, got 'zlema'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("rsi-reversion", ("period", "5"))), p => p.StartsWith("params.period: unknown parameter of rsi-reversion", StringComparison.Ordinal));
    }

    [Fact]
    public void EmaCloud_TakesATrendAverage_DescribedOnlyWhenGiven_AndNamesABadOne()
    {
        var built = Build("ema-cloud", ("allowShort", "true"), ("trendPeriod", "200"), ("trendAverage", "ema"));
        Assert.Equal(200, Assert.IsType<EmaCloudStrategy>(built.Strategy).BarsToFirstSignal);
        Assert.Equal(["fastShort=5", "fastLong=12", "trendShort=34", "trendLong=50", "allowShort=true", "trendPeriod=200", "trendAverage=ema"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["fastShort=5", "fastLong=12", "trendShort=34", "trendLong=50", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("ema-cloud").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.trendPeriod: must be from 1 to 100000 bars, got 100001"], Problems(Build("ema-cloud", ("trendPeriod", "100001"))));
        Assert.Single(Problems(Build("ema-cloud", ("trendPeriod", "50"), ("trendAverage", "zlema"))), p => p.StartsWith("params.trendAverage: expected one of sma, ema, kama, wma, hma, dema, tema, got 'zlema'", StringComparison.Ordinal));
    }

    [Fact]
    public void SmaCross_TakesATrendAverage_DescribedOnlyWhenGiven_AndNamesABadOne()
    {
        var built = Build("sma-cross", ("period", "20"), ("trendPeriod", "200"), ("trendAverage", "ema"));
        Assert.Equal(200, Assert.IsType<SmaCrossStrategy>(built.Strategy).BarsToFirstSignal);
        Assert.Equal(["period=20", "trendPeriod=200", "trendAverage=ema"], StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=10", "trendPeriod=none"], StrategyCatalog.Described(Build("sma-cross", ("trendAverage", "ema")).Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.trendPeriod: must be from 1 to 100000 bars, got 100001"], Problems(Build("sma-cross", ("trendPeriod", "100001"))));
        Assert.Single(Problems(Build("sma-cross", ("trendPeriod", "0"))), p => p.StartsWith("params.trendPeriod: expected 'none' or a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("sma-cross", ("trendPeriod", "50"), ("trendAverage", "zlema"))), p => p.StartsWith("params.trendAverage: expected one of sma, ema, kama, wma, hma, dema, tema, got 'zlema'", StringComparison.Ordinal));
    }

    [Fact]
    public void Supertrend_TakesItsPeriodAndMultiplier_TheExitsAndFilters_AndNamesBadOnes()
    {
        var built = Build("supertrend", ("period", "7"), ("multiplier", "2.5"), ("allowShort", "true"), ("trendPeriod", "50"),
            ("stopLossPercent", "2"), ("maxHoldSessions", "10"), ("minVolumeRatio", "1.5"));
        var strategy = Assert.IsType<SupertrendStrategy>(built.Strategy);
        Assert.Equal(50, strategy.BarsToFirstSignal); // the trend average after 50 bars; the line's turn after 8, the volume's mean after 21
        Assert.Equal((2m, 10, new VolumeFilter(1.5m, null, 20)), (strategy.Protection!.StopLossPercent, strategy.MaxHoldSessions, strategy.VolumeFilter));
        Assert.Equal(["period=7", "multiplier=2.5", "allowShort=true", "trendPeriod=50", "trendAverage=sma", "stopLossPercent=2", "maxHoldSessions=10", "minVolumeRatio=1.5", "volumePeriod=20"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=10", "multiplier=3", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("supertrend").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.period: must be from 1 to 100000 bars, got 100001"], Problems(Build("supertrend", ("period", "100001"))));
        Assert.Equal(["params.multiplier: must be above 0 and at most 100 average true ranges, got 101"], Problems(Build("supertrend", ("multiplier", "101"))));
        Assert.Single(Problems(Build("supertrend", ("multiplier", "0"))), p => p.StartsWith("params.multiplier: expected a number > 0", StringComparison.Ordinal));
        Assert.Single(Problems(Build("supertrend", ("period", "0"))), p => p.StartsWith("params.period: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("supertrend", ("trendAverage", "zlema"))), p => p.StartsWith("params.trendAverage: expected one of sma, ema, kama, wma, hma, dema, tema, got 'zlema'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("supertrend", ("signal", "9"))), p => p.StartsWith("params.signal: unknown parameter of supertrend", StringComparison.Ordinal));
    }

    [Fact]
    public void ParabolicSar_TakesItsAccelerations_TheExitsAndFilters_AndNamesBadOnes()
    {
        var built = Build("parabolic-sar", ("acceleration", "0.01"), ("maxAcceleration", "0.1"), ("allowShort", "true"), ("trendPeriod", "2"),
            ("trailingStopAtr", "3"), ("minAdx", "20"));
        var strategy = Assert.IsType<ParabolicSarStrategy>(built.Strategy);
        Assert.Equal(28, strategy.BarsToFirstSignal); // the ADX after 28 bars; the SAR's reversal after 3, the trend average after 2
        Assert.Equal((3m, 20m), (strategy.Protection!.TrailingAtr, strategy.TrendFilter!.MinAdx));
        Assert.Equal(["acceleration=0.01", "maxAcceleration=0.1", "allowShort=true", "trendPeriod=2", "trendAverage=sma", "trailingStopAtr=3", "atrPeriod=14", "trailFrom=close", "minAdx=20", "adxPeriod=14"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["acceleration=0.02", "maxAcceleration=0.2", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("parabolic-sar").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.maxAcceleration: must be at least acceleration (0.3), got 0.2"], Problems(Build("parabolic-sar", ("acceleration", "0.3"))));
        Assert.Equal(["params.maxAcceleration: must be at most 1 (the stop would pass the trend's extreme), got 1.5"], Problems(Build("parabolic-sar", ("maxAcceleration", "1.5"))));
        Assert.Equal(["params.acceleration: must be above 0 and at most 1, got 2"], Problems(Build("parabolic-sar", ("acceleration", "2"), ("maxAcceleration", "1"))));
        Assert.Single(Problems(Build("parabolic-sar", ("acceleration", "0"))), p => p.StartsWith("params.acceleration: expected a number > 0", StringComparison.Ordinal));
        Assert.Single(Problems(Build("parabolic-sar", ("period", "9"))), p => p.StartsWith("params.period: unknown parameter of parabolic-sar", StringComparison.Ordinal));
    }

    [Fact]
    public void Aroon_TakesItsPeriodAndThreshold_TheExitsAndFilters_AndNamesBadOnes()
    {
        var built = Build("aroon", ("period", "14"), ("threshold", "50"), ("allowShort", "true"), ("trendPeriod", "100"),
            ("trendAverage", "ema"), ("stopLossAtr", "2"), ("minAdx", "20"));
        var strategy = Assert.IsType<AroonStrategy>(built.Strategy);
        Assert.Equal(100, strategy.BarsToFirstSignal); // the trend average after 100 bars; the ADX after 28, a turn of the Aroon after 16
        Assert.Equal((2m, 20m), (strategy.Protection!.StopLossAtr, strategy.TrendFilter!.MinAdx));
        Assert.Equal(["period=14", "threshold=50", "allowShort=true", "trendPeriod=100", "trendAverage=ema", "stopLossAtr=2", "atrPeriod=14", "minAdx=20", "adxPeriod=14"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=25", "threshold=0", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("aroon").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.threshold: must be at least 0 and below 100 (the oscillator's most), got 100"], Problems(Build("aroon", ("threshold", "100"))));
        Assert.Equal(["params.period: must be from 1 to 100000 bars, got 100001"], Problems(Build("aroon", ("period", "100001"))));
        Assert.Single(Problems(Build("aroon", ("threshold", "-5"))), p => p.StartsWith("params.threshold: expected a number >= 0", StringComparison.Ordinal));
        Assert.Single(Problems(Build("aroon", ("period", "0"))), p => p.StartsWith("params.period: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("aroon", ("multiplier", "3"))), p => p.StartsWith("params.multiplier: unknown parameter of aroon", StringComparison.Ordinal));
    }

    [Fact]
    public void Kama_TakesItsPeriodsAndFilter_TheExitsAndFilters_AndNamesBadOnes()
    {
        var built = Build("kama", ("period", "8"), ("fastPeriod", "3"), ("slowPeriod", "40"), ("filter", "0.5"), ("filterPeriod", "15"),
            ("allowShort", "true"), ("trendPeriod", "50"), ("trendAverage", "kama"), ("stopLossAtr", "2"));
        var strategy = Assert.IsType<KamaStrategy>(built.Strategy);
        Assert.Equal(51, strategy.BarsToFirstSignal); // the trend average's 50 bars and one; the line's 8 + 1 + 15 + 1 are fewer
        Assert.Equal(2m, strategy.Protection!.StopLossAtr);
        Assert.Equal(["period=8", "fastPeriod=3", "slowPeriod=40", "filter=0.5", "filterPeriod=15", "allowShort=true", "trendPeriod=50", "trendAverage=kama",
            "stopLossAtr=2", "atrPeriod=14"], StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=10", "fastPeriod=2", "slowPeriod=30", "filter=0", "filterPeriod=20", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("kama").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.fastPeriod: must be below slowPeriod 30, got 30"], Problems(Build("kama", ("fastPeriod", "30"))));
        Assert.Equal(["params.filter: must be from 0 to 10 standard deviations, got 11"], Problems(Build("kama", ("filter", "11"))));
        Assert.Equal(["params.period: must be from 1 to 100000 bars, got 100001"], Problems(Build("kama", ("period", "100001"))));
        Assert.Single(Problems(Build("kama", ("filterPeriod", "1"))), p => p.StartsWith("params.filterPeriod: expected a whole number >= 2", StringComparison.Ordinal));
        Assert.Single(Problems(Build("kama", ("filter", "-1"))), p => p.StartsWith("params.filter: expected a number >= 0", StringComparison.Ordinal));
        Assert.Single(Problems(Build("kama", ("multiplier", "3"))), p => p.StartsWith("params.multiplier: unknown parameter of kama", StringComparison.Ordinal));
    }

    [Fact]
    public void MaCross_TakesItsPeriodsAndKind_TheExitsAndFilters_AndNamesBadOnes()
    {
        var built = Build("ma-cross", ("fast", "50"), ("slow", "200"), ("average", "ema"), ("allowShort", "true"), ("trendPeriod", "20"),
            ("trendAverage", "tema"), ("stopLossPercent", "2"));
        var strategy = Assert.IsType<MovingAverageCrossStrategy>(built.Strategy);
        Assert.Equal(201, strategy.BarsToFirstSignal); // the EMA of 200 and a cross; the TEMA of 20 needs only 58
        Assert.Equal(2m, strategy.Protection!.StopLossPercent);
        Assert.Equal(["fast=50", "slow=200", "average=ema", "allowShort=true", "trendPeriod=20", "trendAverage=tema", "stopLossPercent=2"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["fast=10", "slow=30", "average=sma", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("ma-cross").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(89, Assert.IsType<MovingAverageCrossStrategy>(Build("ma-cross", ("average", "TEMA")).Strategy).BarsToFirstSignal);
        Assert.Equal(["params.slow: must be above fast (30): the fast average crosses the slow one; got 20"],
            Problems(Build("ma-cross", ("fast", "30"), ("slow", "20"))));
        Assert.Equal(["params.fast: must be from 1 to 100000 bars, got 100001"], Problems(Build("ma-cross", ("fast", "100001"), ("slow", "100000"))));
        Assert.Single(Problems(Build("ma-cross", ("average", "zlema"))),
            p => p.StartsWith("params.average: expected one of sma, ema, kama, wma, hma, dema, tema, got 'zlema'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("ma-cross", ("signal", "9"))), p => p.StartsWith("params.signal: unknown parameter of ma-cross", StringComparison.Ordinal));
    }

    [Fact]
    public void Trix_TakesItsPeriodsAndLine_TheExitsAndFilters_AndNamesBadOnes()
    {
        var built = Build("trix", ("period", "12"), ("signal", "6"), ("cross", "zero"), ("allowShort", "true"), ("trendPeriod", "50"),
            ("trendAverage", "ema"), ("takeProfitPercent", "3"));
        var strategy = Assert.IsType<TrixStrategy>(built.Strategy);
        Assert.Equal(50, strategy.BarsToFirstSignal); // the EMA of 50; the line alone is ready after 35 and a cross after 36
        Assert.Equal(3m, strategy.Protection!.TakeProfitPercent);
        Assert.Equal(["period=12", "signal=6", "cross=zero", "allowShort=true", "trendPeriod=50", "trendAverage=ema", "takeProfitPercent=3"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=15", "signal=9", "cross=signal", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("trix").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(53, Assert.IsType<TrixStrategy>(Build("trix").Strategy).BarsToFirstSignal);
        Assert.Equal(["params.period: must be from 1 to 100000 bars, got 100001"], Problems(Build("trix", ("period", "100001"))));
        Assert.Equal(["params.signal: must be from 1 to 100000 bars, got 100001"], Problems(Build("trix", ("signal", "100001"))));
        Assert.Single(Problems(Build("trix", ("period", "0"))), p => p.StartsWith("params.period: expected a whole number >= 1, got '0'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("trix", ("cross", "zerro"))), p => p.StartsWith("params.cross: expected one of signal, zero, got 'zerro'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("trix", ("zeroFilter", "trend"))), p => p.StartsWith("params.zeroFilter: unknown parameter of trix", StringComparison.Ordinal));
    }

    [Fact]
    public void Hull_TakesItsPeriodAndFilter_TheExitsAndFilters_AndNamesBadOnes()
    {
        var built = Build("hull", ("period", "16"), ("filter", "0.5"), ("filterPeriod", "15"), ("allowShort", "true"), ("trendPeriod", "30"),
            ("trendAverage", "hma"), ("takeProfitPercent", "5"));
        var strategy = Assert.IsType<HullStrategy>(built.Strategy);
        Assert.Equal(35, strategy.BarsToFirstSignal); // the line's 16 + 4 - 1, 15 changes and a turn; Hull's average of 30 needs 34
        Assert.Equal(5m, strategy.Protection!.TakeProfitPercent);
        Assert.Equal(["period=16", "filter=0.5", "filterPeriod=15", "allowShort=true", "trendPeriod=30", "trendAverage=hma", "takeProfitPercent=5"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=20", "filter=0", "filterPeriod=20", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("hull").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.filter: must be from 0 to 10 standard deviations, got 11"], Problems(Build("hull", ("filter", "11"))));
        Assert.Equal(["params.period: must be from 1 to 100000 bars, got 100001"], Problems(Build("hull", ("period", "100001"))));
        Assert.Single(Problems(Build("hull", ("period", "0"))), p => p.StartsWith("params.period: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("hull", ("filterPeriod", "1"))), p => p.StartsWith("params.filterPeriod: expected a whole number >= 2", StringComparison.Ordinal));
        Assert.Single(Problems(Build("hull", ("fastPeriod", "3"))), p => p.StartsWith("params.fastPeriod: unknown parameter of hull", StringComparison.Ordinal));
    }

    [Fact]
    public void Ichimoku_TakesItsPeriodsAndConfirmations_TheExitsAndFilters_AndNamesBadOnes()
    {
        var built = Build("ichimoku", ("conversionPeriod", "7"), ("basePeriod", "22"), ("spanBPeriod", "44"), ("displacement", "22"),
            ("confirmLines", "true"), ("confirmLagging", "true"), ("allowShort", "true"), ("trendPeriod", "50"), ("trailingStopAtr", "3"));
        var strategy = Assert.IsType<IchimokuStrategy>(built.Strategy);
        Assert.Equal(67, strategy.BarsToFirstSignal); // the cloud after 44 + 22 bars, a turn one more
        Assert.Equal(3m, strategy.Protection!.TrailingAtr);
        Assert.Equal(["conversionPeriod=7", "basePeriod=22", "spanBPeriod=44", "displacement=22", "confirmLines=true", "confirmLagging=true",
            "allowShort=true", "trendPeriod=50", "trendAverage=sma", "trailingStopAtr=3", "atrPeriod=14", "trailFrom=close"], StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["conversionPeriod=9", "basePeriod=26", "spanBPeriod=52", "displacement=26", "confirmLines=false", "confirmLagging=false", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("ichimoku").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.conversionPeriod: must be below basePeriod 26, got 30"], Problems(Build("ichimoku", ("conversionPeriod", "30"))));
        Assert.Equal(["params.basePeriod: must be below spanBPeriod 20, got 26"], Problems(Build("ichimoku", ("spanBPeriod", "20"))));
        Assert.Equal(["params.displacement: must be from 1 to 100000 bars, got 100001"], Problems(Build("ichimoku", ("displacement", "100001"))));
        Assert.Single(Problems(Build("ichimoku", ("spanBPeriod", "0"))), p => p.StartsWith("params.spanBPeriod: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("ichimoku", ("confirmLagging", "yes"))), p => p.StartsWith("params.confirmLagging: expected true or false", StringComparison.Ordinal));
        Assert.Single(Problems(Build("ichimoku", ("period", "9"))), p => p.StartsWith("params.period: unknown parameter of ichimoku", StringComparison.Ordinal));
    }

    [Fact]
    public void MacdCross_TakesItsPeriodsAndLine_TheExitsTimeStopsAndFilter_AndNamesBadPeriods()
    {
        var built = Build("macd-cross", ("fast", "8"), ("slow", "17"), ("signal", "9"), ("cross", "zero"), ("allowShort", "true"),
            ("trendPeriod", "200"), ("trendAverage", "ema"), ("trailingStopAtr", "3"), ("maxHoldDays", "20"), ("minAdx", "20"));
        var strategy = Assert.IsType<MacdCrossStrategy>(built.Strategy);
        Assert.Equal(200, strategy.BarsToFirstSignal); // the trend average is ready after 200 bars; the ADX(14) after 28, the zero line's cross after 18
        Assert.Equal((3m, TimeSpan.FromDays(20), new TrendFilter(20m, 14)), (strategy.Protection!.TrailingAtr, strategy.MaxHold, strategy.TrendFilter));
        Assert.Equal(["fast=8", "slow=17", "signal=9", "cross=zero", "zeroFilter=none", "allowShort=true", "trendPeriod=200", "trendAverage=ema", "trailingStopAtr=3", "atrPeriod=14", "trailFrom=close", "maxHoldDays=20", "minAdx=20", "adxPeriod=14"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["fast=12", "slow=26", "signal=9", "cross=signal", "zeroFilter=none", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("macd-cross").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.trendPeriod: must be from 1 to 100000 bars, got 100001"], Problems(Build("macd-cross", ("trendPeriod", "100001"))));
        Assert.Single(Problems(Build("macd-cross", ("trendPeriod", "50"), ("trendAverage", "zlema"))), p => p.StartsWith("params.trendAverage: expected one of sma, ema, kama, wma, hma, dema, tema, got 'zlema'", StringComparison.Ordinal));
        Assert.Equal(["params.slow: must be above fast (30): the MACD line is the fast average less the slow one; got 26"], Problems(Build("macd-cross", ("fast", "30"))));
        Assert.Single(Problems(Build("macd-cross", ("cross", "histogram"))), p => p.StartsWith("params.cross: expected one of signal, zero", StringComparison.Ordinal));
        Assert.Single(Problems(Build("macd-cross", ("signal", "0"))), p => p.StartsWith("params.signal: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Equal(["zeroFilter=reversal"], StrategyCatalog.Described(Build("macd-cross", ("zeroFilter", "reversal")).Parameters)
            .Select(p => $"{p.Key}={p.Value}").Where(p => p.StartsWith("zeroFilter", StringComparison.Ordinal)));
        Assert.Single(Problems(Build("macd-cross", ("cross", "zero"), ("zeroFilter", "trend"))), p => p.StartsWith("params.zeroFilter: needs cross=signal", StringComparison.Ordinal));
        Assert.Single(Problems(Build("macd-cross", ("zeroFilter", "above"))), p => p.StartsWith("params.zeroFilter: expected one of none, trend, reversal", StringComparison.Ordinal));
        Assert.Single(Problems(Build("macd-cross", ("period", "5"))), p => p.StartsWith("params.period: unknown parameter of macd-cross", StringComparison.Ordinal));
    }

    [Fact]
    public void BollingerReversion_TakesItsBands_TheExitsTimeStopsAndFilter_AndNamesBadBands()
    {
        var built = Build("bollinger-reversion", ("period", "10"), ("deviations", "1.5"), ("exitDeviations", "-0.5"), ("maxBandwidth", "8"), ("allowShort", "true"),
            ("trendPeriod", "100"), ("takeProfitPercent", "4"), ("maxHoldSessions", "5"), ("maxAdx", "25"));
        var strategy = Assert.IsType<BollingerReversionStrategy>(built.Strategy);
        Assert.Equal(100, strategy.BarsToFirstSignal);
        Assert.Equal((4m, 5, new TrendFilter(null, 14) { MaxAdx = 25m }), (strategy.Protection!.TakeProfitPercent, strategy.MaxHoldSessions, strategy.TrendFilter));
        Assert.Equal(["period=10", "deviations=1.5", "exitDeviations=-0.5", "maxBandwidth=8", "allowShort=true", "trendPeriod=100", "trendAverage=sma", "takeProfitPercent=4", "maxHoldSessions=5", "maxAdx=25", "adxPeriod=14"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=20", "deviations=2", "exitDeviations=0", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("bollinger-reversion").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.exitDeviations: must be from -2 to 2 (the bands), got 2.5"], Problems(Build("bollinger-reversion", ("exitDeviations", "2.5"))));
        Assert.Single(Problems(Build("bollinger-reversion", ("period", "4"))), p => p.StartsWith("params.deviations: must be below 1.7321 (the square root of period - 1)", StringComparison.Ordinal));
        Assert.Single(Problems(Build("bollinger-reversion", ("period", "1"))), p => p.StartsWith("params.period: expected a whole number >= 2", StringComparison.Ordinal));
        Assert.Single(Problems(Build("bollinger-reversion", ("deviations", "-1"))), p => p.StartsWith("params.deviations: expected a number > 0", StringComparison.Ordinal));
        Assert.Single(Problems(Build("bollinger-reversion", ("exitDeviations", "middle"))), p => p.StartsWith("params.exitDeviations: expected a number, got 'middle'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("bollinger-reversion", ("minBandwidth", "0"))), p => p.StartsWith("params.minBandwidth: expected 'none' or a number > 0, got '0'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("bollinger-reversion", ("maxBandwidth", "wide"))), p => p.StartsWith("params.maxBandwidth: expected 'none' or a number > 0, got 'wide'", StringComparison.Ordinal));
        Assert.Equal(["params.maxBandwidth: must be above minBandwidth (6): no bands would be both, and nothing would be entered; got 4"],
            Problems(Build("bollinger-reversion", ("minBandwidth", "6"), ("maxBandwidth", "4"))));
        Assert.Single(Problems(Build("bollinger-reversion", ("rsiPeriod", "5"))), p => p.StartsWith("params.rsiPeriod: unknown parameter of bollinger-reversion", StringComparison.Ordinal));
    }

    [Fact]
    public void StochasticReversion_TakesItsOscillatorAndLevels_TheExitsTimeStopsAndFilter_AndNamesBadOnes()
    {
        var built = Build("stochastic-reversion", ("period", "5"), ("smoothing", "1"), ("signal", "2"), ("line", "d"), ("entry", "cross"), ("oversold", "10"),
            ("overbought", "90"), ("exitLevel", "70"), ("allowShort", "true"), ("trendPeriod", "100"), ("stopLossPercent", "2"), ("maxHoldDays", "3"), ("minAdx", "20"));
        var strategy = Assert.IsType<StochasticReversionStrategy>(built.Strategy);
        Assert.Equal(100, strategy.BarsToFirstSignal);
        Assert.Equal((2m, TimeSpan.FromDays(3), new TrendFilter(20m, 14)), (strategy.Protection!.StopLossPercent, strategy.MaxHold, strategy.TrendFilter));
        Assert.Equal(["period=5", "smoothing=1", "signal=2", "line=d", "entry=cross", "oversold=10", "overbought=90", "exitLevel=70", "shortExitLevel=mirror", "allowShort=true", "trendPeriod=100", "trendAverage=sma",
            "stopLossPercent=2", "maxHoldDays=3", "minAdx=20", "adxPeriod=14"],
            StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=14", "smoothing=3", "signal=3", "line=k", "entry=level", "oversold=20", "overbought=80", "exitLevel=50", "shortExitLevel=mirror", "allowShort=false", "trendPeriod=none"],
            StrategyCatalog.Described(Build("stochastic-reversion").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.oversold: must be below overbought (80), got 85"], Problems(Build("stochastic-reversion", ("oversold", "85"))));
        Assert.Equal(["params.shortExitLevel: must be from oversold (20) to overbought (80), got 90"], Problems(Build("stochastic-reversion", ("shortExitLevel", "90"))));
        Assert.Single(Problems(Build("stochastic-reversion", ("line", "j"))), p => p.StartsWith("params.line: expected one of k, d, got 'j'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("stochastic-reversion", ("entry", "turn"))), p => p.StartsWith("params.entry: expected one of level, cross, got 'turn'", StringComparison.Ordinal));
        Assert.Equal(["params.entry: cross needs signal above 1: over one bar %D is %K, so the two lines never cross"],
            Problems(Build("stochastic-reversion", ("entry", "cross"), ("signal", "1"))));
        Assert.Single(Problems(Build("stochastic-reversion", ("smoothing", "0"))), p => p.StartsWith("params.smoothing: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("stochastic-reversion", ("overbought", "100"))), p => p.StartsWith("params.overbought: must be above 0 and below 100 (the stochastic runs", StringComparison.Ordinal));
        Assert.Single(Problems(Build("stochastic-reversion", ("rsiPeriod", "5"))), p => p.StartsWith("params.rsiPeriod: unknown parameter of stochastic-reversion", StringComparison.Ordinal));
    }
}
