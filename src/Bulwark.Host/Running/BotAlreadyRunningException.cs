namespace Bulwark.Host.Running;

public sealed class BotAlreadyRunningException(string botId, string lockPath)
    : InvalidOperationException($"Bot '{botId}' is already running (another process holds {lockPath}).")
{
    public string BotId { get; } = botId;
}
