using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

public sealed class CalendarCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static async Task<CliRun> Bulwark(params string[] args)
    {
        using var dir = new TempDir();
        return await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
    }

    [Fact]
    public async Task Sessions_PrintsCsvWithLocalTimesAndOffsets()
    {
        var run = await Bulwark("calendar", "sessions", "--exchange", "XNYS", "--from", "2024-07-01", "--to", "2024-07-08");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            session,open,close
            2024-07-01,2024-07-01T09:30:00-04:00,2024-07-01T16:00:00-04:00
            2024-07-02,2024-07-02T09:30:00-04:00,2024-07-02T16:00:00-04:00
            2024-07-03,2024-07-03T09:30:00-04:00,2024-07-03T13:00:00-04:00
            2024-07-05,2024-07-05T09:30:00-04:00,2024-07-05T16:00:00-04:00
            2024-07-08,2024-07-08T09:30:00-04:00,2024-07-08T16:00:00-04:00

            """, run.StdOut.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Sessions_ForAFullYear_HasOneRowPerSessionWithWinterOffsets()
    {
        var run = await Bulwark("calendar", "sessions", "--exchange", "XNYS", "--from", "2024-01-01", "--to", "2024-12-31");
        Assert.Equal(0, run.ExitCode);
        var rows = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("session,open,close", rows[0]);
        Assert.Equal(252, rows.Length - 1);
        Assert.Contains("2024-11-29,2024-11-29T09:30:00-05:00,2024-11-29T13:00:00-05:00", rows);
        Assert.Contains("2024-12-24,2024-12-24T09:30:00-05:00,2024-12-24T13:00:00-05:00", rows);
        Assert.DoesNotContain(rows, r => r.StartsWith("2024-12-25", StringComparison.Ordinal));
        Assert.Equal("2024-01-02,2024-01-02T09:30:00-05:00,2024-01-02T16:00:00-05:00", rows[1]);
    }

    [Fact]
    public async Task Sessions_ForCrypto_AreUtcDays()
    {
        var run = await Bulwark("calendar", "sessions", "--exchange", "crypto", "--from", "2024-03-09", "--to", "2024-03-10");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2024-03-10,2024-03-10T00:00:00+00:00,2024-03-11T00:00:00+00:00", run.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-03-11T13:45:00Z", "open (regular hours) at 2024-03-11T09:45:00-04:00")]
    [InlineData("2024-03-08T14:15:00Z", "closed (before open) at 2024-03-08T09:15:00-05:00")]
    [InlineData("2024-03-08T21:30:00Z", "closed (after close) at 2024-03-08T16:30:00-05:00")]
    [InlineData("2024-03-09T15:00:00Z", "closed (weekend)")]
    [InlineData("2024-03-29T15:00:00Z", "closed (holiday: Good Friday)")]
    [InlineData("2025-01-09T15:00:00Z", "closed (holiday: National Day of Mourning for President Jimmy Carter)")]
    [InlineData("2024-07-03T17:30:00Z", "closed (early close: Day before Independence Day) at 2024-07-03T13:30:00-04:00")]
    [InlineData("2024-07-03T09:00", "closed (before open) at 2024-07-03T09:00:00-04:00")] // no offset: exchange-local
    public async Task IsOpen_PrintsTheAnswerAndItsReason(string at, string expected)
    {
        var run = await Bulwark("calendar", "is-open", "--exchange", "XNYS", "--at", at);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(expected, run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsOpen_Extended_CountsThePostMarket()
    {
        var run = await Bulwark("calendar", "is-open", "--exchange", "XNYS", "--at", "2024-03-08T21:30:00Z", "--extended");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("open (post-market) at 2024-03-08T16:30:00-05:00 XNYS; closes 2024-03-08T20:00:00-05:00", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownExchange_ExitsTwoListingTheKnownCodes()
    {
        var run = await Bulwark("calendar", "sessions", "--exchange", "XLON", "--from", "2024-01-01", "--to", "2024-01-31");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown exchange 'XLON'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("XNYS, XNAS, CRYPTO, FX", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.StdOut);
    }

    [Theory]
    [InlineData("sessions", "--from", "2024-02-30", "is not a date")]
    [InlineData("sessions", "--to", "31/12/2024", "is not a date")]
    [InlineData("sessions", "--from", "1985-01-01", "outside the XNYS calendar's range 1990-01-01..2050-12-31")]
    [InlineData("is-open", "--at", "tomorrow", "is not an ISO 8601 date and time")]
    [InlineData("is-open", "--at", "2024-03-10T02:30", "does not exist in America/New_York")]
    public async Task BadDate_ExitsTwoWithAClearError(string sub, string option, string value, string message)
    {
        string[] args = sub == "sessions"
            ? ["calendar", "sessions", "--exchange", "XNYS", "--from", "2024-01-01", "--to", "2024-12-31"]
            : ["calendar", "is-open", "--exchange", "XNYS"];
        var list = args.ToList();
        var i = list.IndexOf(option);
        if (i >= 0) list[i + 1] = value;
        else list.AddRange([option, value]);
        var run = await Bulwark([.. list]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option}: ", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }
}
