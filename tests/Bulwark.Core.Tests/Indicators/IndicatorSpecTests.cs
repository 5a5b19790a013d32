using Bulwark.Core.Indicators;

namespace Bulwark.Core.Tests.Indicators;

public sealed class IndicatorSpecTests
{
    [Theory]
    [InlineData("sma:30", "sma_30")]
    [InlineData("ema:30", "ema_30")]
    [InlineData("atr:14", "atr_14")]
    [InlineData("rsi:14", "rsi_14")]
    [InlineData("SMA:7", "sma_7")]
    [InlineData("bbands:20:2", "bbands_20_2_mid,bbands_20_2_top,bbands_20_2_bot")]
    [InlineData("bbands:20:2.50", "bbands_20_2.5_mid,bbands_20_2.5_top,bbands_20_2.5_bot")]
    [InlineData("roc:12", "roc_12")]
    [InlineData("KAMA:10", "kama_10")]
    [InlineData("wma:30", "wma_30")]
    [InlineData("HMA:9", "hma_9")]
    [InlineData("dema:30", "dema_30")]
    [InlineData("TEMA:10", "tema_10")]
    [InlineData("trix:15", "trix_15")]
    [InlineData("TRIX:15:9", "trix_15_9_line,trix_15_9_signal,trix_15_9_hist")]
    [InlineData("kama:10:2:30", "kama_10_2_30")]
    [InlineData("willr:14", "willr_14")]
    [InlineData("adx:14", "adx_14_adx,adx_14_plus,adx_14_minus")]
    [InlineData("Aroon:25", "aroon_25_up,aroon_25_down,aroon_25_osc")]
    [InlineData("vratio:20", "vratio_20")]
    [InlineData("donchian:20", "donchian_20_mid,donchian_20_top,donchian_20_bot")]
    [InlineData("keltner:20:2", "keltner_20_2_mid,keltner_20_2_top,keltner_20_2_bot")]
    [InlineData("keltner:20:1.5:10", "keltner_20_1.5_10_mid,keltner_20_1.5_10_top,keltner_20_1.5_10_bot")]
    [InlineData("SuperTrend:10:3.0", "supertrend_10_3_line,supertrend_10_3_dir")]
    [InlineData("PSAR:0.02:0.20", "psar_0.02_0.2_sar,psar_0.02_0.2_dir")]
    [InlineData("MACD:12:26:9", "macd_12_26_9_line,macd_12_26_9_signal,macd_12_26_9_hist")]
    [InlineData("stoch:14:3:3", "stoch_14_3_3_k,stoch_14_3_3_d")]
    [InlineData("Ichimoku:9:26:52", "ichimoku_9_26_52_tenkan,ichimoku_9_26_52_kijun,ichimoku_9_26_52_spana,ichimoku_9_26_52_spanb,ichimoku_9_26_52_leada,ichimoku_9_26_52_leadb")]
    [InlineData("ichimoku:7:22:44:22", "ichimoku_7_22_44_22_tenkan,ichimoku_7_22_44_22_kijun,ichimoku_7_22_44_22_spana,ichimoku_7_22_44_22_spanb,ichimoku_7_22_44_22_leada,ichimoku_7_22_44_22_leadb")]
    public void TryParse_AWellFormedSpec_NamesOneColumnPerOutput(string text, string columns)
    {
        Assert.True(IndicatorSpec.TryParse(text, out var spec, out var problem), problem);
        Assert.Equal(columns.Split(','), spec.ColumnNames);
        Assert.Equal(spec.ColumnNames.Count, spec.Create().OutputCount);
    }

