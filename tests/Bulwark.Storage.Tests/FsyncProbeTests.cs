using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class FsyncProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Measure_ReturnsAPositiveRateAndDeletesItsFile()
    {
        var rate = FsyncProbe.MeasureFsyncsPerSecond(_dir.Path, TimeSpan.FromMilliseconds(50));

        Assert.True(rate > 0, $"rate was {rate}");
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void Measure_WithBadArguments_ThrowsNamingTheProblem()
    {
        Assert.Throws<DirectoryNotFoundException>(() => FsyncProbe.MeasureFsyncsPerSecond(Path.Combine(_dir.Path, "nope"), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FsyncProbe.MeasureFsyncsPerSecond(_dir.Path, TimeSpan.Zero));
    }
}
