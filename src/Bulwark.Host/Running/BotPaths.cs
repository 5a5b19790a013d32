namespace Bulwark.Host.Running;

/// <summary>Where one bot keeps its files: everything under {dataDir}/{botId}/.</summary>
public sealed record BotPaths(string DataDir, string BotId)
{
    public string Directory => Path.Combine(DataDir, BotId);
    public string Journal => Path.Combine(Directory, "journal.db");
    public string PaperVenue => Path.Combine(Directory, "paper-venue.db");
    public string Lock => Path.Combine(Directory, "bot.lock");
}
