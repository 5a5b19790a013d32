using System.CommandLine;
using System.Globalization;
using System.Text;
using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark indicators --data FILE --indicator sma:30 [--indicator ...]`: streams the bars of a CSV file
/// through the indicators asked and prints CSV: a <c>date</c> column, then one column per indicator output
/// in the order asked, empty while an indicator warms up; numbers in invariant culture with 6 decimals
/// (rounded half away from zero). The whole file is read and checked before anything is printed.
/// </summary>
internal static class IndicatorsCommand
{
    private const string ColumnHelp =
        "Columns: date, then per indicator its name and parameters joined by underscores (sma_30, roc_12), and for " +
        "those with several lines one column each: bbands, keltner and donchian _mid, _top, _bot (bbands_20_2_mid); " +
        "macd _line, _signal, _hist; stoch _k, _d; adx _adx, _plus, _minus (+DI, -DI); aroon _up, _down, _osc (up - " +
        "down); supertrend _line, _dir (1 up, " +
        "-1 down); psar _sar, _dir (psar_0.02_0.2_sar: the stop for the bar, S the acceleration step, M the largest); " +
        "ichimoku:T:K:S[:D] _tenkan, _kijun (the midpoints of T and K bars' range), _spana, _spanb (the cloud at the bar, " +
        "made D bars before, D = K unless given), _leada, _leadb (the cloud made at the bar, drawn D bars ahead). " +
        "kama:N[:F][:S] is Kaufman's adaptive average: the efficiency ratio over N closes moves its smoothing between " +
        "the EMA of F and of S closes (2 and 30 unless given). " +
        "wma:N weighs the newest of N closes N down to 1 for the oldest; hma:N is Hull's: the WMA over √N closes of " +
        "2 × WMA(N/2) - WMA(N), ready after N + √N - 1 bars. " +
        "dema:N is 2 × EMA(N) - the EMA(N) of that EMA, ready after 2N - 1 bars; tema:N is 3 × EMA - 3 × the EMA of it " +
        "+ the EMA of that, ready after 3N - 2 bars. " +
        "trix:N is the one-bar percent change of the EMA(N) of the EMA(N) of the EMA(N), ready after 3N - 1 bars; " +
        "trix:N:G adds its EMA(G) signal line and the histogram: _line, _signal, _hist, ready after 3N + G - 2. " +
        "vratio is a bar's volume over the mean of the N bars before it, what the strategies' volume filter reads. " +
        "Cells are empty before the warm-up period ends (and vratio's while the mean is zero); numbers have 6 decimals. " +
        "Dates are yyyy-MM-dd for daily bars, else ISO UTC.";

    public static Command Create()
    {
        var data = new BarDataOptions(new Option<string>("--data")
        {
            Description = "CSV bars: Date,Open,High,Low,Close,Volume[,OpenInterest] in increasing date order",
            HelpName = "FILE",
            Required = true,
        }, window: false);
        var indicators = new Option<string[]>("--indicator")
        {
            Description = $"An indicator, repeatable, columns in the order given: {IndicatorSpec.Syntax} " +
                          "(N, F, S, G, D and A periods; K a multiplier: standard deviations for bbands, ATRs for keltner)",
            HelpName = "SPEC",
            Required = true,
        };
        var command = new Command("indicators", "Compute indicators over a CSV bar file and print them as CSV. " + ColumnHelp)
        {
            indicators,
        };
        foreach (var option in data.All) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var specs = ParseSpecs(parse.GetValue(indicators) ?? []);
            var path = data.Paths(parse)[0];
            // backtest and optimize take FILE,FILE; this prints one file's rows, so a list is named as such, not as a missing file.
            if (path.Contains(',', StringComparison.Ordinal) && !File.Exists(path))
                throw new UsageException($"--data '{path}': indicators reads one file (a row per bar); run it once per file");
            var bars = BarFiles.Read(path, options: data.ReadOptions(parse));
            await WriteAsync(bars, specs, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <exception cref="UsageException">A spec is malformed, or two give the same columns.</exception>
    private static List<IndicatorSpec> ParseSpecs(string[] texts)
    {
        var specs = new List<IndicatorSpec>(texts.Length);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (!IndicatorSpec.TryParse(text, out var spec, out var problem))
                throw new UsageException($"--indicator '{text}': {problem}");
            if (!columns.Add(spec.ColumnNames[0]))
                throw new UsageException($"--indicator '{text}': {spec} is asked for twice");
            specs.Add(spec);
        }
        return specs;
    }

    /// <exception cref="UsageException">The file is missing or has a bad row ("file:line: problem").</exception>
    private static async Task WriteAsync(IReadOnlyList<Bar> bars, List<IndicatorSpec> specs, CancellationToken ct)
    {
        var running = specs.Select(s => s.Create()).ToArray();
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        await using (stdout.ConfigureAwait(false))
        {
            var line = new StringBuilder("date");
            foreach (var spec in specs)
                foreach (var column in spec.ColumnNames) line.Append(',').Append(column);
            await stdout.WriteLineAsync(line, ct).ConfigureAwait(false);

            foreach (var bar in bars)
            {
                line.Clear().Append(FormatTime(bar));
                foreach (var indicator in running)
                {
                    indicator.Update(in bar);
                    for (var output = 0; output < indicator.OutputCount; output++)
                    {
                        line.Append(',');
                        if (indicator.IsReady) line.Append(FormatNumber(indicator.GetOutput(output)));
                    }
                }
                await stdout.WriteLineAsync(line, ct).ConfigureAwait(false);
            }
        }
    }

    private static string FormatTime(in Bar bar) =>
        bar.Time.TimeOfDay == TimeSpan.Zero && bar.Interval.Ticks % TimeSpan.TicksPerDay == 0
            ? bar.Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : bar.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Six places, or for a value under 0.01 (a coin's price of 0.00001234, its ATR) as many as keep five significant
    /// digits, up to twelve: six places would show 0.000012.
    /// </summary>
    private static string FormatNumber(decimal value)
    {
        var places = Places(value);
        var rounded = decimal.Round(value, places, MidpointRounding.AwayFromZero);
        if (rounded == 0m) rounded = 0m; // no "-0.000000"
        return rounded.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static int Places(decimal value)
    {
        var size = Math.Abs(value);
        if (size == 0m || size >= 0.01m) return 6;
        var zeros = 0; // after the point, before the first significant digit
        while (size < 0.1m && zeros < 12)
        {
            size *= 10m;
            zeros++;
        }
        return Math.Min(12, zeros + 5);
    }
}
