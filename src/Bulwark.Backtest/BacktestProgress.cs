namespace Bulwark.Backtest;

/// <summary>
/// Bars processed so far, shared by every run that reports into it (an optimizer's parallel runs add up). Runs add
/// in blocks, so reading it costs the hot loop nothing; a display polls <see cref="Done"/> against
/// <see cref="Total"/>.
/// </summary>
public sealed class BacktestProgress(long total)
{
    /// <summary>How many bars a run processes between two reports.</summary>
    public const int Block = 4096;

    private long _done;

    public long Total { get; } = total;

    public long Done => Interlocked.Read(ref _done);

    public void Add(long bars) => Interlocked.Add(ref _done, bars);
}
