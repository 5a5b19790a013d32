using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

/// <summary>
/// MetaTrader's bar exports (MT5's: tab-separated, names in angle brackets, dates as yyyy.MM.dd, a tick count beside the
/// volume; MT4's: no header at all) and Binance's klines (no header, Unix times in milliseconds or microseconds).
/// </summary>
public sealed class CsvBarReaderMetaTraderTests
{
    private static IReadOnlyList<Core.Model.Bar> Read(string text) =>
        CsvBarReader.ReadAll(new StringReader(text), "EURUSD.csv", "EURUSD");

    [Fact]
    public void ReadAll_MinuteExport_GivesTheSameBarsAsTheCommaSeparatedFile()
    {
        var exported = Read(
            "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n" +
            "2024.01.02\t00:00:00\t1.10427\t1.10440\t1.10417\t1.10430\t57\t0\t5\n" +
            "2024.01.02\t00:01:00\t1.10430\t1.10478\t1.10420\t1.10468\t63\t0\t5\n");
        var plain = Read("""
            Date,Open,High,Low,Close,Volume
            2024-01-02T00:00:00Z,1.10427,1.10440,1.10417,1.10430,0
            2024-01-02T00:01:00Z,1.10430,1.10478,1.10420,1.10468,0
            """);

        Assert.Equal(plain, exported);
        Assert.Equal(TimeSpan.FromMinutes(1), exported[0].Interval);
    }

    [Fact]
    public void ReadAll_DailyExportWithOnlyATickCount_ReadsItsDatesAndTakesTheTicksAsVolume()
    {
        var bars = Read(
            "<DATE>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\n" +
            "2024.01.02\t1.10427\t1.10440\t1.09417\t1.09430\t61234\n" +
            "2024.01.03\t1.09430\t1.09478\t1.09020\t1.09268\t58000\n");

        Assert.Equal([new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero)],
            bars.Select(b => b.Time));
        Assert.Equal([61234m, 58000m], bars.Select(b => b.Volume));
        Assert.Equal(TimeSpan.FromDays(1), bars[0].Interval);
    }

    [Fact]
    public void ReadAll_TabSeparatedWithDecimalCommas_NamesTheLineAndTheNumber()
    {
        var error = Assert.Throws<BarDataException>(() => Read(
            "Date\tOpen\tHigh\tLow\tClose\tVolume\n2024-01-02\t1,10427\t1,10440\t1,10417\t1,10430\t0\n"));

        Assert.Equal(2, error.Line);
        Assert.Contains("open '1,10427' is not a number", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_Mt4ExportWithNoHeader_ReadsItsFirstLineAsABar()
    {
        var exported = Read("\uFEFF2024.01.02,00:00,1.10427,1.10440,1.10417,1.10430,57\n2024.01.02,00:01,1.10430,1.10478,1.10420,1.10468,63\n");
        var plain = Read("""
            Date,Open,High,Low,Close,Volume
            2024-01-02T00:00:00Z,1.10427,1.10440,1.10417,1.10430,57
            2024-01-02T00:01:00Z,1.10430,1.10478,1.10420,1.10468,63
            """);

        Assert.Equal(plain, exported);
    }

    [Theory]
    [InlineData("1735689600000", "1735689660000")]        // milliseconds
    [InlineData("1735689600000000", "1735689660000000")]  // microseconds, as Binance's spot files have them since 2025
    public void ReadAll_BinanceKlinesWithNoHeader_ReadTheirOpenTimeAndPrices(string first, string second)
    {
        var bars = Read($"{first},93576.00,93610.93,93537.50,93610.93,8.21827,1735689659999,768978.6,1317,3.17,296655.0,0\n" +
            $"{second},93610.93,93652.00,93606.10,93641.99,12.0,1735689719999,1.0,1,1.0,1.0,0\n");

        Assert.Equal([new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 0, 1, 0, TimeSpan.Zero)], bars.Select(b => b.Time));
        Assert.Equal((93576.00m, 93610.93m, 93537.50m, 93610.93m, 8.21827m), (bars[0].Open, bars[0].High, bars[0].Low, bars[0].Close, bars[0].Volume));
    }

    [Fact]
    public void ReadAll_NoHeaderInNoKnownLayout_AsksForAHeaderOnLineOne()
    {
        var error = Assert.Throws<BarDataException>(() => Read("2024-01-02,1,2,1,2,10,5,5\n"));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("the file has no header, and a first line of 8 fields is no layout known", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_DottedDateThatIsNoDate_SaysWhatADateMustBe()
    {
        var error = Assert.Throws<BarDataException>(() => Read("Date,Open,High,Low,Close,Volume\n2024.13.02,1,1,1,1,0\n"));

        Assert.Equal(2, error.Line);
        Assert.Contains("date '2024.13.02' is not yyyy-MM-dd", error.Detail, StringComparison.Ordinal);
    }
}
