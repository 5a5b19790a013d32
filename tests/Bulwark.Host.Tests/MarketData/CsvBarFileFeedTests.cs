using Bulwark.Core.MarketData;
using Bulwark.Host.MarketData;

namespace Bulwark.Host.Tests.MarketData;

public sealed class CsvBarFileFeedTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bulwark-csvfeed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Read_TwoFiles_MergesByTimeWithSymbolsFromConfigOrFileName()
    {
        var a = Write("AAA.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n2024-01-04,2,3,2,3,10\n");
        var b = Write("b.csv", "date,open,high,low,close,volume,Adj Close\n2024-01-03,5,6,5,6,10,6\n");
        var feed = new CsvBarFileFeed(new CsvBarFileFeedOptions { Files = [new CsvBarFile(a), new CsvBarFile(b, "BBB")] }, TimeProvider.System);

        var bars = feed.Read().ToList();

        Assert.Equal(["AAA", "BBB", "AAA"], bars.Select(x => x.Symbol));
        Assert.Equal([2m, 6m, 3m], bars.Select(x => x.Close));
    }

    [Fact]
    public void Read_WithATimeZone_ReadsWallClockRowsThere()
    {
        var a = Write("ES.csv", "Date,Open,High,Low,Close,Volume\n2024-07-01 08:30,1,2,1,2,10\n2024-07-01 08:31,2,3,2,3,10\n");
        var feed = new CsvBarFileFeed(new CsvBarFileFeedOptions
        {
            Files = [new CsvBarFile(a)],
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"),
        }, TimeProvider.System);

        var bars = feed.Read().ToList();

        Assert.Equal([new DateTimeOffset(2024, 7, 1, 13, 30, 0, TimeSpan.Zero), new DateTimeOffset(2024, 7, 1, 13, 31, 0, TimeSpan.Zero)],
            bars.Select(x => x.Time));
    }

    [Fact]
    public void Read_Adjusted_ScalesByTheAdjCloseColumn()
    {
        var a = Write("XYZ.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2024-06-03,200,210,190,200,100,1000\n");
        var feed = new CsvBarFileFeed(new CsvBarFileFeedOptions { Files = [new CsvBarFile(a)], Adjusted = true }, TimeProvider.System);

        var bar = Assert.Single(feed.Read());

        Assert.Equal((100m, 105m, 95m, 100m, 2000m), (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
    }

    [Fact]
    public void Read_MalformedRow_NamesFileAndLine()
    {
        var bad = Write("bad.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n2024-01-03,1,0.5,1,1,10\n");
        var feed = new CsvBarFileFeed(new CsvBarFileFeedOptions { Files = [new CsvBarFile(bad, "X")] }, TimeProvider.System);

        var ex = Assert.Throws<BarDataException>(() => feed.Read().ToList());
        Assert.Equal(3, ex.Line);
        Assert.Contains("bad.csv", ex.Message);
    }

    [Fact]
    public void Create_WithMissingFile_NamesThePath()
    {
        var missing = Path.Combine(_dir, "nope.csv");
        var ex = Assert.Throws<FileNotFoundException>(() =>
            new CsvBarFileFeed(new CsvBarFileFeedOptions { Files = [new CsvBarFile(missing, "X")] }, TimeProvider.System).Read().ToList());
        Assert.Contains("nope.csv", ex.Message);
    }
}
