using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

public sealed class ConfigErrorFormatterTests
{
    [Theory]
    [InlineData("bots[0].sizing.quantity", "must be > 0", "bulwark.yaml", 14, "bulwark.yaml:14: bots[0].sizing.quantity: must be > 0")]
    [InlineData("", "file not found", "bulwark.yaml", null, "bulwark.yaml: file not found")]
    [InlineData("snapshotEveryEvents", "must be > 0 (set by BULWARK__SnapshotEveryEvents)", null, null,
        "snapshotEveryEvents: must be > 0 (set by BULWARK__SnapshotEveryEvents)")]
    public void Format_PutsLocationThenKeyPathThenMessage(string keyPath, string message, string? file, int? line, string expected)
    {
        Assert.Equal(expected, ConfigErrorFormatter.Format(new ConfigError(keyPath, message, file, line)));
    }

    [Fact]
    public void FormatAll_GivesOneLinePerErrorInOrder()
    {
        var lines = ConfigErrorFormatter.FormatAll(
        [
            new ConfigError("a", "one", "f.yaml", 1),
            new ConfigError("b", "two", "f.yaml", 2),
        ]);

        Assert.Equal(["f.yaml:1: a: one", "f.yaml:2: b: two"], lines);
    }
}
