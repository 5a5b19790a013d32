using Bulwark.Backtest.Reports;
using Bulwark.Core.Calendar;
using Bulwark.Core.Model;

namespace Bulwark.Backtest.Tests;

/// <summary>A run annualises its figures by the trading time of the markets it traded.</summary>
public sealed class TradingYearTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Task<BacktestResult> RunAsync(params Instrument[] instruments) =>
        BacktestEngine.RunAsync(
            instruments.SelectMany(i => Enumerable.Range(0, 3).Select(d => new Bar(i.Symbol, Day0.AddHours(d), 10m, 11m, 9m, 10m, 1m, TimeSpan.FromHours(1))))
                .OrderBy(b => b.Time).ToList(),
            [], new BacktestOptions
            {
                Instruments = instruments.ToDictionary(i => i.Symbol, StringComparer.Ordinal),
                EnforceTradingHours = false,
            }, CancellationToken.None);

    [Fact]
    public async Task ARunsYear_IsItsInstrumentsExchanges_TheLongestTradedOfThem()
    {
        Assert.Equal(TradingYear.Equities, (await RunAsync(new Instrument("SPY", AssetClass.Equity))).Year);
        Assert.Equal(TradingYear.AroundTheClock, (await RunAsync(new Instrument("BTC", AssetClass.Crypto))).Year);
        Assert.Equal(TradingYear.AroundTheClock,
            (await RunAsync(new Instrument("SPY", AssetClass.Equity), new Instrument("BTC", AssetClass.Crypto))).Year);
        var hourlyCrypto = MetricsCalculator.Compute(await RunAsync(new Instrument("BTC", AssetClass.Crypto)), []);
        Assert.Equal(8766d, hourlyCrypto.BarsPerYear, 9);
    }
}
