using Bulwark.Host.Running;

namespace Bulwark.Host.Tests.Running;

public sealed class BotLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bulwark-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SecondAcquire_WhileHeld_IsRefused_AndSucceedsAfterRelease()
    {
        var path = Path.Combine(_dir, "bot", "bot.lock");
        using (var first = BotLock.TryAcquire(path))
        {
            Assert.NotNull(first);
            Assert.Null(BotLock.TryAcquire(path));
            Assert.True(BotLock.IsHeld(path));
        }
        Assert.False(BotLock.IsHeld(path));
        using var again = BotLock.TryAcquire(path);
        Assert.NotNull(again);
    }
}
