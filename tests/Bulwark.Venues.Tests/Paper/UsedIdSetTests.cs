using Bulwark.Venues.Paper;

namespace Bulwark.Venues.Tests.Paper;

public sealed class UsedIdSetTests
{
    [Fact]
    public void Ids_AreTheSameEntryOnlyWhenTheyAreTheSameString()
    {
        var set = new UsedIdSet();
        string[] ids = ["bot-20240102-000001", "bot-20240102-000002", "bot-20240103-000001", "bot-20240102-1", "b", "b-", "007", "7", ""];

        foreach (var id in ids) Assert.True(set.Add(id), id);
        foreach (var id in ids) Assert.False(set.Add(new string(id.AsSpan())), id); // an equal string, not the same instance
        foreach (var id in ids) Assert.True(set.Contains(new string(id.AsSpan())), id);
        Assert.False(set.Contains("bot-20240102-000003"));
        Assert.False(set.Contains("bot-20240104-000001"));
        Assert.False(set.Contains("bot-20240102-01"));
        Assert.False(set.Contains("c"));
    }

    [Fact]
    public void AnIdWithoutPrefix_IsFound_AfterIdsWithOtherPrefixes()
    {
        var set = new UsedIdSet();
        Assert.True(set.Add("42"));
        Assert.True(set.Add("bot-20240102-000001"));

        Assert.True(set.Contains("42"));
        Assert.False(set.Add("42"));
        Assert.False(set.Contains("43"));
    }
}