    [Theory]
    [InlineData("sma:30", typeof(SimpleMovingAverage))]
    [InlineData("ema:30", typeof(ExponentialMovingAverage))]
    [InlineData("kama:30", typeof(AdaptiveMovingAverage))]
    [InlineData("wma:30", typeof(WeightedMovingAverage))]
    [InlineData("hma:16", typeof(HullMovingAverage))]
    [InlineData("dema:30", typeof(DoubleExponentialMovingAverage))]
    [InlineData("tema:30", typeof(TripleExponentialMovingAverage))]
    [InlineData("trix:15", typeof(Trix))]
    [InlineData("trix:15:9", typeof(Trix))]
    [InlineData("atr:14", typeof(AverageTrueRange))]
    [InlineData("vratio:20", typeof(VolumeRatio))]
    [InlineData("rsi:14", typeof(RelativeStrengthIndex))]
    [InlineData("bbands:20:2", typeof(BollingerBands))]
    [InlineData("roc:12", typeof(RateOfChange))]
    [InlineData("willr:14", typeof(WilliamsPercentRange))]
    [InlineData("adx:14", typeof(AverageDirectionalIndex))]
    [InlineData("aroon:25", typeof(Aroon))]
    [InlineData("donchian:20", typeof(DonchianChannel))]
    [InlineData("keltner:20:2", typeof(KeltnerChannel))]
    [InlineData("supertrend:10:3", typeof(Supertrend))]
    [InlineData("psar:0.02:0.2", typeof(ParabolicSar))]
    [InlineData("macd:12:26:9", typeof(MovingAverageConvergenceDivergence))]
    [InlineData("stoch:14:3:3", typeof(Stochastic))]
    [InlineData("ichimoku:9:26:52", typeof(Ichimoku))]
    public void Create_BuildsTheNamedIndicatorWithItsParameters(string text, Type type)
    {
        Assert.True(IndicatorSpec.TryParse(text, out var spec, out _));
        var indicator = spec.Create();
        Assert.IsType(type, indicator);
        Assert.Equal(text, spec.ToString());
        var period = indicator switch
        {
            SimpleMovingAverage i => i.Period,
            ExponentialMovingAverage i => i.Period,
            AdaptiveMovingAverage i => i.Period,
            WeightedMovingAverage i => i.Period,
            HullMovingAverage i => i.Period,
            ExponentialCascade i => i.Period,
            Trix i => i.Period,
            AverageTrueRange i => i.Period,
            RelativeStrengthIndex i => i.Period,
            BollingerBands i => i.Period,
            RateOfChange i => i.Period,
            WilliamsPercentRange i => i.Period,
            VolumeRatio i => i.Period,
            AverageDirectionalIndex i => i.Period,
            Aroon i => i.Period,
            DonchianChannel i => i.Period,
            KeltnerChannel i => i.Period,
            Supertrend i => i.Period,
            MovingAverageConvergenceDivergence i => i.FastPeriod,
            Stochastic i => i.Period,
            Ichimoku i => i.ConversionPeriod,
            _ => 0,
        };
        Assert.Equal(spec.Period, period);
        if (indicator is BollingerBands b) Assert.Equal(2m, b.Deviations);
        if (indicator is Supertrend s) Assert.Equal(3m, s.Multiplier);
        if (indicator is ParabolicSar p) Assert.Equal((0.02m, 0.2m), (p.Step, p.Maximum));
    }

