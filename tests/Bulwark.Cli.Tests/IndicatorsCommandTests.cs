using Bulwark.Tests.Shared;
using Bulwark.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

public sealed class IndicatorsCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Closes 10, 12, 11, 11.5, 13.
    private const string FiveDays = """
        Date,Open,High,Low,Close,Volume
        2024-01-02,10,11,9,10,100
        2024-01-03,10,13,10,12,100
        2024-01-04,12,12,10.5,11,100
        2024-01-05,11,12,10,11.5,100
        2024-01-08,11.5,14,11,13,100
        """;

    private static string[] Lines(CliRun run) => run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<CliRun> IndicatorsAsync(string workingDirectory, params string[] args) =>
        await BulwarkProcess.RunAsync(workingDirectory, Timeout, ["indicators", .. args]);

    [Fact]
    public async Task Header_IsDateThenOneColumnPerOutput_InTheOrderAsked()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv",
            "--indicator", "rsi:2", "--indicator", "bbands:3:2", "--indicator", "sma:2", "--indicator", "ema:3", "--indicator", "atr:2");
        Assert.True(run.ExitCode == 0, run.All);
        var lines = Lines(run);
        Assert.Equal("date,rsi_2,bbands_3_2_mid,bbands_3_2_top,bbands_3_2_bot,sma_2,ema_3,atr_2", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.All(lines, l => Assert.Equal(7, l.Count(c => c == ',')));
    }

    [Fact]
    public async Task Cells_AreEmptyUntilEachIndicatorHasWarmedUp_ThenHoldSixDecimals()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "sma:2", "--indicator", "rsi:2", "--indicator", "sma:3");
        Assert.True(run.ExitCode == 0, run.All);
        // sma:2 from the 2nd bar; sma:3 from the 3rd; rsi:2 from the 3rd (it needs two changes: +2, -1).
        // rsi:2: gain/loss seeds (2+0)/2 = 1 and (0+1)/2 = 0.5 -> 100 * 1/1.5; then +0.5: 0.75 and 0.25 -> 75;
        // then +1.5: 1.125 and 0.125 -> 90. sma:3: 33/3, 34.5/3, 35.5/3.
        Assert.Equal(
        [
            "date,sma_2,rsi_2,sma_3",
            "2024-01-02,,,",
            "2024-01-03,11.000000,,",
            "2024-01-04,11.500000,66.666667,11.000000",
            "2024-01-05,11.250000,75.000000,11.500000",
            "2024-01-08,12.250000,90.000000,11.833333",
        ], Lines(run));
        Assert.Empty(run.StdErr);
    }

    [Fact]
    public async Task Supertrend_PrintsItsLineAndDirection_TurningUpOnACloseAboveTheUpperBand()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "supertrend:2:0.5");
        Assert.True(run.ExitCode == 0, run.All);
        // ATR(2) 2.5, 2, 2, 2.5 from the 2nd bar; bands 0.5 ATR from (high + low) / 2. Bar 2: 11.5 +- 1.25, a downtrend on
        // 12.75. Bar 3: the upper falls to 12.25 (the lower keeps 10.25). Bar 4: to 12. Bar 5: the lower rises to 11.25,
        // and the close of 13 is above 12: the trend turns up, the line on the lower band.
        Assert.Equal(
        [
            "date,supertrend_2_0.5_line,supertrend_2_0.5_dir",
            "2024-01-02,,",
            "2024-01-03,12.750000,-1.000000",
            "2024-01-04,12.250000,-1.000000",
            "2024-01-05,12.000000,-1.000000",
            "2024-01-08,11.250000,1.000000",
        ], Lines(run));
    }

    [Fact]
    public async Task ParabolicSar_PrintsItsStopAndDirection_ReversingWhenABarReachesTheStop()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "psar:0.5:1");
        Assert.True(run.ExitCode == 0, run.All);
        // Bar 2 rose: up, the first bar's low 9 its stop, the extreme 13; 9 + 0.5 x 4 = 11 is kept below bar 2's low 10.
        // Bar 3: 10 + 0.5 x 3 = 11.5, kept at 10 again. Bar 4's low 10 reaches it: down, its stop the extreme 13, then 13 -
        // 0.5 x 3 = 11.5, kept above the highs 12. Bar 5's high 14 reaches 12: up, its stop the extreme 10.
        Assert.Equal(
        [
            "date,psar_0.5_1_sar,psar_0.5_1_dir",
            "2024-01-02,,",
            "2024-01-03,9.000000,1.000000",
            "2024-01-04,10.000000,1.000000",
            "2024-01-05,13.000000,-1.000000",
            "2024-01-08,10.000000,1.000000",
        ], Lines(run));
    }

    [Fact]
    public async Task Aroon_PrintsUpDownAndTheOscillator_TheLatestOfEqualLowsCounting()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "aroon:2");
        Assert.True(run.ExitCode == 0, run.All);
        // Three bars a window. Bar 3: the 13 one bar ago (50), the 9 two (0). Bar 4: the 13 two bars ago (0); the lows
        // 10 on bars 2 and 4, the latest this bar (100). Bar 5: a new high 14 (100), the 10 one bar ago (50).
        Assert.Equal(
        [
            "date,aroon_2_up,aroon_2_down,aroon_2_osc",
            "2024-01-02,,,",
            "2024-01-03,,,",
            "2024-01-04,50.000000,0.000000,50.000000",
            "2024-01-05,0.000000,100.000000,-100.000000",
            "2024-01-08,100.000000,50.000000,50.000000",
        ], Lines(run));
    }

    [Fact]
    public async Task Ichimoku_PrintsTheMidpointsAndTheCloudAtTheBarAndAhead()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "ichimoku:1:2:3:1");
        Assert.True(run.ExitCode == 0, run.All);
        // Bar 4: its midpoint 11; bars 3-4 (12, 10) 11; the cloud made at bar 3, (11.25 + 11.5) / 2 and bars 1-3 (13, 9)
        // 11; made now, (11 + 11) / 2 and bars 2-4 (13, 10) 11.5. Bar 5: 12.5; bars 4-5 (14, 10) 12; bar 4's cloud; made
        // now (12.5 + 12) / 2 and bars 3-5 (14, 10) 12.
        Assert.Equal(
        [
            "date,ichimoku_1_2_3_1_tenkan,ichimoku_1_2_3_1_kijun,ichimoku_1_2_3_1_spana,ichimoku_1_2_3_1_spanb,ichimoku_1_2_3_1_leada,ichimoku_1_2_3_1_leadb",
            "2024-01-02,,,,,,",
            "2024-01-03,,,,,,",
            "2024-01-04,,,,,,",
            "2024-01-05,11.000000,11.000000,11.375000,11.000000,11.000000,11.500000",
            "2024-01-08,12.500000,12.000000,11.000000,11.500000,12.250000,12.000000",
        ], Lines(run));
    }

    [Fact]
    public async Task Kama_IsSeededWithTheMean_ThenMovesByHowStraightThePathWas()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "kama:2");
        Assert.True(run.ExitCode == 0, run.All);
        // Ready at bar 3 with (12 + 11) / 2. Bar 4, 11.5: the close is the average, so no change. Bar 5, 13: up 2 from 11 along a
        // path of 0.5 + 1.5, ratio 1, so the fast factor 2/3, squared: 11.5 + 4/9 × 1.5.
        Assert.Equal(
        [
            "date,kama_2",
            "2024-01-02,",
            "2024-01-03,",
            "2024-01-04,11.500000",
            "2024-01-05,11.500000",
            "2024-01-08,12.166667",
        ], Lines(run));
    }

    [Fact]
    public async Task WmaAndHma_WeighTheLatestCloses_AndHullsLeadsThemPastTheClose()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "wma:3", "--indicator", "hma:3");
        Assert.True(run.ExitCode == 0, run.All);
        // WMA(3) at bar 3: (10 + 2×12 + 3×11) / 6 = 67/6; then 68.5/6 and 73/6. Hull's of 3 (halves of 1, a root of 1) is
        // 2 × the close - WMA(3): 22 - 67/6, 23 - 68.5/6, 26 - 73/6, past the close the way it moved.
        Assert.Equal(
        [
            "date,wma_3,hma_3",
            "2024-01-02,,",
            "2024-01-03,,",
            "2024-01-04,11.166667,10.833333",
            "2024-01-05,11.416667,11.583333",
            "2024-01-08,12.166667,13.833333",
        ], Lines(run));
    }

    [Fact]
    public async Task DemaAndTema_ChainEmasOfTheirEmas_AndLeadTheEma()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "ema:2", "--indicator", "dema:2", "--indicator", "tema:2");
        Assert.True(run.ExitCode == 0, run.All);
        // EMA(2): 11, 11, 34/3, 112/9. Its EMA, seeded at bar 3 with (11 + 11) / 2: 11, 101/9, 325/27; the EMA of that, seeded
        // at bar 4 with (11 + 101/9) / 2 = 100/9, then 950/81. DEMA: 11, 2 × 34/3 - 101/9 = 103/9, 2 × 112/9 - 325/27 = 347/27.
        // TEMA: 3 × 34/3 - 3 × 101/9 + 100/9 = 103/9, 3 × 112/9 - 3 × 325/27 + 950/81 = 1049/81: nearer the 13 than the EMA.
        Assert.Equal(
        [
            "date,ema_2,dema_2,tema_2",
            "2024-01-02,,,",
            "2024-01-03,11.000000,,",
            "2024-01-04,11.000000,11.000000,",
            "2024-01-05,11.333333,11.444444,11.444444",
            "2024-01-08,12.444444,12.851852,12.950617",
        ], Lines(run));
    }

    [Fact]
    public async Task Trix_IsTheTripleEmasChangeInPercent_WithItsSignalLineWhenGiven()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "trix:1:2", "--indicator", "trix:2");
        Assert.True(run.ExitCode == 0, run.All);
        // TRIX(1) is the one-bar change: 20, -25/3, 50/11, 300/23 (percent). Its EMA(2) is seeded at bar 3 with the mean of
        // the first two, 35/6, then moves two thirds of the way to each: 985/198, 10.353901. TRIX(2): the EMA(2) of the EMA(2)
        // of the EMA(2) is 100/9 at bar 4 and 950/81 at bar 5, a change of 100 × 50/900 = 50/9 percent.
        Assert.Equal(
        [
            "date,trix_1_2_line,trix_1_2_signal,trix_1_2_hist,trix_2",
            "2024-01-02,,,,",
            "2024-01-03,,,,",
            "2024-01-04,-8.333333,5.833333,-14.166667,",
            "2024-01-05,4.545455,4.974747,-0.429293,",
            "2024-01-08,13.043478,10.353901,2.689577,5.555556",
        ], Lines(run));
    }

    [Fact]
    public async Task Numbers_RoundHalfAwayFromZero_AndDateTimesPrintAsIsoUtc()
    {
        using var dir = new TempDir();
        dir.File("minutes.csv", """
            Date,Open,High,Low,Close,Volume
            2024-01-02T09:30:00Z,1.000002,1.000002,1.000002,1.000002,1
            2024-01-02T09:31:00Z,1.000003,1.000003,1.000003,1.000003,1
            """);
        var run = await IndicatorsAsync(dir.Path, "--data", "minutes.csv", "--indicator", "sma:2");
        Assert.True(run.ExitCode == 0, run.All);
        // The mean 1.0000025 is a tie at 6 decimals: away from zero gives ...3 (to even would give ...2).
        Assert.Equal(["date,sma_2", "2024-01-02T09:30:00Z,", "2024-01-02T09:31:00Z,1.000003"], Lines(run));
    }

    [Fact]
    public async Task ValuesUnderACent_KeepFiveSignificantDigits()
    {
        using var dir = new TempDir();
        // A coin priced in hundred-thousandths: six places would show its average as 0.000012.
        dir.File("coin.csv", """
            Date,Open,High,Low,Close,Volume
            2024-01-02,0.00001234,0.00001234,0.00001234,0.00001234,1
            2024-01-03,0.00001236,0.00001236,0.00001236,0.00001236,1
            """);
        var run = await IndicatorsAsync(dir.Path, "--data", "coin.csv", "--indicator", "sma:2");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["date,sma_2", "2024-01-02,", "2024-01-03,0.000012350"], Lines(run));
    }

    [Fact]
    public async Task The2006Sample_GivesThePublishedSmaAndEmaRows()
    {
        var data = SharedData("2006-day-001.txt");
        if (data is null) return; // skipped: the reason is in the test output
        using var dir = new TempDir();
        var run = await IndicatorsAsync(dir.Path, "--data", data, "--indicator", "sma:30", "--indicator", "ema:30");
        Assert.True(run.ExitCode == 0, run.All);
        var lines = Lines(run);
        Assert.Equal(256, lines.Length);
        Assert.Equal("date,sma_30,ema_30", lines[0]);
        Assert.Contains("2006-02-09,,", lines);
        Assert.Contains("2006-02-10,3644.444667,3644.444667", lines);
        Assert.Equal("2006-12-29,4063.463000,4070.115719", lines[^1]);
    }

    [Fact]
    public async Task The2006Sample_GivesThePublishedMacdStochasticAndAdxRows_AndTheChannels()
    {
        var data = SharedData("2006-day-001.txt");
        if (data is null) return; // skipped: the reason is in the test output
        using var dir = new TempDir();
        var run = await IndicatorsAsync(dir.Path, "--data", data,
            "--indicator", "macd:12:26:9", "--indicator", "stoch:14:3:3", "--indicator", "adx:14", "--indicator", "donchian:20");
        Assert.True(run.ExitCode == 0, run.All);
        var lines = Lines(run);
        Assert.Equal(256, lines.Length);
        Assert.Equal(
            "date,macd_12_26_9_line,macd_12_26_9_signal,macd_12_26_9_hist,stoch_14_3_3_k,stoch_14_3_3_d," +
            "adx_14_adx,adx_14_plus,adx_14_minus,donchian_20_mid,donchian_20_top,donchian_20_bot", lines[0]);
        // The stochastic is ready first (18 bars), the channel at 20, the ADX at 28, MACD at 34.
        Assert.Contains("2006-01-24,,,,,,,,,,,", lines);
        Assert.StartsWith("2006-01-25,,,,21.409626,15.710059,,,,,,", lines.Single(l => l.StartsWith("2006-01-25", StringComparison.Ordinal)), StringComparison.Ordinal);
        // The last row against backtrader's published last values; the channel is the last 20 highs and lows.
        Assert.Equal("2006-12-29,25.821368,21.977853,3.843516,88.667626,82.845850,15.302485,28.809535,24.638772,4030.920000,4147.380000,3914.460000", lines[^1]);
        Assert.Empty(run.StdErr);
    }

    [Theory]
    [InlineData("sma", "missing period")]
    [InlineData("sma:0", "period '0'")]
    [InlineData("ema:ten", "period 'ten'")]
    [InlineData("cci:20", "unknown indicator 'cci'")]
    [InlineData("macd:26:12:9", "fast period 26 is not below the slow period 12")]
    [InlineData("keltner:20", "missing K (expected keltner:N:K[:A])")]
    [InlineData("bbands:20", "missing K")]
    [InlineData("bbands:20:-2", "K '-2'")]
    [InlineData("rsi:14:3", "too many parts")]
    [InlineData("aroon:25:2", "too many parts (expected aroon:N)")]
    [InlineData("ichimoku:26:9:52", "conversion period T 26 is not below the base period K 9 (expected ichimoku:T:K:S[:D])")]
    [InlineData("kama:10:40", "fast period F 40 is not below the slow period S 30 (Kaufman's, S left out) (expected kama:N[:F][:S])")]
    [InlineData("hma:0", "period '0' is not a whole number from 1 to 100000 (expected hma:N)")]
    [InlineData("tema:2:1", "too many parts (expected tema:N)")]
    public async Task BadIndicatorSyntax_ExitsTwoNamingTheArgument(string spec, string problem)
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "sma:2", "--indicator", spec);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--indicator '{spec}': {problem}", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    [Fact]
    public async Task SameIndicatorTwice_ExitsTwo()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "sma:2", "--indicator", "SMA:02");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--indicator 'SMA:02': sma:2 is asked for twice", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-04,12,10.5,12,11,100", "high 10.5 is below low 12")]
    [InlineData("2024-01-04,12,12,10.5,NaN,100", "close 'NaN' is not a finite number")]
    [InlineData("2024-13-04,12,12,10.5,11,100", "date '2024-13-04'")]
    [InlineData("2024-01-01,12,12,10.5,11,100", "before the previous row's 2024-01-03")]
    public async Task BadDataRow_ExitsTwoNamingFileAndLine_BeforePrintingAnything(string row, string problem)
    {
        using var dir = new TempDir();
        dir.File("bars.csv", $"""
            Date,Open,High,Low,Close,Volume
            2024-01-02,10,11,9,10,100
            2024-01-03,10,13,10,12,100
            {row}
            2024-01-05,11,12,10,11.5,100
            """);
        var run = await IndicatorsAsync(dir.Path, "--data", "bars.csv", "--indicator", "sma:2");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bars.csv:4: ", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(problem, run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    [Fact]
    public async Task MissingFileOrOptions_ExitTwo()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", FiveDays);
        var missing = await IndicatorsAsync(dir.Path, "--data", "nowhere.csv", "--indicator", "sma:2");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere.csv", missing.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, (await IndicatorsAsync(dir.Path, "--data", "bars.csv")).ExitCode);
        Assert.Equal(2, (await IndicatorsAsync(dir.Path, "--indicator", "sma:2")).ExitCode);
    }

    [Fact]
    public async Task AListOfFiles_ExitsTwoSayingItReadsOneFile()
    {
        using var dir = new TempDir();
        dir.File("A.csv", FiveDays);
        dir.File("B.csv", FiveDays);
        var run = await IndicatorsAsync(dir.Path, "--data", "A.csv,B.csv", "--indicator", "sma:2");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data 'A.csv,B.csv': indicators reads one file (a row per bar); run it once per file", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    private string? SharedData(string name) => SharedDataFile.Find(name, output);
}
