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
    public void TryParse_AWellFormedSpec_NamesOneColumnPerOutput(string text, string columns)
    {
        Assert.True(IndicatorSpec.TryParse(text, out var spec, out var problem), problem);
        Assert.Equal(columns.Split(','), spec.ColumnNames);
        Assert.Equal(spec.ColumnNames.Count, spec.Create().OutputCount);
    }

    [Theory]
    [InlineData("sma:30", typeof(SimpleMovingAverage))]
    [InlineData("ema:30", typeof(ExponentialMovingAverage))]
    [InlineData("atr:14", typeof(AverageTrueRange))]
    [InlineData("rsi:14", typeof(RelativeStrengthIndex))]
    [InlineData("bbands:20:2", typeof(BollingerBands))]
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
            AverageTrueRange i => i.Period,
            RelativeStrengthIndex i => i.Period,
            BollingerBands i => i.Period,
            _ => 0,
        };
        Assert.Equal(spec.Period, period);
        if (indicator is BollingerBands b) Assert.Equal(2m, b.Deviations);
    }

    [Theory]
    [InlineData("", "unknown indicator ''")]
    [InlineData("macd:12", "unknown indicator 'macd'")]
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
