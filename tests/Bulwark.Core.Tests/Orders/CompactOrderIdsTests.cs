using Bulwark.Core.Orders;

namespace Bulwark.Core.Tests.Orders;

public sealed class CompactOrderIdsTests
{
    [Theory]
    [InlineData("bot-20240305-000001")]
    [InlineData("bot-20240305-1234567")]
    [InlineData("manual-order")]
    [InlineData("0042")]
    public void Compact_TurnsBackIntoTheSameId_AndMatchesOnlyIt(string id)
    {
        var ids = new CompactOrderIds();

        var compact = ids.Compact(id);

        Assert.Equal(id, compact.ToString());
        Assert.True(compact.Matches(id));
        Assert.False(compact.Matches(id + "0"));
        Assert.True(ids.TryFind(id, out var found));
        Assert.Equal(compact, found);
    }

    [Fact]
    public void IdsOfOneDay_ShareOnePrefixInstance_AndDifferByNumberAndWidth()
    {
        var ids = new CompactOrderIds();

        var a = ids.Compact("bot-20240305-000001");
        var b = ids.Compact(string.Concat("bot-20240305-", "000002"));

        Assert.Same(a.Prefix, b.Prefix);
        Assert.NotEqual(a, b);
        Assert.NotEqual(ids.Compact("bot-20240305-01"), ids.Compact("bot-20240305-001")); // same number, other width
    }

    [Fact]
    public void TryFind_WithAPrefixNeverSeen_FindsNothingAndKeepsNothing()
    {
        var ids = new CompactOrderIds();
        ids.Compact("bot-20240305-000001");

        Assert.False(ids.TryFind("bot-20240306-000001", out _));
        Assert.False(ids.TryFind("bot-20240306-000001", out _));
    }
}