    [Fact]
    public void Create_PassesEveryParameterInItsPlace()
    {
        Assert.True(IndicatorSpec.TryParse("macd:5:35:5", out var macd, out _));
        var m = Assert.IsType<MovingAverageConvergenceDivergence>(macd.Create());
        Assert.Equal((5, 35, 5), (m.FastPeriod, m.SlowPeriod, m.SignalPeriod));
        Assert.True(IndicatorSpec.TryParse("stoch:21:5:4", out var stoch, out _));
        var s = Assert.IsType<Stochastic>(stoch.Create());
        Assert.Equal((21, 5, 4), (s.Period, s.Smoothing, s.SignalPeriod));
        Assert.True(IndicatorSpec.TryParse("keltner:20:1.5:10", out var withRange, out _));
        var k = Assert.IsType<KeltnerChannel>(withRange.Create());
        Assert.Equal((20, 1.5m, 10), (k.Period, k.Multiplier, k.RangePeriod));
        Assert.Equal("keltner:20:1.5:10", withRange.ToString());
        Assert.True(IndicatorSpec.TryParse("keltner:20:2", out var withoutRange, out _));
        Assert.Equal(20, Assert.IsType<KeltnerChannel>(withoutRange.Create()).RangePeriod); // the ATR over the same bars
        Assert.Equal([20m, 2m], withoutRange.Parameters);
        Assert.True(IndicatorSpec.TryParse("ichimoku:10:30:60:20", out var displaced, out _));
        var i = Assert.IsType<Ichimoku>(displaced.Create());
        Assert.Equal((10, 30, 60, 20), (i.ConversionPeriod, i.BasePeriod, i.SpanBPeriod, i.Displacement));
        Assert.True(IndicatorSpec.TryParse("ichimoku:10:30:60", out var usual, out _));
        Assert.Equal(30, Assert.IsType<Ichimoku>(usual.Create()).Displacement); // the base period, as the usual 26
        Assert.Equal("ichimoku:10:30:60", usual.ToString());
        Assert.True(IndicatorSpec.TryParse("trix:12:7", out var trix, out _));
        var t = Assert.IsType<Trix>(trix.Create());
        Assert.Equal((12, 7), (t.Period, t.SignalPeriod));
        Assert.True(IndicatorSpec.TryParse("trix:12", out var lineOnly, out _));
        Assert.Null(Assert.IsType<Trix>(lineOnly.Create()).SignalPeriod);
        Assert.True(IndicatorSpec.TryParse("kama:10:3:40", out var kama, out _));
        var a = Assert.IsType<AdaptiveMovingAverage>(kama.Create());
        Assert.Equal((10, 3, 40), (a.Period, a.FastPeriod, a.SlowPeriod));
        Assert.True(IndicatorSpec.TryParse("kama:10:5", out var fastOnly, out _));
        a = Assert.IsType<AdaptiveMovingAverage>(fastOnly.Create());
        Assert.Equal((10, 5, 30), (a.Period, a.FastPeriod, a.SlowPeriod)); // Kaufman's slow 30
        Assert.True(IndicatorSpec.TryParse("kama:10", out var usualKama, out _));
        a = Assert.IsType<AdaptiveMovingAverage>(usualKama.Create());
        Assert.Equal((2, 30), (a.FastPeriod, a.SlowPeriod));
    }

