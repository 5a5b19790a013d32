using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// <see cref="IStrategy.BarsToFirstSignal"/> is what the CLI warns by: with fewer bars a strategy cannot act, so it must
/// never be above the bars a strategy really needs (a false warning), and for sma-cross and an ATR grid it is exact.
/// </summary>
public sealed class BarsToFirstSignalTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Closes swinging between 100 and 200, ending on 200: the close crosses any average on every bar, upwards on the last.</summary>
    private static List<Bar> ZigZag(int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var close = (count - 1 - i) % 2 == 0 ? 200m : 100m;
            return new Bar(SampleBars.Instrument.Symbol, Day0.AddDays(i), close, close, close, close, 1000m, TimeSpan.FromDays(1));
        })];

    private static IStrategy Build(string name, params string[] parameters) =>
        StrategyCatalog.Build(name, name, [SampleBars.Instrument.Symbol],
            parameters.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase)).Strategy
        ?? throw new ArgumentException($"{name} refused {string.Join(' ', parameters)}");

    private static async Task<int> OrdersOn(int bars, IStrategy strategy) =>
        (await BacktestEngine.RunAsync(ZigZag(bars), [strategy], SampleBars.Options(), CancellationToken.None)).Orders.Count;

    [Theory]
    [InlineData("sma-cross", new[] { "period=300" }, 301)]
    [InlineData("sma-cross", new string[0], 11)]
    [InlineData("ema-cloud", new[] { "trendShort=60", "trendLong=80" }, 81)]
    [InlineData("ema-cloud", new string[0], 51)]
    [InlineData("ema-cloud", new[] { "trendPeriod=80" }, 80)]
    [InlineData("rsi-reversion", new string[0], 15)]
    [InlineData("rsi-reversion", new[] { "rsiPeriod=2", "trendPeriod=50" }, 50)]
    [InlineData("keltner-breakout", new string[0], 20)]
    [InlineData("keltner-breakout", new[] { "period=5", "rangePeriod=12" }, 12)]
    [InlineData("keltner-breakout", new[] { "trendPeriod=50" }, 50)]
    [InlineData("donchian-breakout", new[] { "trendPeriod=50", "trendAverage=ema" }, 50)]
    [InlineData("donchian-breakout", new[] { "trendPeriod=15" }, 21)]
    [InlineData("donchian-breakout", new[] { "skipAfterWin=true", "failsafePeriod=55" }, 21)]
    [InlineData("macd-cross", new string[0], 35)]
    [InlineData("macd-cross", new[] { "cross=zero", "slow=40" }, 41)]
    [InlineData("macd-cross", new[] { "trendPeriod=100" }, 100)]
    [InlineData("macd-cross", new[] { "trendPeriod=20", "trendAverage=ema" }, 35)]
    [InlineData("supertrend", new string[0], 11)]
    [InlineData("supertrend", new[] { "period=3", "trendPeriod=50" }, 50)]
    [InlineData("supertrend", new[] { "period=3", "minAdx=10" }, 28)]
    [InlineData("parabolic-sar", new string[0], 3)]
    [InlineData("parabolic-sar", new[] { "trendPeriod=20" }, 20)]
    [InlineData("aroon", new string[0], 27)]
    [InlineData("aroon", new[] { "period=5", "threshold=50" }, 7)]
    [InlineData("aroon", new[] { "period=5", "trendPeriod=30" }, 30)]
    [InlineData("ichimoku", new string[0], 79)]
    [InlineData("ichimoku", new[] { "conversionPeriod=2", "basePeriod=3", "spanBPeriod=5", "displacement=2" }, 8)]
    [InlineData("ichimoku", new[] { "trendPeriod=100" }, 100)]
    [InlineData("kama", new string[0], 13)]
    [InlineData("kama", new[] { "filter=0.5" }, 32)]
    [InlineData("kama", new[] { "period=5", "filter=1", "filterPeriod=10" }, 17)]
    [InlineData("kama", new[] { "trendPeriod=50", "trendAverage=kama" }, 51)]
    [InlineData("hull", new string[0], 25)]
    [InlineData("hull", new[] { "period=9", "filter=0.5", "filterPeriod=10" }, 22)]
    [InlineData("hull", new[] { "period=9", "trendPeriod=30", "trendAverage=hma" }, 34)]
    [InlineData("sma-cross", new[] { "period=5", "trendPeriod=40" }, 40)]
    [InlineData("bollinger-reversion", new string[0], 20)]
    [InlineData("bollinger-reversion", new[] { "period=10", "trendPeriod=50" }, 50)]
    [InlineData("bollinger-reversion", new[] { "period=10", "trendPeriod=50", "trendAverage=ema" }, 50)]
    [InlineData("stochastic-reversion", new string[0], 18)]
    [InlineData("stochastic-reversion", new[] { "period=5", "smoothing=1", "trendPeriod=50" }, 50)]
    [InlineData("stochastic-reversion", new[] { "entry=cross" }, 19)]
    [InlineData("sma-cross", new[] { "adxSlope=rising", "adxSlopeBars=5" }, 33)]
    [InlineData("grid", new string[0], 1)]
    [InlineData("grid", new[] { "atrMultiple=1", "atrPeriod=20" }, 20)]
    [InlineData("grid", new[] { "biasPeriod=30", "biasStrength=1" }, 31)]
    [InlineData("hmm-regime", new[] { "fallbackPeriod=15" }, 16)]
    [InlineData("sma-cross", new[] { "period=5", "trendPeriod=40", "trendAverage=kama" }, 41)]
    [InlineData("ema-cloud", new[] { "trendPeriod=80", "trendAverage=kama" }, 81)]
    [InlineData("rsi-reversion", new[] { "rsiPeriod=2", "trendPeriod=50", "trendAverage=kama" }, 51)]
    [InlineData("bollinger-reversion", new[] { "period=10", "trendPeriod=50", "trendAverage=kama" }, 51)]
    [InlineData("stochastic-reversion", new[] { "period=5", "smoothing=1", "trendPeriod=50", "trendAverage=kama" }, 51)]
    [InlineData("keltner-breakout", new[] { "trendPeriod=50", "trendAverage=kama" }, 51)]
    [InlineData("donchian-breakout", new[] { "trendPeriod=50", "trendAverage=kama" }, 51)]
    [InlineData("macd-cross", new[] { "trendPeriod=100", "trendAverage=kama" }, 101)]
    [InlineData("supertrend", new[] { "period=3", "trendPeriod=50", "trendAverage=kama" }, 51)]
    [InlineData("parabolic-sar", new[] { "trendPeriod=20", "trendAverage=kama" }, 21)]
    [InlineData("aroon", new[] { "period=5", "trendPeriod=30", "trendAverage=kama" }, 31)]
    [InlineData("ichimoku", new[] { "trendPeriod=100", "trendAverage=kama" }, 101)]
    [InlineData("sma-cross", new[] { "period=5", "trendPeriod=40", "trendAverage=wma" }, 40)]
    [InlineData("sma-cross", new[] { "period=5", "trendPeriod=40", "trendAverage=hma" }, 45)]
    [InlineData("donchian-breakout", new[] { "trendPeriod=50", "trendAverage=hma" }, 56)]
    [InlineData("rsi-reversion", new[] { "rsiPeriod=2", "trendPeriod=100", "trendAverage=hma" }, 109)]
    [InlineData("kama", new[] { "trendPeriod=50", "trendAverage=hma" }, 56)]
    [InlineData("sma-cross", new[] { "period=5", "trendPeriod=40", "trendAverage=dema" }, 79)]
    [InlineData("sma-cross", new[] { "period=5", "trendPeriod=40", "trendAverage=tema" }, 118)]
    [InlineData("keltner-breakout", new[] { "trendPeriod=50", "trendAverage=tema" }, 148)]
    [InlineData("stochastic-reversion", new[] { "period=5", "smoothing=1", "trendPeriod=50", "trendAverage=dema" }, 99)]
    [InlineData("hull", new[] { "period=9", "trendPeriod=30", "trendAverage=dema" }, 59)]
    [InlineData("ma-cross", new string[0], 31)]
    [InlineData("ma-cross", new[] { "fast=50", "slow=200", "average=hma" }, 214)]
    [InlineData("ma-cross", new[] { "average=dema", "trendPeriod=100" }, 100)]
    [InlineData("trix", new string[0], 53)]
    [InlineData("trix", new[] { "cross=zero" }, 45)]
    [InlineData("trix", new[] { "period=5", "signal=3", "trendPeriod=30", "trendAverage=tema" }, 88)]
    public void FollowsTheLongestWarmUpOfTheParameters(string name, string[] parameters, int expected) =>
        Assert.Equal(expected, Build(name, parameters).BarsToFirstSignal);

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public async Task SmaCross_ActsOnItsBarsToFirstSignal_AndCannotOnOneFewer(int period)
    {
        var need = Build("sma-cross", $"period={period}").BarsToFirstSignal;

        Assert.Equal(0, await OrdersOn(need - 1, Build("sma-cross", $"period={period}")));
        Assert.Equal(1, await OrdersOn(need, Build("sma-cross", $"period={period}")));
    }

    [Fact]
    public async Task AnAtrGrid_BuildsOnItsBarsToFirstSignal_AndCannotOnOneFewer()
    {
        string[] parameters = ["atrMultiple=0.1", "atrPeriod=5", "levels=2"];
        var need = Build("grid", parameters).BarsToFirstSignal;

        Assert.Equal(0, await OrdersOn(need - 1, Build("grid", parameters)));
        Assert.True(await OrdersOn(need, Build("grid", parameters)) > 0);
    }

    [Theory]
    [InlineData("ema-cloud", new[] { "fastShort=2", "fastLong=3", "trendShort=4", "trendLong=6" })]
    [InlineData("ema-cloud", new[] { "fastShort=2", "fastLong=3", "trendShort=4", "trendLong=6", "allowShort=true", "trendPeriod=9" })]
    [InlineData("hmm-regime", new[] { "fallbackPeriod=4" })]
    [InlineData("rsi-reversion", new[] { "rsiPeriod=3", "oversold=60", "overbought=65", "exitLevel=60" })]
    [InlineData("bollinger-reversion", new[] { "period=3", "deviations=0.5" })]
    [InlineData("stochastic-reversion", new[] { "period=3", "smoothing=2", "signal=2" })]
    [InlineData("stochastic-reversion", new[] { "period=3", "smoothing=2", "signal=2", "entry=cross", "oversold=45", "overbought=55", "allowShort=true" })]
    [InlineData("keltner-breakout", new[] { "period=3", "multiplier=0.1", "rangePeriod=2", "allowShort=true" })]
    [InlineData("keltner-breakout", new[] { "period=2", "multiplier=0.1", "rangePeriod=4", "allowShort=true" })]
    [InlineData("keltner-breakout", new[] { "period=2", "multiplier=0.1", "rangePeriod=2", "allowShort=true", "trendPeriod=7" })]
    [InlineData("macd-cross", new[] { "fast=2", "slow=4", "signal=3" })]
    [InlineData("macd-cross", new[] { "fast=2", "slow=4", "cross=zero" })]
    [InlineData("macd-cross", new[] { "fast=2", "slow=4", "signal=3", "allowShort=true", "trendPeriod=9" })]
    [InlineData("supertrend", new[] { "period=2", "multiplier=0.1" })]
    [InlineData("supertrend", new[] { "period=3", "multiplier=0.1", "allowShort=true", "trendPeriod=7" })]
    [InlineData("parabolic-sar", new[] { "acceleration=0.2", "maxAcceleration=0.5" })]
    [InlineData("parabolic-sar", new[] { "allowShort=true", "trendPeriod=7" })]
    [InlineData("aroon", new[] { "period=2" })]
    [InlineData("aroon", new[] { "period=3", "allowShort=true", "trendPeriod=7" })]
    [InlineData("ichimoku", new[] { "conversionPeriod=1", "basePeriod=2", "spanBPeriod=3", "displacement=1" })]
    [InlineData("kama", new[] { "period=2" })]
    [InlineData("kama", new[] { "period=3", "filter=0.5", "filterPeriod=4", "allowShort=true" })]
    [InlineData("hull", new[] { "period=4" })]
    [InlineData("ma-cross", new[] { "fast=1", "slow=2" })]
    [InlineData("ma-cross", new[] { "fast=2", "slow=3", "average=tema", "allowShort=true" })]
    [InlineData("trix", new[] { "period=2", "signal=2" })]
    [InlineData("trix", new[] { "period=2", "cross=zero", "allowShort=true" })]
    [InlineData("hull", new[] { "period=4", "filter=0.5", "filterPeriod=3", "allowShort=true" })]
    [InlineData("ichimoku", new[] { "conversionPeriod=2", "basePeriod=3", "spanBPeriod=5", "displacement=2", "allowShort=true", "trendPeriod=9" })]
    [InlineData("sma-cross", new[] { "period=2", "trendPeriod=6", "trendAverage=ema" })]
    [InlineData("sma-cross", new[] { "period=2", "trendPeriod=6", "trendAverage=kama" })]
    [InlineData("sma-cross", new[] { "period=2", "trendPeriod=6", "trendAverage=wma" })]
    [InlineData("sma-cross", new[] { "period=2", "trendPeriod=9", "trendAverage=hma" })]
    [InlineData("sma-cross", new[] { "period=2", "trendPeriod=4", "trendAverage=dema" })]
    [InlineData("sma-cross", new[] { "period=2", "trendPeriod=3", "trendAverage=tema" })]
    [InlineData("aroon", new[] { "period=3", "allowShort=true", "trendPeriod=4", "trendAverage=tema" })]
    [InlineData("supertrend", new[] { "period=3", "multiplier=0.1", "allowShort=true", "trendPeriod=9", "trendAverage=hma" })]
    [InlineData("supertrend", new[] { "period=3", "multiplier=0.1", "allowShort=true", "trendPeriod=7", "trendAverage=kama" })]
    [InlineData("grid", new[] { "biasPeriod=6", "biasStrength=1", "levels=2" })]
    [InlineData("sma-cross", new[] { "period=2", "adxSlope=rising", "adxPeriod=2", "adxSlopeBars=2" })]
    public async Task OnOneBarFewer_NoStrategyEverActs(string name, string[] parameters)
    {
        var need = Build(name, parameters).BarsToFirstSignal;

        Assert.Equal(0, await OrdersOn(need - 1, Build(name, parameters)));
    }
}
