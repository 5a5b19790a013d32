using Bulwark.Core.Orders;

namespace Bulwark.Core.Tests.Orders;

public sealed class ClientOrderIdsTests
{
    [Theory]
    [InlineData("backtest-20240102-000042", "backtest-20240102-", 6, 42L)]
    [InlineData("bot-20240102-1234567", "bot-20240102-", 7, 1234567L)]
    [InlineData("a", null, 0, 0L)]
    [InlineData("x-007", "x-", 3, 7L)]
    [InlineData("42", "", 2, 42L)]
    [InlineData("id-1234567890123456789", null, 19, 0L)] // 19 digits: too many for a number
    [InlineData("", null, 0, 0L)]
    public void TrySplit_ThenJoin_GivesTheSameIdBack(string id, string? prefix, int digits, long value)
    {
        var split = ClientOrderIds.TrySplit(id, out var length, out var width, out var number);

        Assert.Equal(prefix is not null, split);
        if (!split) return;
        Assert.Equal((prefix, digits, value), (id[..length], width, number));
        Assert.Equal(id, ClientOrderIds.Join(prefix!, width, number));
    }

    [Fact]
    public void TrySplit_KeepsLeadingZeros_SoIdsThatDifferOnlyInPaddingStayApart()
    {
        ClientOrderIds.TrySplit("x-01", out _, out var a, out var va);
        ClientOrderIds.TrySplit("x-1", out _, out var b, out var vb);

        Assert.Equal(va, vb);
        Assert.NotEqual(a, b);
    }
}
