using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>--data names files by commas, several values, repeats, or a directory of them.</summary>
public sealed class DataPathsTests
{
    private const string Bars = "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,0\n2024-01-03,2,2,2,2,0\n";

    [Fact]
    public void ADirectory_IsItsCsvAndTxtFilesInNameOrder_AndOtherValuesKeepTheirOrder()
    {
        using var dir = new TempDir();
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "daily")).FullName;
        File.WriteAllText(Path.Combine(folder, "MSFT.csv"), Bars);
        File.WriteAllText(Path.Combine(folder, "AAPL.TXT"), Bars);
        File.WriteAllText(Path.Combine(folder, "notes.md"), "not bars");
        Directory.CreateDirectory(Path.Combine(folder, "old"));
        var spy = dir.File("SPY.csv", Bars);
        var qqq = dir.File("QQQ.csv", Bars);

        var paths = DataPaths.Expand([$"{spy}, {qqq}", folder]);

        Assert.Equal([spy, qqq, Path.Combine(folder, "AAPL.TXT"), Path.Combine(folder, "MSFT.csv")], paths);
    }

    [Fact]
    public void ADirectoryWithoutBarFiles_OrNothingAtAll_IsAUsageError()
    {
        using var dir = new TempDir();
        dir.File("notes.md", "not bars");

        Assert.Equal($"--data '{dir.Path}': the directory holds no .csv or .txt file",
            Assert.Throws<UsageException>(() => DataPaths.Expand([dir.Path])).Message);
        Assert.Equal("--data: no file given", Assert.Throws<UsageException>(() => DataPaths.Expand([" , "])).Message);
    }
}
