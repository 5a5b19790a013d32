using Bulwark.Core.Risk;

namespace Bulwark.Host.Tests.Configuration;

/// <summary>A bot's <c>blackouts</c> key: a CSV file read at load, so a bad file is an error at the key naming its line.</summary>
public sealed class BlackoutsConfigTests : IDisposable
{
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Bot(string file) => $$"""
        bots:
          - id: b1
            feed: { type: synthetic, symbols: [ { symbol: AAPL, startPrice: 100 } ] }
            instruments: [ { symbol: AAPL }, { symbol: MSFT } ]
            strategies: [ { name: sma-cross, symbols: [AAPL, MSFT] } ]
            blackouts: {{file}}
        """;

    [Fact]
    public void TheFile_IsReadIntoTheBotsBlackouts_WithItsFullPath()
    {
        _dir.WriteFile("events/b.csv", "symbol,from,to,reason,exit\nAAPL,2024-05-02,2024-05-03,earnings,true\n*,2024-06-12,,FOMC,\n");

        var bot = ConfigAssert.Loaded(_dir.Load(Bot("events/b.csv"))).Bots[0];

        Assert.Equal(Path.Combine(_dir.Directory, "events", "b.csv"), bot.Blackouts!.Value.File);
        var all = bot.Blackouts.Value.Blackouts.All;
        Assert.Equal([("AAPL", true), (Blackouts.AllSymbols, false)], all.Select(b => (b.Symbol, b.Exit)));
        Assert.Equal("FOMC", bot.Blackouts.Value.Blackouts.Find("MSFT", new DateOnly(2024, 6, 12))!.Reason);
        Assert.Null(ConfigAssert.Loaded(_dir.Load(Bot("events/b.csv").Replace("    blackouts: events/b.csv", "", StringComparison.Ordinal))).Bots[0].Blackouts);
    }

    [Fact]
    public void ABadRow_AMissingFile_OrASymbolTheBotDoesNotTrade_IsAnErrorAtTheKey()
    {
        var bad = _dir.WriteFile("bad.csv", "symbol,from,to\nAAPL,2024-05-02,\nMSFT,2024-05-03,2024-05-01\n");
        var other = _dir.WriteFile("other.csv", "symbol,from,to\nAAPL,2024-05-02,\nAAPLE,2024-05-03,\n");

        ConfigAssert.HasError(_dir.Load(Bot("bad.csv")), "bots[0].blackouts", 6, $"'{bad}' line 3: to 2024-05-01 is before from 2024-05-03");
        ConfigAssert.HasError(_dir.Load(Bot("none.csv")), "bots[0].blackouts", 6, $"file not found: {Path.Combine(_dir.Directory, "none.csv")}");
        ConfigAssert.HasError(_dir.Load(Bot("other.csv")), "bots[0].blackouts", 6,
            $"'{other}' gives blackouts of AAPLE, not among the bot's instruments (AAPL, MSFT); give * for every symbol");
    }
}
