using System.Text.Json;

namespace Bulwark.Cli.Tests.Support;

/// <summary>Waits on a running bot through `status --json`, as an operator would watch it.</summary>
public static class StatusPoll
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Polls `status --json` (data dir <c>d</c>) until the first bot's entry satisfies <paramref name="condition"/>, or fails after 20 seconds.</summary>
    public static async Task<JsonElement> UntilAsync(string cwd, Func<JsonElement, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var status = await BulwarkProcess.RunAsync(cwd, CommandTimeout, "status", "--json", "--data-dir", "d");
            Assert.True(status.ExitCode == 0, status.All);
            var bot = JsonDocument.Parse(status.StdOut).RootElement.GetProperty("bots")[0];
            if (condition(bot)) return bot.Clone();
            Assert.True(DateTime.UtcNow < deadline, $"no {what} within 20 seconds: {status.StdOut}");
        }
    }
}
