using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WriteAllBytes_WhenTargetIsNew_CreatesItAndItsDirectory()
    {
        var path = Path.Combine(_dir.Path, "exports", "state.json");

        await AtomicFile.WriteAllBytesAsync(path, "{\"a\":1}"u8.ToArray(), Ct);

        Assert.Equal("{\"a\":1}"u8.ToArray(), await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task WriteAllBytes_WhenTargetExists_ReplacesItAndLeavesNoTempFile()
    {
        var path = Path.Combine(_dir.Path, "state.json");
        await File.WriteAllTextAsync(path, "old content that is longer than the new one");

        await AtomicFile.WriteAllBytesAsync(path, "new"u8.ToArray(), Ct);

        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task WriteAllBytes_WhenPathIsADirectory_ThrowsAndLeavesItAlone()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => AtomicFile.WriteAllBytesAsync(_dir.Path, new byte[] { 1 }, Ct));

        Assert.Contains("is a directory", ex.Message);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task WriteAllBytes_WhenCanceledBeforeWriting_KeepsTheOldContentAndNoTempFile()
    {
        var path = Path.Combine(_dir.Path, "state.json");
        await File.WriteAllTextAsync(path, "old");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AtomicFile.WriteAllBytesAsync(path, new byte[] { 1, 2, 3 }, new CancellationToken(canceled: true)));

        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void DirectorySync_OnAnExistingDirectory_Succeeds()
    {
        DirectorySync.Flush(_dir.Path); // the libc open/fsync/close calls resolve and work here
    }

    [Fact]
    public void DirectorySync_CreateDurably_CreatesEveryMissingLevel()
    {
        var deep = Path.Combine(_dir.Path, "a", "b", "c");

        DirectorySync.CreateDurably(deep);
        DirectorySync.CreateDurably(deep); // already there: nothing to do

        Assert.True(Directory.Exists(deep));
    }

    [Fact]
    public void DirectorySync_OnAMissingDirectory_ThrowsNamingIt()
    {
        var missing = Path.Combine(_dir.Path, "missing");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => DirectorySync.Flush(missing));

        Assert.Contains(missing, ex.Message);
    }
}
