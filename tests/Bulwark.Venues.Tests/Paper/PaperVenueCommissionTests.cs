using Bulwark.Venues.Paper;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueCommissionTests
{
    public static TheoryData<string, PaperVenueOptions, decimal> Models => new()
    {
        { "per share", PaperHarness.Plain with { PerShare = 0.01m }, 1m },
        { "percent of notional", PaperHarness.Plain with { PercentOfNotional = 0.1m }, 5m },
        { "per fill", PaperHarness.Plain with { PerFill = 2.5m }, 2.5m },
        { "minimum lifts a small commission", PaperHarness.Plain with { PerShare = 0.005m, MinimumPerFill = 1m }, 1m },
        { "minimum leaves a larger one", PaperHarness.Plain with { PerShare = 0.05m, MinimumPerFill = 1m }, 5m },
        { "all parts add up", PaperHarness.Plain with { PerShare = 0.01m, PercentOfNotional = 0.1m, PerFill = 1m }, 7m },
        { "a cap trims a large one to its percent of the notional", PaperHarness.Plain with { PerShare = 1m, MaximumPercentOfNotional = 1m }, 50m },
        { "a cap wins over the minimum", PaperHarness.Plain with { PerShare = 0.001m, MinimumPerFill = 100m, MaximumPercentOfNotional = 1m }, 50m },
        { "a cap leaves a smaller one", PaperHarness.Plain with { PerShare = 0.01m, MinimumPerFill = 0.5m, MaximumPercentOfNotional = 1m }, 1m },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Fill_ChargesTheCommissionModelAndTakesItFromCash(string model, PaperVenueOptions options,
        decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync(options);
        await h.BuyAsync("c-1", 100m);

        await h.BarAtAsync(50m); // notional 5,000

        Assert.True(expected == Assert.Single(await h.FillsAsync()).Commission, model);
        Assert.Equal(100_000m - 5_000m - expected, await h.CashAsync());
    }

    [Fact]
    public async Task PercentOfNotional_CountsTheContractMultiplier()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with
        {
            InitialCash = 1_000_000m,
            PercentOfNotional = 0.01m,
        });
        await h.BuyAsync("c-1", 2m, symbol: "ES");

        await h.BarAtAsync(4_000m, symbol: "ES"); // notional 2 * 4,000 * 50 = 400,000

        Assert.Equal(40m, Assert.Single(await h.FillsAsync()).Commission);
        Assert.Equal(1_000_000m - 400_000m - 40m, await h.CashAsync());
    }

    [Fact]
    public async Task PerFillCommission_IsChargedOnEveryPartialFill()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with
        {
            PerFill = 1m,
            MaxVolumeParticipation = 0.5m,
        });
        await h.BuyAsync("c-1", 30m);

        for (var i = 0; i < 3; i++) await h.BarAtAsync(10m, volume: 20m);

        Assert.Equal([1m, 1m, 1m], (await h.FillsAsync()).Select(f => f.Commission));
        Assert.Equal(100_000m - 300m - 3m, await h.CashAsync());
    }
}