    [Theory]
    [InlineData("", "unknown indicator ''")]
    [InlineData("cci:20", "unknown indicator 'cci'")]
    [InlineData("macd:12", "missing slow period (expected macd:F:S:G)")]
    [InlineData("macd:12:26", "missing signal period (expected macd:F:S:G)")]
    [InlineData("macd:26:12:9", "fast period 26 is not below the slow period 12 (expected macd:F:S:G)")]
    [InlineData("macd:12:12:9", "fast period 12 is not below the slow period 12")]
    [InlineData("macd:12:26:9:1", "too many parts (expected macd:F:S:G)")]
    [InlineData("stoch:14:3", "missing %D period (expected stoch:N:S:D)")]
    [InlineData("stoch:14:0:3", "smoothing '0' is not a whole number from 1 to 100000 (expected stoch:N:S:D)")]
    [InlineData("keltner:20", "missing K (expected keltner:N:K[:A])")]
    [InlineData("keltner:20:0", "K '0' is not a positive multiple of the average true range")]
    [InlineData("supertrend:10", "missing K (expected supertrend:N:K)")]
    [InlineData("supertrend:0:3", "ATR period '0' is not a whole number from 1 to 100000 (expected supertrend:N:K)")]
    [InlineData("supertrend:10:3:2", "too many parts (expected supertrend:N:K)")]
    [InlineData("psar:0.02", "missing M (expected psar:S:M)")]
    [InlineData("psar:0:0.2", "S '0' is not a positive acceleration step (expected psar:S:M)")]
    [InlineData("psar:0.3:0.2", "acceleration step S 0.3 is above the largest acceleration M 0.2 (expected psar:S:M)")]
    [InlineData("psar:0.02:1.5", "largest acceleration M 1.5 is above 1, where the stop would pass the extreme point (expected psar:S:M)")]
    [InlineData("psar:0.02:0.2:1", "too many parts (expected psar:S:M)")]
    [InlineData("keltner:20:2:x", "ATR period 'x' is not a whole number")]
    [InlineData("keltner:20:2:10:1", "too many parts (expected keltner:N:K[:A])")]
    [InlineData("adx:14:2", "too many parts (expected adx:N)")]
    [InlineData("aroon:0", "period '0' is not a whole number from 1 to 100000 (expected aroon:N)")]
    [InlineData("aroon:25:2", "too many parts (expected aroon:N)")]
    [InlineData("ichimoku:9:26", "missing span B period (expected ichimoku:T:K:S[:D])")]
    [InlineData("kama", "missing period (expected kama:N[:F][:S])")]
    [InlineData("wma", "missing period (expected wma:N)")]
    [InlineData("wma:0", "period '0' is not a whole number from 1 to 100000 (expected wma:N)")]
    [InlineData("hma:16:2", "too many parts (expected hma:N)")]
    [InlineData("hma:1.5", "period '1.5' is not a whole number from 1 to 100000 (expected hma:N)")]
    [InlineData("dema", "missing period (expected dema:N)")]
    [InlineData("dema:30:2", "too many parts (expected dema:N)")]
    [InlineData("tema:100001", "period '100001' is not a whole number from 1 to 100000 (expected tema:N)")]
    [InlineData("trix", "missing period (expected trix:N[:G])")]
    [InlineData("trix:15:0", "signal period '0' is not a whole number from 1 to 100000 (expected trix:N[:G])")]
    [InlineData("trix:15:9:1", "too many parts (expected trix:N[:G])")]
    [InlineData("kama:10:40", "fast period F 40 is not below the slow period S 30 (Kaufman's, S left out) (expected kama:N[:F][:S])")]
    [InlineData("kama:10:5:5", "fast period F 5 is not below the slow period S 5 (expected kama:N[:F][:S])")]
    [InlineData("kama:10:2:0", "slow period '0' is not a whole number from 1 to 100000 (expected kama:N[:F][:S])")]
    [InlineData("kama:10:2:30:1", "too many parts (expected kama:N[:F][:S])")]
    [InlineData("ichimoku:9:26:52:0", "displacement '0' is not a whole number from 1 to 100000 (expected ichimoku:T:K:S[:D])")]
    [InlineData("ichimoku:26:9:52", "conversion period T 26 is not below the base period K 9 (expected ichimoku:T:K:S[:D])")]
    [InlineData("ichimoku:9:9:52", "conversion period T 9 is not below the base period K 9")]
    [InlineData("ichimoku:9:52:26", "base period K 52 is not below the span B period S 26 (expected ichimoku:T:K:S[:D])")]
    [InlineData("ichimoku:9:26:52:26:1", "too many parts (expected ichimoku:T:K:S[:D])")]
    [InlineData("donchian", "missing period (expected donchian:N)")]
    [InlineData("sma", "missing period (expected sma:N)")]
    [InlineData("sma:", "period '' is not a whole number")]
    [InlineData("sma:0", "period '0' is not a whole number from 1 to 100000")]
    [InlineData("sma:-3", "period '-3'")]
    [InlineData("sma:2.5", "period '2.5'")]
    [InlineData("sma:100001", "period '100001'")]
    [InlineData("ema:x", "period 'x'")]
    [InlineData("rsi:14:2", "too many parts (expected rsi:N)")]
    [InlineData("bbands:20", "missing K (expected bbands:N:K)")]
    [InlineData("bbands:20:0", "K '0' is not a positive number")]
    [InlineData("bbands:20:-1", "K '-1'")]
    [InlineData("bbands:20:two", "K 'two'")]
    [InlineData("bbands:20:2:1", "too many parts")]
    public void TryParse_AMalformedSpec_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(IndicatorSpec.TryParse(text, out var spec, out var problem));
        Assert.Null(spec);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
