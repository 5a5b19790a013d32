using Bulwark.Backtest;
using Spectre.Console;

namespace Bulwark.Cli;

/// <summary>
/// A progress bar with an ETA on standard error for long research runs, only in an interactive terminal (never in
/// pipes, files or CI logs, and never on standard output, which may carry JSON). It appears once a run has taken
/// longer than a second (BULWARK_PROGRESS_AFTER, in seconds, changes that), so short runs print nothing extra;
/// BULWARK_NO_PROGRESS turns it off. The run is started on the thread pool: a backtest whose awaits all complete at
/// once (the in-memory venue and journal) would otherwise run to its end before the display could look at it.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);

    /// <param name="total">Bars the work will process in all: the bar's 100 %.</param>
    /// <param name="start">Starts the work, which reports its bars into the progress it is given.</param>
    public static async Task<T> RunAsync<T>(string description, long total, Func<BacktestProgress, Task<T>> start, TimeProvider time)
    {
        var progress = new BacktestProgress(total);
        var work = Task.Run(() => start(progress));
        if (!Console.IsErrorRedirected && Environment.GetEnvironmentVariable("BULWARK_NO_PROGRESS") is null)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            var grace = Grace();
            // A grace of 0 shows every run, however short (its bar then reads 100 % at once).
            if (console.Profile.Capabilities.Interactive
                && (grace == TimeSpan.Zero || await Task.WhenAny(work, Task.Delay(grace, time)).ConfigureAwait(false) != work))
            {
                await console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                        new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask(description, maxValue: Math.Max(progress.Total, 1));
                        while (!work.IsCompleted)
                        {
                            task.Value = progress.Done;
                            await Task.WhenAny(work, Task.Delay(Refresh, time)).ConfigureAwait(false);
                        }
                        task.Value = task.MaxValue;
                    }).ConfigureAwait(false);
            }
        }
        return await work.ConfigureAwait(false);
    }

    private static TimeSpan Grace() =>
        double.TryParse(Environment.GetEnvironmentVariable("BULWARK_PROGRESS_AFTER"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(1);
}
